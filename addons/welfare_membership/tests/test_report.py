import datetime
import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.welfare_base.tests.report_reader import normalize, pdf_text

from .common_membership import MembershipCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestReports(MembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the PDF engine must not wait on this process's own web server for the
        # style sheets while the test holds the registry: point it nowhere
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        # a fund of Roi Et: its Thai documents print "จังหวัดร้อยเอ็ด"
        cls.fund.subdistrict_id = cls.env.ref("welfare_base.subdistrict_451101")
        cls.member = cls._member(join_date=D(2025, 1, 1), village_no="4")
        cls.collection = cls.env["welfare.collection"].create(
            {"fund_id": cls.fund.id, "date": D(2025, 3, 10)}
        )
        cls.payment = cls.env["welfare.contribution"].create(
            {
                "member_id": cls.member.id,
                "amount": 365,
                "collection_id": cls.collection.id,
            }
        )
        cls.collection.action_close()

    def _pdf(self, ref, records):
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(ref, records.ids)
        )
        return content, kind

    def test_receipt_pdf_reads_as_a_thai_receipt(self):
        content, kind = self._pdf(
            "welfare_membership.action_report_contribution_receipt", self.payment
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(content)
        for printed in (
            "ใบเสร็จรับเงิน",
            self.fund.name,
            "จังหวัดร้อยเอ็ด",
            self.member.name,
            self.payment.receipt_number,
            "10 มีนาคม 2568",
            "365.00",
            "สามร้อยหกสิบห้าบาทถ้วน",
        ):
            self.assertIn(normalize(printed), text)
        self.assertNotIn(normalize("Roi Et"), text)

    def test_collection_list_pdf_lists_the_payers(self):
        content, _kind = self._pdf(
            "welfare_membership.action_report_collection_list", self.collection
        )
        text = pdf_text(content)
        for printed in (
            "บัญชีรายชื่อผู้ชำระเงินสมทบ",
            self.fund.name,
            "10 มีนาคม 2568",
            self.member.name,
            self.member.member_number,
            self.payment.receipt_number,
            "365.00",
        ):
            self.assertIn(normalize(printed), text)

    def test_registry_xlsx_lists_the_members(self):
        content, kind = self.env["ir.actions.report"]._render(
            "welfare_membership.action_report_member_registry_xlsx", self.member.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.cell(2, 2).value, self.member.member_number)
        self.assertEqual(sheet.cell(2, 3).value, self.member.name)
        self.assertEqual(sheet.cell(2, 10).value, "4")

    def test_registry_xlsx_masks_the_id_for_network_reviewers(self):
        network = self._fund_user("mem_network", "group_welfare_network", self.fund)
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(network)
            ._render(
                "welfare_membership.action_report_member_registry_xlsx",
                self.member.ids,
                {},
            )
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertTrue(sheet.cell(2, 4).value.startswith("x-xxxx"))
