from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import AssessmentCase


class TestSecurity(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.network = new_test_user(
            cls.env,
            "as_network",
            groups="welfare_base.group_welfare_network",
            company_id=cls.fund_a.company_id.id,
            company_ids=[Command.set((cls.fund_a | cls.fund_b).company_id.ids)],
        )
        cls.officer = new_test_user(
            cls.env,
            "as_officer",
            groups="welfare_base.group_welfare_officer",
            company_id=cls.fund_a.company_id.id,
            company_ids=[Command.set(cls.fund_a.company_id.ids)],
        )
        cls.assessment_a, cls.assessment_b, cls.assessment_far = cls._assess(
            cls.fund_a | cls.fund_b | cls.fund_far
        )
        cls.assessment_a.action_compute()
        cls._line(cls.assessment_a, cls.crit_plan).value = 1
        cls.assessment_a.action_confirm()

    def test_network_user_assesses_funds_of_their_companies(self):
        assessment = self.assessment_b.with_user(self.network)
        assessment.action_compute()
        self._line(assessment, self.crit_plan).value = 1
        assessment.action_confirm()
        self.assertEqual(self.assessment_b.state, "confirmed")

    def test_network_user_cannot_assess_a_fund_of_another_company(self):
        Assessment = self.env["welfare.assessment"].with_user(self.network)
        with self.assertRaises(AccessError):
            Assessment.create(
                {
                    "fund_id": self.fund_far.id,
                    "template_id": self.template.id,
                    "fiscal_year": 2024,
                }
            )
        with self.assertRaises(AccessError):
            self.assessment_far.with_user(self.network).action_compute()

    def test_network_batch_assesses_only_the_funds_they_may_see(self):
        batch = (
            self.env["welfare.assessment.batch"]
            .with_user(self.network)
            .create(
                {
                    "scope": "province",
                    "province_id": self.province.id,
                    "template_id": self.template.id,
                    "fiscal_year": 2024,
                }
            )
        )
        batch.action_run()
        assessed = self.env["welfare.assessment"].search(
            [("template_id", "=", self.template.id), ("fiscal_year", "=", 2024)]
        )
        self.assertEqual(assessed.fund_id, self.fund_a | self.fund_b)

    def test_officer_reads_the_grade_of_their_own_fund(self):
        fund = self.fund_a.with_user(self.officer)
        self.assertEqual(fund.assessment_grade, self.assessment_a.grade)
        self.assertEqual(
            self.assessment_a.with_user(self.officer).grade, self.assessment_a.grade
        )

    def test_officer_cannot_read_another_funds_assessment(self):
        with self.assertRaises(AccessError):
            self.assessment_b.with_user(self.officer).grade  # noqa: B018

    def test_officer_cannot_change_or_make_assessments(self):
        with self.assertRaises(AccessError):
            self.assessment_a.with_user(self.officer).write({"note": "better"})
        with self.assertRaises(AccessError):
            self.env["welfare.assessment"].with_user(self.officer).create(
                {
                    "fund_id": self.fund_a.id,
                    "template_id": self.template.id,
                    "fiscal_year": 2024,
                }
            )
