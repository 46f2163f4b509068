import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..lib import reference as ref_lib
from .common import PromptpayCase, emv_fields


@tagged("post_install", "-at_install")
class TestPromptpayQr(PromptpayCase):
    def test_qr_pays_the_fund_proxy_the_amount_due_with_the_reference(self):
        payloads, patcher = self._capture_qr_payloads()
        with patcher:
            info = self._reference()
        self.assertTrue(info["qr"].startswith("data:image/png;base64,"))
        self.assertEqual(len(payloads), 1, "the PNG is drawn from one payload")
        payload = payloads[0]
        tlv = emv_fields(payload)
        merchant = emv_fields(tlv["29"])
        self.assertEqual(merchant["00"], "A000000677010111", "PromptPay AID")
        self.assertEqual(merchant["01"], "0066812345678", "the fund's mobile proxy")
        self.assertEqual(tlv["53"], "764", "baht")
        self.assertEqual(tlv["58"], "TH")
        # three months owed at 30 baht: this month and the two before
        self.assertEqual(info["amount"], 90.0)
        self.assertEqual(float(tlv["54"]), 90.0)
        reference = emv_fields(tlv["62"])["05"]
        self.assertEqual(reference, info["reference_display"])
        self.assertEqual(
            ref_lib.parse(reference, self.fund.code),
            (self.debtor.member_number, ref_lib.period_code(info["start"])),
        )
        crc = self.bank._get_crc16(payload[:-4].encode())
        self.assertEqual(payload[-4:], format(crc, "04X"), "the checksum holds")

    def test_member_may_pay_the_next_periods_ahead(self):
        member = self._member("นายจ่าย ล่วงหน้า")  # paid two months ahead
        info = member._promptpay_payment_info(self.today, count=3)[member.id]
        self.assertEqual(info["amount"], 90.0)
        self.assertEqual(info["start"], member.paid_until + datetime.timedelta(days=1))

    def test_reference_with_one_wrong_character_is_not_a_reference(self):
        reference = self._reference()["reference"]
        wrong = reference[:-2] + ("1" if reference[-2] != "1" else "2") + reference[-1]
        self.assertIsNone(ref_lib.parse(wrong, self.fund.code))
        self.assertIsNone(ref_lib.parse(reference, "OTHER"))

    def test_fund_without_promptpay_account_gets_a_clear_error(self):
        with self.assertRaises(UserError):
            self.other_member._promptpay_payment_info(self.today)

    def test_promptpay_account_must_be_the_funds_and_have_a_proxy(self):
        stranger = self.env["res.partner.bank"].create(
            {
                "acc_number": "999-9-99999-9",
                "partner_id": self.other_fund.company_id.partner_id.id,
                "proxy_type": "mobile",
                "proxy_value": "0899999999",
            }
        )
        with self.assertRaises(ValidationError):
            self.fund.promptpay_account_id = stranger
        plain = self.env["res.partner.bank"].create(
            {"acc_number": "111-1-11111-1", "partner_id": self.company.partner_id.id}
        )
        with self.assertRaises(ValidationError):
            self.fund.promptpay_account_id = plain

    def test_only_administrators_choose_where_money_goes(self):
        with self.assertRaises(UserError):
            self.fund.with_user(self.committee).promptpay_account_id = False
        self.assertEqual(self.fund.promptpay_account_id, self.bank)
