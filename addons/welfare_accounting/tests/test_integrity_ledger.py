"""Money in the ledger moves only through the workflow, and only forward.

Grants, CODI matching requests and the ledger links of payments and claims
are refused to every role's forged ``create()``, ``write()`` and
``unlink()``; the welfare journals hash their entries, which are reversed,
never reset to draft.
"""

import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin

from .common import AccountingCase

D = datetime.date

# (record made by the workflow, values a caller forges on it)
FORGED_WRITES = [
    ("grant_posted", {"state": "draft"}),
    ("grant_posted", {"move_id": False}),
    ("grant_posted", {"reversal_move_id": "move_other"}),
    ("grant_posted", {"cancel_reason": "ปลอม"}),
    ("grant_posted", {"amount": 1.0}),
    ("grant_posted", {"matching_request_id": "request_submitted"}),
    ("grant_draft", {"state": "posted"}),
    ("grant_draft", {"move_id": "move_other"}),
    ("request_submitted", {"state": "received"}),
    ("request_submitted", {"amount_received": 99999.0}),
    ("request_submitted", {"date_received": D(2026, 1, 1)}),
    ("request_submitted", {"grant_id": "grant_posted"}),
    ("request_submitted", {"line_ids": [(5, 0, 0)]}),
    ("request_line_submitted", {"amount": 99999.0}),
    ("request_received", {"state": "draft"}),
    ("contribution_confirmed", {"move_id": False}),
    ("contribution_confirmed", {"reversal_move_id": "move_other"}),
    ("claim_paid", {"move_id": False}),
    ("claim_paid", {"reversal_move_id": "move_other"}),
]

FORGED_CREATES = [
    ("welfare.grant", "_grant_vals", {"state": "posted"}),
    ("welfare.grant", "_grant_vals", {"move_id": "move_other"}),
    ("welfare.grant", "_grant_vals", {"matching_request_id": "request_submitted"}),
    ("welfare.matching.request", "_request_vals", {"state": "received"}),
    ("welfare.matching.request", "_request_vals", {"amount_received": 5000.0}),
]

PROTECTED_UNLINKS = [
    "grant_posted",
    "request_received",
    "request_line_submitted",
    "contribution_confirmed",
    "claim_paid",
]


@tagged("post_install", "-at_install")
class TestIntegrityLedger(ForgedCallsMixin, AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "officer": cls.officer,
            "committee": cls.committee,
            "accountant": cls.accountant,
            "network": cls._user("int_network", "welfare_base.group_welfare_network"),
            "portal": cls._user("int_portal", "base.group_portal"),
        }
        cls.benefit = cls.env["welfare.benefit.type"].create(
            {
                "fund_id": cls.fund.id,
                "name": "สวัสดิการทดสอบบัญชี",
                "category": "other",
                "amount_type": "fixed",
                "amount": 800.0,
                "require_paid_up": False,
            }
        )

    # ------------------------------------------------------------------
    # Records, each made by its workflow
    # ------------------------------------------------------------------
    def _grant(self, post=True):
        grant = self.env["welfare.grant"].create(self._grant_vals())
        if post:
            self._as(grant, "committee").action_post()
        return grant

    def _grant_vals(self):
        return {
            "fund_id": self.fund.id,
            "source": "donation",
            "date": self.today,
            "amount": 1000.0,
        }

    def _request(self, state):
        request = self.env["welfare.matching.request"].create(
            {"fund_id": self.fund.id, "fiscal_year": 2000 + len(self._made)}
        )
        self._made.append(request)
        request.write(
            {"line_ids": [(0, 0, {"member_id": self.member.id, "amount": 300.0})]}
        )
        self._as(request, "committee").action_submit()
        if state == "received":
            request._record_receipt(300.0, self.today)
        return request

    def _paid_claim(self):
        claim = self.env["welfare.claim"].create(
            {
                "member_id": self._member(f"นายเคลม {len(self._made)}").id,
                "benefit_type_id": self.benefit.id,
            }
        )
        self._made.append(claim)
        self._as(claim, "officer").action_submit()
        self._as(claim, "committee").action_approve()
        self._as(claim, "officer")._mark_paid({"payment_method": "cash"})
        return claim

    def setUp(self):
        super().setUp()
        self._made = []

    def _make(self, key):
        if key == "grant_posted":
            return self._grant()
        if key == "grant_draft":
            return self._grant(post=False)
        if key == "move_other":
            return self._grant().move_id
        if key == "request_submitted":
            return self._request("submitted")
        if key == "request_line_submitted":
            return self._request("submitted").line_ids
        if key == "request_received":
            return self._request("received")
        if key == "contribution_confirmed":
            payment = self._payment(self.member)
            self._as(payment, "officer").action_confirm()
            return payment
        if key == "claim_paid":
            return self._paid_claim()
        raise NotImplementedError(key)

    def _resolve(self, vals):
        """Forged values: names of records stand for their ids."""
        refs = ("move_other", "request_submitted", "grant_posted")
        return {
            name: self._make(value).id if value in refs else value
            for name, value in vals.items()
        }

    def _request_vals(self):
        return {"fund_id": self.fund.id, "fiscal_year": 1999}

    # ------------------------------------------------------------------
    # The attacks
    # ------------------------------------------------------------------
    def test_forged_writes_are_refused_for_every_role(self):
        self.assert_forged_writes_refused(FORGED_WRITES)

    def test_forged_creates_are_refused_for_every_role(self):
        self.assert_forged_creates_refused(FORGED_CREATES)

    def test_money_on_record_is_never_deleted(self):
        self.assert_never_deleted(PROTECTED_UNLINKS)

    # ------------------------------------------------------------------
    # The ledger: hashed, reversed, never reset
    # ------------------------------------------------------------------
    def test_welfare_journals_hash_their_entries(self):
        for kind in ("contribution", "benefit", "grant"):
            with self.subTest(kind=kind):
                self.assertTrue(
                    self.fund._welfare_journal(kind).restrict_mode_hash_table
                )
        grant = self._grant()
        self.assertTrue(grant.move_id.inalterable_hash)

    def test_books_set_up_before_get_their_journals_hashed_on_update(self):
        fund = self.env["welfare.fund"].create({"name": "กองทุนเก่า", "code": "T-OLD"})
        journal = fund._welfare_journal("benefit")
        journal.restrict_mode_hash_table = False
        self.env["welfare.fund"]._welfare_secure_journals()
        self.assertTrue(journal.restrict_mode_hash_table)

    def test_posted_welfare_entries_refuse_a_reset_to_draft(self):
        moves = (
            self._grant().move_id
            | self._make("contribution_confirmed").move_id
            | self._paid_claim().move_id
        )
        for move in moves:
            with self.subTest(journal=move.journal_id.code):
                with self.assertRaises(UserError):
                    move.button_draft()
                self.assertEqual(move.state, "posted")

    def test_an_undone_payment_is_reversed_once_and_kept(self):
        claim = self._paid_claim()
        move = claim.move_id
        self._as(claim, "committee").action_undo_payment("จ่ายผิดคน")
        reversal = claim.reversal_move_id
        # undone once: neither a second undo nor a new payment of the claim
        with self.assertRaises(UserError):
            self._as(claim, "committee").action_undo_payment("อีกครั้ง")
        with self.assertRaises(UserError):
            self._as(claim, "officer")._mark_paid({"payment_method": "cash"})
        self.assertEqual(claim.reversal_move_id, reversal)
        self.assertEqual(
            self.env["account.move"].search_count(
                [("reversed_entry_id", "=", move.id)]
            ),
            1,
        )
        # the history stays: the payment, its entry, the reason, both entries posted
        self.assertTrue(claim.payment_date)
        self.assertEqual(claim.paid_by_id, self.users["officer"])
        self.assertEqual((move | reversal).mapped("state"), ["posted", "posted"])
        self.assertEqual(claim.payment_undo_reason, "จ่ายผิดคน")
        # and nobody removes it by hand
        for role in self.users:
            with self.subTest(role=role), self.assertRaises(UserError):
                self._as(claim, role).unlink()
            with self.subTest(role=role), self.assertRaises(UserError):
                self._as(claim, role).write({"payment_undo_reason": False})

    def test_undoing_a_payment_reverses_its_entry(self):
        claim = self._paid_claim()
        move = claim.move_id
        self._as(claim, "committee").action_undo_payment("จ่ายซ้ำกับคำขออื่น")
        self.assertEqual(claim.state, "cancelled")
        self.assertEqual(claim.move_id, move)
        self.assertEqual(move.state, "posted")
        reversal = claim.reversal_move_id
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(reversal.reversed_entry_id, move)
        self.assertIn("จ่ายซ้ำกับคำขออื่น", reversal.ref)
        # the benefit's expense nets to nothing; the history keeps both entries
        expense = move.line_ids.filtered("debit").account_id
        lines = (move | reversal).line_ids.filtered(
            lambda line: line.account_id == expense
        )
        self.assertEqual(len(lines), 2)
        self.assertEqual(sum(lines.mapped("balance")), 0.0)
