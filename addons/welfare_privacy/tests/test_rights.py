import base64
import datetime
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestMembersRights(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._person(phone="0812345678", street="12 ถนนรอบเมือง")
        cls._consent(cls.member, "membership")
        cls._consent(cls.member, "health")
        cls.member.beneficiary_ids = [
            (0, 0, {"name": "นางทายาท ข้อมูล", "relationship": "child", "share": 100.0})
        ]
        scheme = cls.fund.contribution_scheme_id
        cls.payment = cls.env["welfare.contribution"].create(
            {
                "member_id": cls.member.id,
                "amount": scheme.amount * 30
                if scheme.period == "day"
                else scheme.amount,
                "date": welfare_today(cls.member) - datetime.timedelta(days=10),
                "payment_method": "cash",
            }
        )
        cls.payment.action_confirm()
        cls.claim = cls.env["welfare.claim"].create(
            {
                "member_id": cls.member.id,
                "benefit_type_id": cls.hospital.id,
                "health_details": "ไข้เลือดออก",
                "description": "นอนโรงพยาบาล",
            }
        )
        cls.document = cls.env["ir.attachment"].create(
            {
                "name": "ใบรับรองแพทย์.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "welfare.claim",
                "res_id": cls.claim.id,
            }
        )
        cls.claim.attachment_ids = cls.document
        cls.Request = cls.env["welfare.privacy.request"]

    def _request(self, kind, user=None, **vals):
        return self._as(self.Request, user or self.officer).create(
            {"member_id": self.member.id, "kind": kind, **vals}
        )

    def test_access_request_gives_the_member_their_data_in_one_file(self):
        request = self._request("access")
        request.action_export()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.handled_by_id, self.officer)
        data = json.loads(base64.b64decode(request.export_file))
        self.assertEqual(data["name"], self.member.name)
        self.assertEqual(data["national_id"].replace("-", ""), self.member.national_id)
        self.assertEqual(data["phone"], "0812345678")
        self.assertEqual(data["beneficiaries"][0]["name"], "นางทายาท ข้อมูล")
        self.assertEqual(
            [c["amount"] for c in data["contributions"]], [self.payment.amount]
        )
        self.assertEqual(data["claims"][0]["health_details"], "ไข้เลือดออก")
        self.assertEqual(len(data["consents"]), 2)
        self.assertTrue(request.export_filename.endswith(".json"))
        log = self._logs(kind="export", member_id=self.member.id)
        self.assertEqual((log.user_id, log.res_id), (self.officer, request.id))

    def test_another_funds_officer_cannot_export_the_member(self):
        request = self._request("access")
        with self.assertRaises(AccessError):
            self._as(request, self.other_officer).action_export()

    def test_rectification_request_is_answered_by_the_officer(self):
        request = self._request("rectification", description="ที่อยู่ใหม่ 15 หมู่ 3")
        self._as(self.member, self.officer).street = "15 หมู่ 3"
        request.action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.done_date, welfare_today(request))

    def test_a_refusal_needs_its_reason(self):
        request = self._request("erasure")
        with self.assertRaises(UserError):
            request.action_refuse()
        request.refuse_reason = "ยังเป็นสมาชิกอยู่"
        request.action_refuse()
        self.assertEqual(request.state, "refused")

    def test_a_current_member_is_not_erased(self):
        request = self._request("erasure")
        with self.assertRaisesRegex(UserError, "former"):
            self._as(request, self.committee).action_erase()
        self.assertEqual(request.state, "received")

    def test_a_former_member_is_erased_only_after_the_retention_period(self):
        self.member.action_resign("ย้ายออกนอกพื้นที่")
        self.fund.privacy_retention_years = 5
        request = self._request("erasure")
        with self.assertRaisesRegex(UserError, "5 years"):
            self._as(request, self.committee).action_erase()
        self.assertTrue(self.member.national_id)

    def test_only_the_committee_erases(self):
        self.member.action_resign("ย้ายออกนอกพื้นที่")
        self.fund.privacy_retention_years = 0
        request = self._request("erasure")
        with self.assertRaises(AccessError):
            request.action_erase()
        self.assertTrue(self.member.national_id)

    def test_erasure_anonymises_the_person_and_keeps_the_money(self):
        tracked = self.member.with_context(tracking_disable=False)
        tracked.birthdate = datetime.date(1971, 4, 2)
        tracked.flush_recordset()
        self.member.action_resign("ย้ายออกนอกพื้นที่")
        self.fund.privacy_retention_years = 0
        number = self.member.member_number
        amount, receipt = self.payment.amount, self.payment.receipt_number
        request = self._request("erasure")
        self._as(request, self.committee).action_erase()
        self.assertEqual(request.state, "done")
        member = self.member
        member.invalidate_recordset()
        self.assertEqual(member.name, f"Erased member {number}")
        self.assertEqual(member.member_number, number)
        for name in ("national_id", "birthdate", "phone", "street", "first_name"):
            self.assertFalse(member[name], name)
        self.assertEqual(member.state, "resigned")
        self.assertEqual(member.privacy_erased_date, welfare_today(member))
        self.assertEqual(member.beneficiary_ids.name, "Erased beneficiary")
        self.assertFalse(self.claim.health_details)
        self.assertFalse(self.claim.description)
        self.assertFalse(self.document.exists())
        self.assertEqual(
            (self.payment.amount, self.payment.receipt_number, self.payment.state),
            (amount, receipt, "confirmed"),
        )
        self.assertEqual(member.contribution_total, amount)
        tracking = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "welfare.member"),
                ("mail_message_id.res_id", "=", member.id),
                ("field_id.name", "in", ["birthdate", "national_id", "name"]),
            ]
        )
        self.assertFalse(tracking)
        self.assertTrue(self._logs(kind="erasure", member_id=member.id))
        # the erased data is not entered again
        with self.assertRaises(UserError):
            self._as(member, self.officer).national_id = self.payment.member_id.id
