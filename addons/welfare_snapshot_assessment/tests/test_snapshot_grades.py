from odoo.tests import tagged

from odoo.addons.welfare_assessment.tests.common import AssessmentCase


@tagged("post_install", "-at_install")
class TestSnapshotGrades(AssessmentCase):
    def test_confirmed_grade_of_the_year(self):
        confirmed, draft = self._assess(self.fund_a | self.fund_b)
        (confirmed | draft).action_compute()
        for assessment in confirmed | draft:
            self._line(assessment, self.crit_plan).value = 1
        confirmed.action_confirm()
        Snapshot = self.env["welfare.fund.snapshot"]
        Snapshot._refresh_snapshots([self.year], self.fund_a | self.fund_b)
        snap_a, snap_b = (
            Snapshot.search(
                [("fund_id", "=", fund.id), ("fiscal_year", "=", self.year)]
            )
            for fund in (self.fund_a, self.fund_b)
        )
        self.assertTrue(snap_a.assessed)
        self.assertEqual(snap_a.grade, confirmed.grade)
        self.assertEqual(snap_a.score, round(confirmed.score, 2))
        self.assertEqual(snap_a.assessment_date, confirmed.confirmed_date)
        # a draft assessment is no grade yet
        self.assertFalse(snap_b.assessed)
        self.assertFalse(snap_b.grade)
