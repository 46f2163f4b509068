import base64

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from ..lib import reference as ref_lib
from .common import PromptpayCase


@tagged("post_install", "-at_install")
class TestPromptpayMatching(PromptpayCase):
    def _payments(self, member=None):
        return self.env["welfare.contribution"].search(
            [("member_id", "=", (member or self.debtor).id)]
        )

    def _entries(self):
        return self.env["account.move"].search(
            [("journal_id", "=", self.fund._welfare_journal("contribution").id)]
        )

    def test_bank_line_with_reference_confirms_one_payment_and_one_entry(self):
        info = self._reference()
        entries = self._entries()
        line = self._bank_line(90.0, f"PromptPay {info['reference_display']} มาลี")
        transfer = line.welfare_transfer_ids
        self.assertEqual(transfer.state, "matched")
        payment = self._payments()
        self.assertEqual(len(payment), 1)
        self.assertEqual(payment, transfer.contribution_id)
        self.assertEqual(payment.state, "confirmed")
        self.assertTrue(payment.receipt_number)
        self.assertEqual(payment.payment_method, "promptpay")
        self.assertEqual(payment.period_start, info["start"])
        self.assertEqual(self.debtor.state, "active", "arrears paid")
        new_entries = self._entries() - entries
        self.assertEqual(len(new_entries), 1)
        self.assertEqual(payment.move_id, new_entries)
        self.assertIn(
            self.debtor.partner_id, new_entries.line_ids.partner_id, "member traceable"
        )
        # the bank counts the money once, and the line shows as reconciled
        self.assertTrue(line.is_reconciled)
        bank_lines = self.env["account.move.line"].search(
            [("account_id", "=", self.journal.default_account_id.id)]
        )
        self.assertEqual(sum(bank_lines.mapped("balance")), 90.0)
        income = self._account(self.fund, "contribution")
        self.assertEqual(sum(self._lines(new_entries, income).mapped("balance")), -90.0)

    def test_matching_the_same_line_again_does_nothing(self):
        info = self._reference()
        line = self._bank_line(90.0, info["reference_display"])
        transfer = line.welfare_transfer_ids
        entries = self._entries()
        Transfer = self.env["welfare.promptpay.transfer"]
        self.assertFalse(Transfer._welfare_from_statement_lines(line))
        self.assertFalse(transfer._welfare_match(self.debtor, info["reference"]))
        self.assertEqual(len(self._payments()), 1)
        self.assertEqual(self._entries(), entries)
        self.assertEqual(len(line.welfare_transfer_ids), 1)

    def test_second_line_with_a_paid_reference_is_left_for_the_officer(self):
        info = self._reference()
        self._bank_line(90.0, info["reference_display"])
        receipt = self._payments().receipt_number
        line = self._bank_line(90.0, info["reference_display"])
        transfer = line.welfare_transfer_ids
        self.assertEqual(transfer.state, "unmatched")
        self.assertIn(receipt, transfer.note)
        self.assertEqual(len(self._payments()), 1)
        self.assertFalse(line.is_reconciled)

    def test_line_without_reference_is_listed_and_matched_by_the_officer(self):
        line = self._bank_line(60.0, "โอนเงิน ไม่มีเลขอ้างอิง")
        transfer = line.welfare_transfer_ids
        self.assertEqual(transfer.state, "unmatched")
        self.assertTrue(transfer.note)
        unmatched = (
            self.env["welfare.promptpay.transfer"]
            .with_user(self.officer)
            .search([("state", "=", "unmatched")])
        )
        self.assertIn(transfer, unmatched)
        wizard = Form(
            self.env["welfare.promptpay.slip.wizard"]
            .with_user(self.officer)
            .with_context(default_transfer_id=transfer.id, default_fund_id=self.fund.id)
        )
        wizard.member_id = self.debtor
        self.assertEqual(wizard.amount, 60.0)
        wizard.save().action_confirm()
        self.assertEqual(transfer.state, "matched")
        self.assertEqual(self._payments().amount, 60.0)
        self.assertTrue(line.is_reconciled)

    def test_line_naming_an_unknown_member_stays_unmatched(self):
        stranger = ref_lib.make(self.fund.code, "99999", self.today)
        line = self._bank_line(30.0, stranger)
        self.assertEqual(line.welfare_transfer_ids.state, "unmatched")
        self.assertIn("99999", line.welfare_transfer_ids.note)
        self.assertFalse(line.is_reconciled)

    def test_officer_confirms_a_slip_once(self):
        info = self._reference()
        slip = base64.b64encode(b"%PDF-1.4 slip")
        wizard = (
            self.env["welfare.promptpay.slip.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "reference": info["reference_display"],
                    "amount": 90.0,
                    "slip": slip,
                    "slip_name": "slip.pdf",
                }
            )
        )
        self.assertEqual(wizard.member_id, self.debtor, "found by the reference")
        wizard.action_confirm()
        payment = self._payments()
        self.assertEqual(payment.state, "confirmed")
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "welfare.contribution"), ("res_id", "=", payment.id)]
        )
        self.assertEqual(attachments.name, "slip.pdf")
        again = (
            self.env["welfare.promptpay.slip.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "reference": info["reference_display"],
                    "amount": 90.0,
                    "slip": slip,
                    "slip_name": "slip2.pdf",
                }
            )
        )
        with self.assertRaises(UserError):
            again.action_confirm()
        self.assertEqual(len(self._payments()), 1)

    def test_slip_with_a_mistyped_reference_is_refused(self):
        info = self._reference()
        typo = info["reference_display"][:-1] + (
            "A" if info["reference_display"][-1] != "A" else "B"
        )
        wizard = (
            self.env["welfare.promptpay.slip.wizard"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "reference": typo,
                    "member_id": self.debtor.id,
                    "amount": 90.0,
                    "slip": base64.b64encode(b"slip"),
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(self._payments())

    def test_slip_without_the_slip_is_refused(self):
        wizard = (
            self.env["welfare.promptpay.slip.wizard"]
            .with_user(self.officer)
            .create(
                {"fund_id": self.fund.id, "member_id": self.debtor.id, "amount": 30}
            )
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(self._payments())

    def test_matched_bank_line_cannot_be_deleted(self):
        line = self._bank_line(90.0, self._reference()["reference_display"])
        with self.assertRaises(UserError):
            line.unlink()

    def test_cancelling_a_matched_payment_reverses_its_entry(self):
        line = self._bank_line(90.0, self._reference()["reference_display"])
        payment = line.welfare_transfer_ids.contribution_id
        payment.action_cancel("โอนผิดคน")
        self.assertTrue(payment.reversal_move_id)
        self.assertEqual(payment.reversal_move_id.state, "posted")

    def test_another_funds_staff_do_not_see_the_transfers(self):
        self._bank_line(10.0, "โอนเงิน")
        Transfer = self.env["welfare.promptpay.transfer"]
        self.assertTrue(Transfer.with_user(self.officer).search([]))
        self.assertFalse(Transfer.with_user(self.other_accountant).search([]))

    def test_demo_bank_statement_is_entered_by_the_fund_accountant(self):
        """The demo fund's bank statement holds a transfer matched to a member
        and one left for the officer; the matched payment's receipt names the
        accountant who entered the statement, never OdooBot."""
        accountant = self.env.ref("welfare_accounting.welfare_user_accountant_demo")
        member = self.env.ref("welfare_membership.welfare_member_rop_mueang_02_demo")
        transfers = self.env["welfare.promptpay.transfer"].search(
            [("fund_id", "=", member.fund_id.id), ("create_uid", "=", accountant.id)]
        )
        self.assertEqual(sorted(transfers.mapped("state")), ["matched", "unmatched"])
        matched = transfers.filtered(lambda t: t.state == "matched")
        self.assertEqual(matched.member_id, member)
        self.assertEqual(matched.contribution_id.collector_id, accountant)
        self.assertEqual(matched.contribution_id.state, "confirmed")
