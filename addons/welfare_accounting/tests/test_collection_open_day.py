"""Payments of an open collection day: confirmed at the desk, posted at the close.

A collector confirms each payment as it is taken (receipt, paid-until); the
ledger receives the day in one entry when the day is closed, or when its cash
is handed over, with one line per payment and member.
"""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin, role_users

from .common import AccountingCase


@tagged("post_install", "-at_install")
class TestOpenCollectionDay(ForgedCallsMixin, AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = role_users(
            cls.env,
            cls.company,
            [
                ("officer", "welfare_base.group_welfare_officer"),
                ("committee", "welfare_base.group_welfare_committee"),
                ("manager", "welfare_base.group_welfare_manager"),
            ],
            "open_day",
        )

    def _day(self):
        return (
            self.env["welfare.collection"]
            .with_user(self.officer)
            .create({"fund_id": self.fund.id, "date": self.today})
        )

    def _taken(self, day, member, amount=30.0, method="cash"):
        """A payment taken and confirmed at the desk, as the collector does."""
        payment = self._payment(member, amount, method, collection_id=day.id)
        payment.with_user(self.officer).action_confirm()
        return payment

    def _contribution_lines(self, payments):
        return self.env["account.move.line"].search(
            [("welfare_contribution_id", "in", payments.ids)]
        )

    def test_payments_of_an_open_day_reach_the_member_but_not_the_ledger(self):
        day = self._day()
        paid_until = self.member.paid_until
        payment = self._taken(day, self.member, 30.0)
        # what the member sees is there at once
        self.assertEqual(payment.state, "confirmed")
        self.assertTrue(payment.receipt_number)
        self.assertGreater(self.member.paid_until, paid_until)
        self.assertEqual(self.member.paid_until, payment.period_end)
        # the ledger waits for the day
        self.assertFalse(payment.move_id)
        self.assertFalse(self._contribution_lines(payment))
        self.assertEqual(day.cash_to_hand_over, 30.0)

    def test_closing_posts_one_entry_whose_lines_are_the_payments(self):
        day = self._day()
        payments = (
            self._taken(day, self.member, 30.0, "cash")
            | self._taken(day, self.member2, 60.0, "transfer")
            | self._taken(day, self.member, 90.0, "promptpay")
        )
        day.with_user(self.officer).action_close()
        move = payments.move_id
        self.assertEqual(len(move), 1)
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.fund._welfare_journal("contribution"))
        self.assertEqual(move.date, self.today)
        lines = self._contribution_lines(payments)
        # one line per payment, each of its member and amount, linked once
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines.welfare_contribution_id, payments)
        for payment in payments:
            line = lines.filtered(
                lambda aml, p=payment: aml.welfare_contribution_id == p
            )
            self.assertEqual(len(line), 1)
            self.assertEqual(line.move_id, payment.move_id)
            self.assertEqual(line.credit, payment.amount)
            self.assertEqual(line.partner_id, payment.member_id.partner_id)
            self.assertIn(payment.receipt_number, line.name)
        self.assertEqual(sum(move.line_ids.mapped("debit")), 180.0)
        self.assertEqual(
            self._lines(move, self._account(self.fund, "cash_collector")).debit, 30.0
        )
        # the transfer and the PromptPay payment are both in the bank
        self.assertEqual(
            self._lines(move, self._account(self.fund, "bank")).debit, 150.0
        )

    def test_a_payment_cancelled_before_the_close_is_left_out(self):
        day = self._day()
        kept = self._taken(day, self.member, 30.0)
        gone = self._taken(day, self.member2, 60.0)
        gone.with_user(self.officer).action_cancel("wrong member")
        self.assertEqual(gone.state, "cancelled")
        self.assertEqual(day.cash_to_hand_over, 30.0)
        day.action_close()
        self.assertFalse(gone.move_id)
        self.assertFalse(gone.reversal_move_id)
        self.assertFalse(self._contribution_lines(gone))
        self.assertEqual(len(self._contribution_lines(kept)), 1)
        self.assertEqual(sum(kept.move_id.line_ids.mapped("debit")), 30.0)

    def test_a_payment_cancelled_after_the_close_is_reversed(self):
        day = self._day()
        payment = self._taken(day, self.member, 30.0)
        day.action_close()
        entry = payment.move_id
        payment.with_user(self.committee).action_cancel("counted twice")
        self.assertEqual(payment.move_id, entry)
        self.assertEqual(payment.reversal_move_id.reversed_entry_id, entry)
        self.assertEqual(payment.reversal_move_id.state, "posted")
        lines = self._contribution_lines(payment)
        self.assertEqual(sum(lines.mapped("debit")), sum(lines.mapped("credit")))

    def test_a_day_is_closed_once(self):
        day = self._day()
        payment = self._taken(day, self.member, 30.0)
        day.action_close()
        with self.assertRaisesRegex(UserError, "already closed"):
            day.with_user(self.officer).action_close()
        self.assertEqual(len(self._contribution_lines(payment)), 1)

    def test_a_closed_day_takes_no_new_payment(self):
        day = self._day()
        self._taken(day, self.member, 30.0)
        day.action_close()
        late = self._payment(self.member2, 30.0, collection_id=day.id)
        with self.assertRaisesRegex(UserError, "closed and posted"):
            late.with_user(self.officer).action_confirm()
        late.invalidate_recordset()
        self.assertEqual(late.state, "draft")
        self.assertFalse(late.receipt_number)

    def test_payments_outside_a_day_still_post_at_once(self):
        payment = self._payment(self.member, 30.0, "cash")
        payment.with_user(self.officer).action_confirm()
        self.assertEqual(payment.move_id.state, "posted")

    def test_handing_over_the_cash_of_an_open_day_posts_it_first(self):
        day = self._day()
        payment = self._taken(day, self.member, 30.0)
        handover = self.env["welfare.cash.handover"].create(
            {
                "fund_id": self.fund.id,
                "collection_id": day.id,
                "giver_id": self.officer.id,
                "receiver_id": self.committee.id,
                "amount": 30.0,
                "date": self.today,
            }
        )
        handover.with_user(self.officer).action_confirm_give()
        handover.with_user(self.committee).action_confirm_receive()
        self.assertEqual(handover.state, "done")
        # the collector's cash was debited by the day before the handover
        self.assertEqual(payment.move_id.state, "posted")
        collector = self._account(self.fund, "cash_collector")
        lines = self.env["account.move.line"].search(
            [("account_id", "=", collector.id), ("parent_state", "=", "posted")]
        )
        self.assertEqual(sum(lines.mapped("balance")), 0.0)
        # a later payment of the day is posted at the close, once
        later = self._taken(day, self.member2, 60.0)
        self.assertFalse(later.move_id)
        day.action_close()
        self.assertEqual(len(self._contribution_lines(payment | later)), 2)
        self.assertNotEqual(later.move_id, payment.move_id)

    def test_statement_counts_the_day_once_closed(self):
        day = self._day()
        self._taken(day, self.member, 30.0)
        self._taken(day, self.member2, 60.0, "transfer")
        statement = self.fund._welfare_statement(self.today, self.today)
        self.assertEqual(statement["pending"]["amount"], 90.0)
        self.assertEqual(statement["pending"]["days"], 1)
        before = statement["receipts"]["contribution"]
        day.action_close()
        statement = self.fund._welfare_statement(self.today, self.today)
        self.assertEqual(statement["receipts"]["contribution"], before + 90.0)
        self.assertEqual(statement["pending"]["amount"], 0.0)

    # ------------------------------------------------------------------
    # Forged calls
    # ------------------------------------------------------------------
    def _make(self, key):
        day = self._day()
        payment = self._taken(day, self.member, 30.0)
        if key == "closed day":
            day.action_close()
            return day
        if key == "open day":
            return day
        if key == "posted payment":
            day.action_close()
        return payment

    def _resolve(self, vals):
        names = {"other entry": lambda: self._other_entry().id}
        return {k: names[v]() if v in names else v for k, v in vals.items()}

    def _other_entry(self):
        other = self._payment(self.member2, 30.0)
        other.action_confirm()
        return other.move_id

    def test_forged_writes_are_refused_for_every_role(self):
        self.assert_forged_writes_refused(
            [
                ("open day", {"state": "closed"}),
                ("closed day", {"state": "open"}),
                ("pending payment", {"move_id": "other entry"}),
                ("pending payment", {"amount": 300.0}),
                ("pending payment", {"collection_id": False}),
                ("posted payment", {"amount": 300.0}),
                ("posted payment", {"move_id": False}),
            ]
        )

    def test_pending_and_posted_payments_are_never_deleted(self):
        self.assert_never_deleted(
            ["pending payment", "posted payment", "open day", "closed day"]
        )
