from odoo.tests import tagged

from odoo.addons.welfare_accounting.tests.common import AccountingCase
from odoo.addons.welfare_base.lib.thai_calendar import fiscal_year_of


@tagged("post_install", "-at_install")
class TestSnapshotOpenDay(AccountingCase):
    """A snapshot counts the payments of the day as of today, posted or not."""

    def _snapshot(self):
        year = fiscal_year_of(self.today)
        Snapshot = self.env["welfare.fund.snapshot"]
        Snapshot._refresh_snapshots([year], self.fund)
        snap = Snapshot.search(
            [("fund_id", "=", self.fund.id), ("fiscal_year", "=", year)]
        )
        return {
            "contribution_amount": snap.contribution_amount,
            "balance": snap.balance,
        }

    def test_payments_of_an_open_day_count_before_and_after_the_close(self):
        before = self._snapshot()
        day = self.env["welfare.collection"].create(
            {"fund_id": self.fund.id, "date": self.today}
        )
        payments = self._payment(
            self.member, 30.0, collection_id=day.id
        ) | self._payment(self.member2, 60.0, "transfer", collection_id=day.id)
        payments.action_confirm()
        self.assertFalse(payments.move_id)
        open_day = self._snapshot()
        self.assertEqual(
            open_day["contribution_amount"], before["contribution_amount"] + 90.0
        )
        self.assertEqual(open_day["balance"], before["balance"] + 90.0)
        day.action_close()
        self.assertTrue(payments.move_id)
        self.assertEqual(self._snapshot(), open_day)
