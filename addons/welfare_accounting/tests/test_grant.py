from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AccountingCase


@tagged("post_install", "-at_install")
class TestGrant(AccountingCase):
    def _grant(self, **vals):
        values = {
            "fund_id": self.fund.id,
            "source": "local_government",
            "amount": 20000.0,
            "date": self.today,
            "reference": "อบต. 123/2569",
        }
        values.update(vals)
        return self.env["welfare.grant"].create(values)

    def test_confirmed_grant_posts_to_the_leg_account(self):
        grant = self._grant()
        grant.with_user(self.accountant).action_post()
        self.assertEqual(grant.state, "posted")
        self.assertNotEqual(grant.name, "/")
        move = grant.move_id
        self.assertEqual(move.journal_id, self.fund._welfare_journal("grant"))
        self.assertEqual(
            self._lines(move, self._account(self.fund, "local_government")).credit,
            20000.0,
        )
        self.assertEqual(
            self._lines(move, self._account(self.fund, "bank")).debit, 20000.0
        )

    def test_codi_matching_needs_its_round(self):
        with self.assertRaises(ValidationError):
            self._grant(source="codi_matching", matching_round=0)

    def test_codi_matching_posts_with_the_round_in_the_label(self):
        grant = self._grant(source="codi_matching", matching_round=2)
        grant.action_post()
        line = self._lines(grant.move_id, self._account(self.fund, "codi_matching"))
        self.assertIn("2", line.name)
        self.assertEqual(line.credit, 20000.0)

    def test_cancelled_grant_is_reversed(self):
        grant = self._grant(source="donation", amount=500.0, payment_method="cash")
        grant.action_post()
        grant.action_cancel("duplicate")
        self.assertEqual(grant.state, "cancelled")
        self.assertEqual(grant.move_id.state, "posted")
        self.assertEqual(grant.reversal_move_id.reversed_entry_id, grant.move_id)
        donation = self._account(self.fund, "donation")
        lines = (grant.move_id | grant.reversal_move_id).line_ids.filtered(
            lambda line: line.account_id == donation
        )
        self.assertEqual(sum(lines.mapped("balance")), 0.0)

    def test_posted_grant_cannot_change_its_amount(self):
        grant = self._grant()
        grant.action_post()
        with self.assertRaises(UserError):
            grant.amount = 1.0

    def test_grant_posts_in_its_fund_company(self):
        grant = self._grant(fund_id=self.other_fund.id)
        grant.action_post()
        self.assertEqual(grant.move_id.company_id, self.other_fund.company_id)

    def test_officer_cannot_record_grants(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.env["welfare.grant"].with_user(self.officer).create(
                {"fund_id": self.fund.id, "source": "donation", "amount": 10.0}
            )
