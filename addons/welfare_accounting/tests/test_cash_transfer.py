"""Cash from the collection day to the bank: collector -> fund cash -> bank."""

import base64
import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin

from .common import AccountingCase

SLIP = base64.b64encode(b"%PDF-1.4 slip")

FORGED_WRITES = [
    ("handover_draft", {"state": "done"}),
    ("handover_draft", {"move_id": "move_other"}),
    ("handover_draft", {"name": "สง.2569/9999"}),
    ("handover_draft", {"giver_confirmed_date": datetime.datetime(2026, 1, 1)}),
    ("handover_draft", {"receiver_confirmed_date": datetime.datetime(2026, 1, 1)}),
    ("handover_done", {"amount": 1.0}),
    ("handover_done", {"state": "cancelled"}),
    ("handover_done", {"move_id": False}),
    ("deposit_draft", {"state": "posted"}),
    ("deposit_draft", {"move_id": "move_other"}),
    ("deposit_posted", {"amount": 1.0}),
    ("deposit_posted", {"bank_slip": False}),
    ("deposit_posted", {"state": "draft"}),
]
FORGED_CREATES = [
    ("welfare.cash.handover", "_handover_vals", {"state": "done"}),
    ("welfare.cash.handover", "_handover_vals", {"move_id": "move_other"}),
    (
        "welfare.cash.handover",
        "_handover_vals",
        {"receiver_confirmed_date": datetime.datetime(2026, 1, 1)},
    ),
    ("welfare.bank.deposit", "_deposit_vals", {"state": "posted"}),
    ("welfare.bank.deposit", "_deposit_vals", {"name": "ฝก.2569/0001"}),
]
PROTECTED_UNLINKS = ["handover_done", "deposit_posted"]


@tagged("post_install", "-at_install")
class TestCashTransfer(ForgedCallsMixin, AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.be = thai_calendar.be_year(cls.today)
        cls.treasurer = cls.committee
        cls.users = {
            "officer": cls.officer,
            "committee": cls.committee,
            "accountant": cls.accountant,
            "network": cls._user("ct_network", "welfare_base.group_welfare_network"),
            "portal": cls._user("ct_portal", "base.group_portal"),
        }
        cls.collection = cls._closed_day(cash=(30.0, 60.0), transfer=45.0)

    @classmethod
    def _closed_day(cls, cash=(30.0,), transfer=0.0):
        collection = cls.env["welfare.collection"].create(
            {"fund_id": cls.fund.id, "date": cls.today, "collector_id": cls.officer.id}
        )
        for amount in cash:
            cls._payment(cls.member, amount, "cash", collection_id=collection.id)
        if transfer:
            cls._payment(cls.member2, transfer, "transfer", collection_id=collection.id)
        collection.action_close()
        return collection

    def setUp(self):
        super().setUp()
        self._made = []

    def _balance(self, category):
        account = self._account(self.fund, category)
        lines = self.env["account.move.line"].search(
            [("account_id", "=", account.id), ("parent_state", "=", "posted")]
        )
        return sum(lines.mapped("balance"))

    def _handover(self, amount=90.0, collection=None):
        return (
            self.env["welfare.cash.handover"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "collection_id": (collection or self.collection).id,
                    "amount": amount,
                    "giver_id": self.officer.id,
                    "receiver_id": self.treasurer.id,
                }
            )
        )

    def _signed_handover(self, **kwargs):
        handover = self._handover(**kwargs)
        handover.with_user(self.officer).action_confirm_give()
        handover.with_user(self.treasurer).action_confirm_receive()
        return handover

    def _deposit(self, amount=90.0, slip=SLIP):
        return (
            self.env["welfare.bank.deposit"]
            .with_user(self.treasurer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "amount": amount,
                    "bank_reference": "ธ.ก.ส. 0001",
                    "bank_slip": slip,
                    "bank_slip_name": "slip.pdf",
                }
            )
        )

    # ------------------------------------------------------------ the money
    def test_collection_cash_stays_with_the_collector_until_handed_over(self):
        self.assertEqual(self._balance("cash_collector"), 90.0)
        self.assertEqual(self._balance("cash"), 0.0)
        self.assertEqual(self.collection.cash_to_hand_over, 90.0)

    def test_handover_signed_by_both_moves_the_cash_to_the_fund(self):
        handover = self._handover()
        handover.with_user(self.officer).action_confirm_give()
        self.assertEqual(handover.state, "draft", "one signature is not enough")
        self.assertFalse(handover.move_id)
        handover.with_user(self.treasurer).action_confirm_receive()
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.name, f"สง.{self.be}/0001")
        self.assertEqual(self._balance("cash_collector"), 0.0)
        self.assertEqual(self._balance("cash"), 90.0)
        self.assertEqual(self.collection.cash_to_hand_over, 0.0)

    def test_each_side_confirms_only_as_themselves(self):
        handover = self._handover()
        with self.assertRaises(UserError):
            handover.with_user(self.treasurer).action_confirm_give()
        with self.assertRaises(UserError):
            handover.with_user(self.officer).action_confirm_receive()
        self.assertFalse(handover.giver_confirmed_date)
        self.assertFalse(handover.receiver_confirmed_date)

    def test_committee_records_a_form_signed_on_paper(self):
        handover = self._handover()
        with self.assertRaises(UserError):
            handover.with_user(self.committee).action_record_signed_form()
        handover.write({"signed_form": SLIP, "signed_form_name": "form.pdf"})
        with self.assertRaises(UserError):
            handover.with_user(self.officer).action_record_signed_form()
        handover.with_user(self.committee).action_record_signed_form()
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.signed_recorded_by_id, self.committee)

    def test_more_than_the_day_cash_cannot_be_handed_over(self):
        with self.assertRaises(ValidationError):
            self._handover(amount=91.0)
        self._signed_handover(amount=60.0)
        with self.assertRaises(ValidationError):
            self._handover(amount=31.0)

    def test_collector_cannot_hand_cash_to_themselves(self):
        with self.assertRaises(ValidationError):
            self.env["welfare.cash.handover"].create(
                {
                    "fund_id": self.fund.id,
                    "amount": 10.0,
                    "giver_id": self.officer.id,
                    "receiver_id": self.officer.id,
                }
            )

    def test_deposit_with_its_slip_moves_the_cash_to_the_bank(self):
        self._signed_handover()
        deposit = self._deposit()
        deposit.with_user(self.treasurer).action_post()
        self.assertEqual(deposit.state, "posted")
        self.assertEqual(deposit.name, f"ฝก.{self.be}/0001")
        self.assertEqual(self._balance("cash"), 0.0)
        # the day's transfer payment (45) and the deposit (90)
        self.assertEqual(self._balance("bank"), 135.0)

    def test_deposit_without_its_slip_is_refused(self):
        self._signed_handover()
        deposit = self._deposit(slip=False)
        with self.assertRaises(UserError):
            deposit.action_post()
        self.assertEqual(deposit.state, "draft")
        self.assertFalse(deposit.move_id)

    def test_deposit_of_more_than_its_handovers_is_refused(self):
        handover = self._signed_handover(amount=60.0)
        deposit = self._deposit(amount=61.0)
        deposit.handover_ids = handover
        with self.assertRaisesRegex(UserError, "handovers"):
            deposit.action_post()
        self.assertEqual(deposit.state, "draft")
        self.assertFalse(deposit.move_id)

    def test_cancelled_handover_is_reversed(self):
        handover = self._signed_handover()
        handover.with_user(self.committee).action_cancel("นับเงินผิด")
        self.assertEqual(handover.state, "cancelled")
        self.assertEqual(handover.reversal_move_id.reversed_entry_id, handover.move_id)
        self.assertEqual(self._balance("cash_collector"), 90.0)
        self.assertEqual(self.collection.cash_to_hand_over, 90.0)

    def test_cancelled_deposit_is_reversed_and_the_cash_back_on_hand(self):
        self._signed_handover()
        deposit = self._deposit()
        deposit.with_user(self.treasurer).action_post()
        deposit.with_user(self.committee).action_cancel("สลิปผิดบัญชี")
        self.assertEqual(deposit.state, "cancelled")
        self.assertEqual(deposit.cancel_reason, "สลิปผิดบัญชี")
        self.assertEqual(deposit.reversal_move_id.reversed_entry_id, deposit.move_id)
        self.assertEqual(self._balance("cash"), 90.0)
        self.assertEqual(self._balance("bank"), 45.0)

    def test_only_the_committee_cancels_a_transfer(self):
        handover = self._signed_handover()
        deposit = self._deposit()
        deposit.with_user(self.treasurer).action_post()
        for transfer in (handover, deposit):
            with self.assertRaisesRegex(UserError, "committee"):
                transfer.with_user(self.officer).action_cancel("ผิด")
            self.assertNotEqual(transfer.state, "cancelled")
            self.assertFalse(transfer.reversal_move_id)

    def test_statement_shows_transfers_not_income(self):
        self._signed_handover()
        self._deposit().action_post()
        st = self.fund._welfare_statement(self.today, self.today)
        self.assertEqual(st["receipts"]["contribution"], 135.0)
        self.assertEqual(st["receipts_total"], 135.0)
        self.assertEqual(st["payments_total"], 0.0)
        self.assertEqual(st["transfers"], {"handover": 90.0, "deposit": 90.0})
        self.assertEqual(st["closing"]["cash_collector"], 0.0)
        self.assertEqual(st["closing"]["cash"], 0.0)
        self.assertEqual(st["difference"], 0.0)

    # ------------------------------------------------------------ the attacks
    def _make(self, key):
        # each record on a collection day of its own: 10 baht in cash
        if key == "handover_draft":
            return self._handover(amount=10.0, collection=self._closed_day((10.0,)))
        if key == "handover_done":
            return self._signed_handover(
                amount=10.0, collection=self._closed_day((10.0,))
            )
        if key == "deposit_draft":
            return self._deposit(amount=5.0)
        if key == "deposit_posted":
            self._signed_handover(amount=10.0, collection=self._closed_day((10.0,)))
            deposit = self._deposit(amount=5.0)
            deposit.action_post()
            return deposit
        if key == "move_other":
            return self._closed_day().contribution_ids.move_id
        raise NotImplementedError(key)

    def _resolve(self, vals):
        return {
            name: self._make(value).id if value == "move_other" else value
            for name, value in vals.items()
        }

    def _handover_vals(self):
        return {
            "fund_id": self.fund.id,
            "amount": 1.0,
            "giver_id": self.officer.id,
            "receiver_id": self.treasurer.id,
        }

    def _deposit_vals(self):
        return {"fund_id": self.fund.id, "amount": 1.0}

    def test_forged_writes_are_refused_for_every_role(self):
        self.assert_forged_writes_refused(FORGED_WRITES)

    def test_forged_creates_are_refused_for_every_role(self):
        self.assert_forged_creates_refused(FORGED_CREATES)

    def test_signed_money_is_never_deleted(self):
        self.assert_never_deleted(PROTECTED_UNLINKS)
