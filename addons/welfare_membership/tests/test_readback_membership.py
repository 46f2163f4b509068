"""Every document of the member registry, downloaded by the demo fund's
officer as the web client's Print menu does, and read back."""

import datetime

from odoo.tests import tagged

from odoo.addons.welfare_base.tests.readback import ReadBackCase
from odoo.addons.welfare_base.tests.report_reader import normalize, xlsx_rows


@tagged("post_install", "-at_install")
class TestReadBackMembership(ReadBackCase):
    thai_modules = ("welfare_base", "welfare_membership")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Member = cls.env["welfare.member"]
        cls.members = Member.search(
            [("fund_id", "=", cls.fund.id), ("state", "=", "active")],
            limit=2,
            order="member_number",
        )
        # the last payment taken in cash at the office
        cls.payment = cls.env["welfare.contribution"].search(
            [
                ("fund_id", "=", cls.fund.id),
                ("state", "=", "confirmed"),
                ("payment_method", "=", "cash"),
                ("receipt_number", "!=", False),
            ],
            limit=1,
            order="date desc, id desc",
        )
        # a collection day of the officer: two members pay in cash
        cls.day = cls.env["welfare.collection"].create(
            {"fund_id": cls.fund.id, "date": datetime.date(2026, 1, 15)}
        )
        cls.env["welfare.contribution"].create(
            [
                {"member_id": member.id, "amount": amount, "collection_id": cls.day.id}
                for member, amount in zip(cls.members, (365.0, 1095.0), strict=True)
            ]
        )
        cls.day.action_close()

    def test_demo_receipt_names_the_officer_who_received_the_money(self):
        officer = self.env.ref("welfare_base.welfare_user_officer_demo")
        self.assertEqual(self.payment.collector_id, officer)
        text = self.download_pdf(
            "officer", "welfare_membership.report_contribution_receipt", self.payment
        )
        self.assertPrinted(text, officer.name)
        self.assertNotIn(normalize("OdooBot"), text)

    def test_receipt_reads_as_a_thai_receipt(self):
        payment = self.payment
        self.assertTrue(payment, "the demo fund has a confirmed payment")
        text = self.download_pdf(
            "officer", "welfare_membership.report_contribution_receipt", payment
        )
        self.assertPrinted(
            text,
            "ใบเสร็จรับเงิน",
            self.fund.name,
            "จังหวัดร้อยเอ็ด",
            payment.member_id.name,
            payment.receipt_number,
            self.fmt.thai_date(payment.date),
            self.money(payment.amount),
            self.fmt.baht_text(payment.amount),
        )
        self.assertIn(str(payment.date.year + 543), text)

    def test_collection_list_names_the_payers_and_the_total_in_words(self):
        text = self.download_pdf(
            "officer", "welfare_membership.report_collection_list", self.day
        )
        self.assertPrinted(
            text,
            "บัญชีรายชื่อผู้ชำระเงินสมทบ",
            self.fund.name,
            "15 มกราคม 2569",
            *self.members.mapped("name"),
            *self.members.mapped("member_number"),
            *self.day.contribution_ids.mapped("receipt_number"),
            "365.00",
            "1,095.00",
            "1,460.00",
            "หนึ่งพันสี่ร้อยหกสิบบาทถ้วน",
        )

    def test_card_sheet_reads_in_thai(self):
        text = self.download_pdf(
            "officer", "welfare_membership.report_member_card", self.members
        )
        self.assertPrinted(text, "บัตรสมาชิก", "เป็นสมาชิกตั้งแต่", self.fund.name)
        for member in self.members:
            self.assertPrinted(
                text,
                member.name,
                member.member_number,
                self.fmt.thai_date(member.join_date),
            )
        self.assertNotIn("à¸", text)

    def test_single_card_reads_in_thai(self):
        member = self.members[0]
        text = self.download_pdf(
            "officer", "welfare_membership.report_member_card_single", member
        )
        self.assertPrinted(
            text,
            "บัตรสมาชิก",
            self.fund.name,
            member.name,
            member.member_number,
            self.fmt.thai_date(member.join_date),
        )
        self.assertNotIn(normalize(self.members[1].name), text)

    def test_registry_spreadsheet_lists_the_members_in_thai(self):
        content = self.download_xlsx(
            "officer", "welfare_membership.member_registry_xlsx", self.members
        )
        rows = xlsx_rows(content)
        header, *lines = rows
        self.assertEqual(header[1], "เลขที่สมาชิก")
        self.assertEqual(header[12], "วันที่เข้าเป็นสมาชิก")
        self.assertEqual(len(lines), 2)
        Member = self.env["welfare.member"].with_context(lang="th_TH")
        states = dict(Member._fields["state"]._description_selection(Member.env))
        for member, line in zip(self.members, lines, strict=True):
            self.assertEqual(line[0], self.fund.name)
            self.assertEqual(line[1], member.member_number)
            self.assertEqual(line[2], member.name)
            self.assertEqual(line[12].date(), member.join_date)
            self.assertEqual(line[13], states["active"])
        # birth, join and paid-until dates read in the Buddhist era
        for column in (4, 12, 14):
            self.assertBuddhistEraDates(content, 0, column)
