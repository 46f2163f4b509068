from odoo.tests import tagged

from odoo.addons.welfare_base.tests.report_reader import normalize, pdf_text

from .common import PromptpayCase


@tagged("post_install", "-at_install")
class TestPromptpayReports(PromptpayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the PDF engine must not wait on this process's own web server for the
        # style sheets while the test holds the registry: point it nowhere
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )

    def _pdf(self, xmlid, records, user):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(xmlid, records.ids)
        )
        self.assertEqual(kind, "pdf")
        return pdf_text(content)

    def test_arrears_notice_reads_in_thai_with_be_date_amount_and_reference(self):
        info = self._reference()
        text = self._pdf(
            "welfare_promptpay.action_report_arrears_notice", self.debtor, self.officer
        )
        fmt = self.env["welfare.format"]
        for expected in (
            "หนังสือแจ้งยอดเงินสมทบค้างชำระ",
            self.debtor.name,
            fmt.thai_date(self.today),
            fmt.thai_date(self.debtor.paid_until),
            "90.00",
            fmt.baht_text(90.0),
            info["reference_display"],
            "พร้อมเพย์",
        ):
            with self.subTest(expected=expected):
                self.assertIn(normalize(expected), text)
        self.assertIn(str(self.today.year + 543), text, "Buddhist-era year")
        self.assertNotIn(
            str(self.today.year), text.replace(str(self.today.year + 543), "")
        )

    def test_collection_list_shows_each_member_with_amount_and_reference(self):
        collection = self.env["welfare.collection"].create(
            {"fund_id": self.fund.id, "date": self.today}
        )
        infos = (self.member | self.debtor)._promptpay_payment_info(self.today)
        text = self._pdf(
            "welfare_promptpay.action_report_collection_promptpay",
            collection,
            self.officer,
        )
        for member in self.member | self.debtor:
            with self.subTest(member=member.name):
                self.assertIn(normalize(member.name), text)
                self.assertIn(infos[member.id]["reference_display"], text)
        self.assertIn("90.00", text)
