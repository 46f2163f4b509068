"""Reminder logs are written by the sending job only."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin, role_users

from .common import ReminderCase

ROLES = [
    ("officer", "welfare_base.group_welfare_officer"),
    ("committee", "welfare_base.group_welfare_committee"),
    ("network", "welfare_base.group_welfare_network"),
    ("manager", "welfare_base.group_welfare_manager"),
    ("portal", "base.group_portal"),
]


@tagged("post_install", "-at_install")
class TestIntegrityReminder(ForgedCallsMixin, ReminderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(cls.env, cls.fund.company_id, ROLES, "remint")
        cls.fund.reminder_line = False

    def _make(self, key):
        if key == "log":
            member = self._member()
            self._run()
            return self._logs(member)
        raise NotImplementedError(key)

    def _resolve(self, vals):
        return vals

    def _log_vals(self):
        return {
            "member_id": self._member().id,
            "fund_id": self.fund.id,
            "reason": "grace",
            "due_date": self.today,
        }

    def test_forged_writes_are_refused_for_every_role(self):
        self.assert_forged_writes_refused(
            [
                ("log", {"channels": "email"}),
                ("log", {"due_date": "2020-01-01"}),
                ("log", {"reason": "collection"}),
            ]
        )

    def test_forged_creates_are_refused_for_every_role(self):
        self.assert_forged_creates_refused(
            [("welfare.reminder.log", "_log_vals", {"channels": "sms"})]
        )

    def test_logs_are_never_deleted_by_hand(self):
        self.assert_never_deleted(["log"])

    def test_only_administrators_set_the_channels_and_token(self):
        officer = new_test_user(
            self.env,
            login="rem_officer2",
            groups="welfare_base.group_welfare_committee",
            company_id=self.fund.company_id.id,
            company_ids=[self.fund.company_id.id],
        )
        for vals in (
            {"reminder_sms": False},
            {"line_channel_token": "stolen"},
            {"reminder_days_before": 1},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self.fund.with_user(officer).write(vals)
        self.assertTrue(self.fund.reminder_sms)
