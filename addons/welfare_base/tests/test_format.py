from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestThaiFormats(TransactionCase):
    def test_documents_get_buddhist_era_dates_and_baht_text(self):
        fmt = self.env["welfare.format"]
        self.assertEqual(fmt.thai_date(date(2026, 9, 30)), "30 กันยายน 2569")
        self.assertEqual(fmt.baht_text(365), "สามร้อยหกสิบห้าบาทถ้วน")
        self.assertEqual(fmt.national_id("1101700203451"), "1-1017-00203-45-1")
        self.assertEqual(fmt.be_year(date(2026, 1, 1)), 2569)
