from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AccountingCase


@tagged("post_install", "-at_install")
class TestFundBoundaries(AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._payment(cls.member, 30.0)
        cls.theirs = cls._payment(cls.other_member, 30.0)
        (cls.mine | cls.theirs).action_confirm()

    def test_accountant_reads_own_fund_journal_items(self):
        lines = self.mine.move_id.line_ids.with_user(self.accountant)
        lines.check_access("read")
        self.assertEqual(sum(lines.mapped("debit")), 30.0)

    def test_accountant_cannot_read_other_fund_journal_items(self):
        lines = self.theirs.move_id.line_ids.with_user(self.accountant)
        with self.assertRaises(AccessError):
            lines.check_access("read")
        with self.assertRaises(AccessError):
            lines.mapped("debit")

    def test_accountant_search_sees_only_own_fund(self):
        lines = self.env["account.move.line"].with_user(self.accountant).search([])
        self.assertEqual(lines.company_id, self.company)

    def test_accountant_cannot_read_other_fund_grants(self):
        grant = self.env["welfare.grant"].create(
            {"fund_id": self.other_fund.id, "source": "donation", "amount": 10.0}
        )
        with self.assertRaises(AccessError):
            grant.with_user(self.accountant).check_access("read")

    def test_officer_payment_posts_without_ledger_rights(self):
        payment = self._payment(self.member2, 30.0)
        payment.with_user(self.officer).action_confirm()
        self.assertEqual(payment.move_id.state, "posted")
        with self.assertRaises(AccessError):
            payment.move_id.with_user(self.officer).check_access("read")
