import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common_membership import MembershipCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestArrears(MembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scheme.write(
            {"grace_months": 1, "suspend_months": 3, "terminate_months": 6}
        )
        cls.member = cls._member(join_date=D(2024, 1, 1), paid_until=D(2025, 1, 31))

    def _run(self, day):
        with freeze_time(day):
            self.Member._cron_update_arrears()
        self.member.invalidate_recordset()

    def test_paid_up_member_stays_active(self):
        self._run("2025-01-20")
        self.assertEqual(self.member.state, "active")
        self.assertEqual(self.member.months_in_arrears, 0)

    def test_one_month_behind_enters_grace(self):
        self._run("2025-03-01")
        self.assertEqual(self.member.months_in_arrears, 1)
        self.assertEqual(self.member.state, "grace")

    def test_three_months_behind_is_suspended(self):
        self._run("2025-05-01")
        self.assertEqual(self.member.state, "suspended")

    def test_six_months_behind_is_terminated(self):
        self._run("2025-08-01")
        self.assertEqual(self.member.months_in_arrears, 6)
        self.assertEqual(self.member.state, "terminated")

    def test_the_ladder_is_climbed_one_run_at_a_time_and_logged(self):
        for day in ("2025-03-01", "2025-05-01", "2025-08-01"):
            self._run(day)
        bodies = " ".join(self.member.message_ids.mapped("body"))
        self.assertEqual(self.member.state, "terminated")
        self.assertIn("months in arrears", bodies)

    def test_paying_the_arrears_brings_a_suspended_member_back(self):
        self._run("2025-05-01")
        with freeze_time("2025-05-02"):
            self._pay(self.member, 100, D(2025, 5, 2))
        self.assertEqual(self.member.state, "active")
        self.assertEqual(self.member.months_in_arrears, 0)

    def test_partial_arrears_payment_moves_back_down_one_step(self):
        self._run("2025-05-01")  # 3 months behind: suspended
        with freeze_time("2025-05-02"):
            self._pay(self.member, 45, D(2025, 5, 2))  # covers to 17 March
        self.assertEqual(self.member.state, "grace")

    def test_termination_is_not_undone_by_the_job(self):
        self._run("2025-08-01")
        self.member._workflow_write({"paid_until": D(2025, 9, 30)})
        self._run("2025-08-02")
        self.assertEqual(self.member.state, "terminated")

    def test_job_is_idempotent(self):
        self._run("2025-03-01")
        count = len(self.member.message_ids)
        self._run("2025-03-01")
        self.assertEqual(len(self.member.message_ids), count)
        self.assertEqual(self.member.state, "grace")

    def test_applicants_are_not_moved(self):
        applicant = self._member(state="applicant", join_date=False)
        self._run("2025-08-01")
        applicant.invalidate_recordset()
        self.assertEqual(applicant.state, "applicant")
