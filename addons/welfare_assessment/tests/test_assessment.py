from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import AssessmentCase


class TestAssessment(AssessmentCase):
    def test_period_defaults_to_the_fiscal_year(self):
        form = Form(self.env["welfare.assessment"])
        form.fund_id = self.fund_a
        form.template_id = self.template
        form.fiscal_year = 2025
        assessment = form.save()
        self.assertEqual(assessment.date_from, self.date_from)
        self.assertEqual(assessment.date_to, self.date_to)
        self.assertEqual(assessment.fiscal_year_be, 2568)

    def test_compute_fills_lines_from_data(self):
        assessment = self._assess(self.fund_a)
        assessment.action_compute()
        coverage = self._line(assessment, self.crit_coverage)
        self.assertEqual(len(assessment.line_ids), 2)
        self.assertTrue(coverage.has_value)
        self.assertEqual(coverage.value, 50.0)
        self.assertEqual(coverage.points, 10.0, "50 % is the lower bound of 10")

    def test_band_lower_bound_is_inclusive(self):
        assessment = self._assess(self.fund_b)
        assessment.action_compute()
        # 30 % exactly reaches the 5-point band, 29.99 would not
        self.assertEqual(self._line(assessment, self.crit_coverage).points, 5.0)

    def test_fund_without_data_scores_nothing_on_that_criterion(self):
        assessment = self._assess(self.fund_empty)
        assessment.action_compute()
        coverage = self._line(assessment, self.crit_coverage)
        self.assertFalse(coverage.has_value)
        self.assertEqual(coverage.points, 0.0)
        self.assertEqual(assessment.score, 0.0)
        self.assertEqual(assessment.grade, "D")

    def test_score_is_weighted_and_graded(self):
        assessment = self._assess(self.fund_b)
        assessment.action_compute()
        self._line(assessment, self.crit_plan).value = 1
        # coverage 5/10 weight 2, plan 10/10 weight 1: (2 * .5 + 1) / 3
        self.assertAlmostEqual(assessment.score, 66.67)
        self.assertEqual(assessment.grade, "B")

    def test_grade_thresholds_apply_at_their_exact_score(self):
        template = self.template.copy({"name": "Graded by hand"})
        template.criterion_ids.filtered(lambda c: c.indicator != "manual").unlink()
        manual = template.criterion_ids
        manual.write({"max_points": 100, "band_ids": [(5, 0, 0)]})
        assessment = self._assess(self.fund_a, template=template)
        assessment.action_compute()
        line = assessment.line_ids
        for points, grade in [
            (80, "A"),
            (79.99, "B"),
            (65, "B"),
            (50, "C"),
            (49.99, "D"),
        ]:
            line.value = points
            self.assertEqual(assessment.score, points)
            self.assertEqual(assessment.grade, grade, f"score {points}")

    def test_manual_lines_are_kept_on_recompute(self):
        assessment = self._assess(self.fund_a)
        assessment.action_compute()
        plan = self._line(assessment, self.crit_plan)
        evidence = self.env["ir.attachment"].create(
            {"name": "plan.pdf", "raw": b"%PDF-1.4 plan"}
        )
        plan.write(
            {"value": 1, "note": "Plan seen", "attachment_ids": [(6, 0, evidence.ids)]}
        )
        self.fund_a.village_covered = 2
        assessment.action_compute()
        self.assertEqual(plan.value, 1)
        self.assertTrue(plan.has_value)
        self.assertEqual(plan.note, "Plan seen")
        self.assertEqual(plan.attachment_ids, evidence)
        self.assertEqual(self._line(assessment, self.crit_coverage).value, 20.0)

    def test_confirm_needs_every_manual_value(self):
        assessment = self._assess(self.fund_a)
        assessment.action_compute()
        with self.assertRaisesRegex(UserError, "Plan"):
            assessment.action_confirm()

    def test_confirm_freezes_the_results(self):
        assessment = self._assess(self.fund_a)
        assessment.action_compute()
        self._line(assessment, self.crit_plan).value = 1
        assessment.action_confirm()
        self.assertEqual(assessment.state, "confirmed")
        with self.assertRaises(UserError):
            self._line(assessment, self.crit_plan).value = 0
        with self.assertRaises(UserError):
            assessment.action_compute()
        with self.assertRaises(UserError):
            assessment.fiscal_year = 2024
        # a later change of the template does not move a confirmed grade
        score, grade = assessment.score, assessment.grade
        self.template.write({"threshold_a": 99, "threshold_b": 98, "threshold_c": 97})
        self.crit_coverage.band_ids[0].points = 1
        self.assertEqual((assessment.score, assessment.grade), (score, grade))

    def test_reopening_is_counted_and_explained(self):
        assessment = self._assess(self.fund_a)
        assessment.action_compute()
        self._line(assessment, self.crit_plan).value = 1
        assessment.action_confirm()
        action = assessment.action_reopen()
        wizard = (
            self.env[action["res_model"]]
            .with_context(**action["context"])
            .create({"reason": "The plan was not approved after all"})
        )
        wizard.action_reopen()
        self.assertEqual(assessment.state, "draft")
        self.assertEqual(assessment.reopen_count, 1)
        self.assertIn(
            "The plan was not approved after all",
            assessment.message_ids[0].body,
        )

    @mute_logger("odoo.sql_db")
    def test_one_assessment_per_fund_template_and_period(self):
        self._assess(self.fund_a)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._assess(self.fund_a)
            self.env.flush_all()

    def test_period_cannot_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self.env["welfare.assessment"].create(
                {
                    "fund_id": self.fund_a.id,
                    "template_id": self.template.id,
                    "date_from": self.date_to,
                    "date_to": self.date_from,
                }
            )

    def test_fund_shows_its_latest_confirmed_grade_and_history(self):
        older = self._assess(self.fund_a, year=2024)
        newer = self._assess(self.fund_a, year=2025)
        draft = self._assess(self.fund_a, year=2026)
        (older | newer | draft).action_compute()
        self._line(older, self.crit_plan).value = 1
        self._line(newer, self.crit_plan).value = 0
        (older | newer).action_confirm()
        # 2024: 10/10 and 10/10 = A; 2025: coverage 10/10, plan 0 = 66.67 = B
        self.assertEqual(self.fund_a.assessment_grade, "B")
        self.assertEqual(self.fund_a.assessment_date, newer.date_to)
        self.assertEqual(self.fund_a.grade_history_ids, older | newer)
        self.assertEqual(older.grade, "A")
