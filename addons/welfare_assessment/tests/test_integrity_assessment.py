"""An assessment's result moves only through compute, confirm and reopen."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin, role_users

from .common import AssessmentCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError

# (assessment made by the workflow, values a caller forges on it)
FORGED_WRITES = [
    ("draft", {"state": "confirmed"}),
    ("draft", {"score": 100.0}),
    ("draft", {"grade": "A"}),
    ("draft", {"confirmed_date": datetime.date(2025, 1, 1)}),
    ("confirmed", {"state": "draft"}),
    ("confirmed", {"score": 100.0}),
    ("confirmed", {"grade": "A"}),
    ("confirmed", {"reopen_count": 0}),
    ("confirmed", {"computed_on": "2020-01-01 00:00:00"}),
    ("confirmed", {"confirmed_by_id": False}),
]
FORGED_CREATES = [
    {"state": "confirmed"},
    {"score": 95.0},
    {"grade": "A"},
    {"confirmed_date": datetime.date(2025, 1, 1)},
]


@tagged("post_install", "-at_install")
class TestIntegrityAssessment(ForgedCallsMixin, AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(
            cls.env,
            cls.fund_a.company_id,
            (
                ("officer", "welfare_base.group_welfare_officer"),
                ("committee", "welfare_base.group_welfare_committee"),
                ("network", "welfare_base.group_welfare_network"),
                ("accountant", "account.group_account_user"),
                ("portal", "base.group_portal"),
            ),
            "integrity_assess",
        )

    def _assessment(self, state, year):
        assessment = self._assess(self.fund_a, year=year)
        self._as(assessment, "network").action_compute()
        self._line(assessment, self.crit_plan).value = 1
        if state == "confirmed":
            self._as(assessment, "network").action_confirm()
        return assessment

    def test_forged_results_are_refused_for_every_role(self):
        for year, (state, forged) in enumerate(FORGED_WRITES, start=2000):
            assessment = self._assessment(state, year)
            before = assessment.read(list(forged))[0]
            for role in self.users:
                with self.subTest(state=state, vals=forged, role=role):
                    with self.assertRaises(REFUSED):
                        self._as(assessment, role).write(forged)
                    assessment.invalidate_recordset()
                    self.assertEqual(assessment.read(list(forged))[0], before)

    def test_forged_new_results_are_refused_for_every_role(self):
        Assessment = self.env["welfare.assessment"]
        for forged in FORGED_CREATES:
            for role in self.users:
                with self.subTest(vals=forged, role=role):
                    count = Assessment.search_count([])
                    with self.assertRaises(REFUSED):
                        self._as(Assessment, role).create(
                            dict(
                                {
                                    "fund_id": self.fund_a.id,
                                    "template_id": self.template.id,
                                    "fiscal_year": 1990,
                                },
                                **forged,
                            )
                        )
                    self.assertEqual(Assessment.search_count([]), count)

    def test_a_confirmed_assessment_is_never_deleted(self):
        assessment = self._assessment("confirmed", 2001)
        for role in self.users:
            with self.subTest(role=role), self.assertRaises(REFUSED):
                self._as(assessment, role).unlink()
        self.assertTrue(assessment.exists())

    def test_the_reviewer_confirms_and_reopens_through_the_workflow(self):
        assessment = self._assessment("confirmed", 2002)
        self.assertEqual(assessment.state, "confirmed")
        self.assertEqual(assessment.confirmed_by_id, self.users["network"])
        self._as(assessment, "network")._reopen("ข้อมูลสมาชิกแก้ไขแล้ว")
        self.assertEqual((assessment.state, assessment.reopen_count), ("draft", 1))
