from odoo.tests import tagged

from odoo.addons.welfare_accounting.tests.common import AccountingCase
from odoo.addons.welfare_base.lib.thai_calendar import fiscal_year_of


@tagged("post_install", "-at_install")
class TestSnapshotGrants(AccountingCase):
    def _grant(self, source, amount):
        grant = self.env["welfare.grant"].create(
            {
                "fund_id": self.fund.id,
                "source": source,
                "amount": amount,
                "date": self.today,
                "reference": "ทดสอบ",
                "matching_round": 1 if source == "codi_matching" else 0,
            }
        )
        grant.with_user(self.accountant).action_post()
        return grant

    def test_grants_by_leg_and_in_the_balance(self):
        self._grant("codi_matching", 10000.0)
        self._grant("codi_seed", 5000.0)
        self._grant("local_government", 3000.0)
        self._grant("donation", 700.0)
        self._grant("interest", 50.0)
        draft = self.env["welfare.grant"].create(
            {
                "fund_id": self.fund.id,
                "source": "local_government",
                "amount": 99999.0,
                "date": self.today,
            }
        )
        self.assertEqual(draft.state, "draft")
        year = fiscal_year_of(self.today)
        Snapshot = self.env["welfare.fund.snapshot"]
        Snapshot._refresh_snapshots([year], self.fund)
        snap = Snapshot.search(
            [("fund_id", "=", self.fund.id), ("fiscal_year", "=", year)]
        )
        self.assertEqual(snap.grant_codi_amount, 15000.0)
        self.assertEqual(snap.grant_local_amount, 3000.0)
        self.assertEqual(snap.grant_other_amount, 750.0)
        self.assertEqual(
            snap.balance, 18750.0 + snap.contribution_amount + snap.entry_fee_amount
        )
