import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import AccountingCase


@tagged("post_install", "-at_install")
class TestContributionPostings(AccountingCase):
    def test_confirmed_cash_payment_posts_a_balanced_entry(self):
        payment = self._payment(self.member, 90.0, "cash")
        payment.with_user(self.officer).action_confirm()
        move = payment.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.company_id, self.company)
        self.assertEqual(move.journal_id, self.fund._welfare_journal("contribution"))
        self.assertEqual(sum(move.line_ids.mapped("debit")), 90.0)
        self.assertEqual(sum(move.line_ids.mapped("credit")), 90.0)
        cash = self._lines(move, self._account(self.fund, "cash"))
        self.assertEqual(cash.debit, 90.0)
        income = self._lines(move, self._account(self.fund, "contribution"))
        self.assertEqual(income.credit, 90.0)
        self.assertEqual(income.partner_id, self.member.partner_id)

    def test_transfer_goes_to_the_bank(self):
        payment = self._payment(self.member, 30.0, "transfer")
        payment.action_confirm()
        bank = self._lines(payment.move_id, self._account(self.fund, "bank"))
        self.assertEqual(bank.debit, 30.0)

    def test_entry_fee_goes_to_its_own_account(self):
        fee = self._payment(self.member2, 100.0, "cash", kind="entry_fee")
        fee.action_confirm()
        line = self._lines(fee.move_id, self._account(self.fund, "entry_fee"))
        self.assertEqual(line.credit, 100.0)
        self.assertEqual(line.partner_id, self.member2.partner_id)
        self.assertFalse(
            self._lines(fee.move_id, self._account(self.fund, "contribution"))
        )

    def test_collection_day_posts_one_entry_with_each_member(self):
        collection = self.env["welfare.collection"].create(
            {"fund_id": self.fund.id, "date": self.today}
        )
        payments = self._payment(
            self.member, 30.0, "cash", collection_id=collection.id
        ) | self._payment(self.member2, 60.0, "promptpay", collection_id=collection.id)
        collection.action_close()
        move = payments.move_id
        self.assertEqual(len(move), 1)
        income = self._lines(move, self._account(self.fund, "contribution"))
        self.assertEqual(
            income.partner_id, self.member.partner_id | self.member2.partner_id
        )
        # the cash stays with the collector until handed over to the fund
        self.assertEqual(
            self._lines(move, self._account(self.fund, "cash_collector")).debit, 30.0
        )
        self.assertFalse(self._lines(move, self._account(self.fund, "cash")))
        self.assertEqual(
            self._lines(move, self._account(self.fund, "bank")).debit, 60.0
        )

    def test_member_account_reads_from_the_ledger(self):
        self._payment(self.member, 30.0).action_confirm()
        self._payment(self.member, 60.0).action_confirm()
        lines = self.env["account.move.line"].search(
            [
                ("partner_id", "=", self.member.partner_id.id),
                ("account_id", "=", self._account(self.fund, "contribution").id),
            ]
        )
        self.assertEqual(sum(lines.mapped("credit")), 90.0)

    def test_cancelled_payment_is_reversed_not_edited(self):
        payment = self._payment(self.member, 30.0)
        payment.action_confirm()
        move = payment.move_id
        payment.action_cancel("wrong member")
        self.assertEqual(move.state, "posted")
        reversal = payment.reversal_move_id
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, move)
        income = self._account(self.fund, "contribution")
        balance = sum(
            (move | reversal)
            .line_ids.filtered(lambda line: line.account_id == income)
            .mapped("balance")
        )
        self.assertEqual(balance, 0.0)

    def test_cancelling_one_payment_of_a_day_reverses_only_it(self):
        collection = self.env["welfare.collection"].create(
            {"fund_id": self.fund.id, "date": self.today}
        )
        first = self._payment(self.member, 30.0, collection_id=collection.id)
        second = self._payment(self.member2, 45.0, collection_id=collection.id)
        collection.action_close()
        first.action_cancel("double entry")
        reversal = first.reversal_move_id
        self.assertEqual(sum(reversal.line_ids.mapped("debit")), 30.0)
        self.assertEqual(
            reversal.line_ids.filtered("debit").partner_id, self.member.partner_id
        )
        self.assertFalse(second.reversal_move_id)

    def test_posted_entry_cannot_be_edited(self):
        payment = self._payment(self.member, 30.0)
        payment.action_confirm()
        with self.assertRaises(UserError):
            payment.move_id.line_ids[0].write({"debit": 31.0})

    def test_postings_stay_in_each_fund_company(self):
        mine = self._payment(self.member, 30.0)
        theirs = self._payment(self.other_member, 30.0)
        (mine | theirs).action_confirm()
        self.assertEqual(
            mine.move_id.line_ids.account_id.company_ids & self.company, self.company
        )
        self.assertEqual(mine.move_id.company_id, self.company)
        self.assertEqual(theirs.move_id.company_id, self.other_fund.company_id)
        self.assertNotEqual(mine.move_id, theirs.move_id)
        for line in theirs.move_id.line_ids:
            self.assertIn(self.other_fund.company_id, line.account_id.company_ids)
            self.assertNotIn(self.company, line.account_id.company_ids)


@tagged("post_install", "-at_install")
class TestClaimPostings(AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.birth = cls.env["welfare.benefit.type"].create(
            {
                "fund_id": cls.fund.id,
                "name": "คลอดบุตร",
                "category": "birth",
                "amount_type": "fixed",
                "amount": 500.0,
                "require_paid_up": False,
            }
        )

    def _paid_claim(self, method="cash"):
        claim = self.env["welfare.claim"].create(
            {
                "fund_id": self.fund.id,
                "member_id": self.member.id,
                "benefit_type_id": self.birth.id,
                "event_date": self.today - datetime.timedelta(days=3),
            }
        )
        claim.action_submit()
        claim.with_user(self.committee).action_approve()
        claim._mark_paid({"payment_method": method, "payment_date": self.today})
        return claim

    def test_paid_claim_posts_benefit_expense_with_the_payee(self):
        claim = self._paid_claim("cash")
        move = claim.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.fund._welfare_journal("benefit"))
        expense = self._lines(move, self._account(self.fund, "benefit", "birth"))
        self.assertEqual(expense.debit, 500.0)
        self.assertEqual(expense.partner_id, claim.payee_line_ids.partner_id)
        cash = self._lines(move, self._account(self.fund, "cash"))
        self.assertEqual(cash.credit, 500.0)

    def test_claim_paid_by_transfer_leaves_the_bank(self):
        claim = self._paid_claim("transfer")
        bank = self._lines(claim.move_id, self._account(self.fund, "bank"))
        self.assertEqual(bank.credit, 500.0)

    def test_pay_wizard_posts_the_claim(self):
        claim = self.env["welfare.claim"].create(
            {
                "fund_id": self.fund.id,
                "member_id": self.member2.id,
                "benefit_type_id": self.birth.id,
                "event_date": self.today,
            }
        )
        claim.action_submit()
        claim.with_user(self.committee).action_approve()
        action = claim.action_open_pay_wizard()
        wizard = Form(
            self.env[action["res_model"]].with_context(**action.get("context", {}))
        )
        wizard.payment_method = "cash"
        wizard.save().action_pay()
        self.assertEqual(claim.state, "paid")
        self.assertTrue(claim.move_id)
