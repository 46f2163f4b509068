import datetime
import io

import openpyxl

from odoo.tests import tagged

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

    def test_receipt_pdf_renders(self):
        content, kind = self._pdf(
            "welfare_membership.action_report_contribution_receipt", self.payment
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))

    def test_receipt_shows_buddhist_era_date_and_thai_words(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "welfare_membership.action_report_contribution_receipt",
                self.payment.ids,
            )[0]
            .decode()
        )
        self.assertIn("10 มีนาคม 2568", html)
        self.assertIn("สามร้อยหกสิบห้าบาทถ้วน", html)
        self.assertIn(self.payment.receipt_number, html)

    def test_collection_list_pdf_renders(self):
        content, _kind = self._pdf(
            "welfare_membership.action_report_collection_list", self.collection
        )
        self.assertTrue(content.startswith(b"%PDF"))

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
