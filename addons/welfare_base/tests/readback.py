"""Documents downloaded as the web client downloads them, then read back.

The web client's Print menu fetches ``/report/pdf/<report>/<ids>`` (and
``/report/xlsx/...`` for spreadsheets) with the user's session: the tests
do the same, logged in as the demo role that prints the document, in Thai.
"""

import io
import json
from urllib.parse import quote

import openpyxl

from odoo.tests import HttpCase

from ..lib import thai_format
from .report_reader import normalize, pdf_text, xlsx_text


class ReadBackCase(HttpCase):
    """Downloads of the demo fund's documents by its Thai users."""

    #: modules whose Thai translations the documents print
    thai_modules = ("welfare_base",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(
            list(cls.thai_modules), ["th_TH"], overwrite=True
        )
        # wkhtmltopdf must not wait on this test's own server for style sheets
        # while the download request holds the test cursor: point it nowhere
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        cls.fmt = cls.env["welfare.format"]
        cls.fund = cls.env.ref("welfare_base.welfare_fund_rop_mueang_demo")

    def _download(self, login, converter, report_name, records, context=None):
        """The file the web client downloads for ``login`` (password = login)."""
        self.authenticate(login, login)
        ids = ",".join(map(str, records.ids))
        # under tests Odoo prints HTML unless the context asks for the PDF
        ctx = dict(context or {}, force_report_rendering=True)
        response = self.url_open(
            f"/report/{converter}/{report_name}/{ids}?context={quote(json.dumps(ctx))}",
            timeout=180,
        )
        self.assertEqual(response.status_code, 200, response.text[:1000])
        return response

    def download_pdf(self, login, report_name, records, context=None):
        """The text of the PDF, normalized (see report_reader.normalize)."""
        response = self._download(login, "pdf", report_name, records, context)
        self.assertEqual(
            response.headers["Content-Type"], "application/pdf", response.text[:1000]
        )
        return pdf_text(response.content)

    def download_xlsx(self, login, report_name, records, context=None):
        """The raw XLSX bytes of the spreadsheet report."""
        response = self._download(login, "xlsx", report_name, records, context)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        return response.content

    def assertPrinted(self, text, *expected):
        """Each of ``expected`` is read in ``text`` (both normalized)."""
        for printed in expected:
            self.assertIn(normalize(str(printed)), text)

    def assertInSheet(self, content, *expected):
        """Each of ``expected`` is in a cell of the XLSX ``content``."""
        self.assertPrinted(xlsx_text(content), *expected)

    def assertBuddhistEraDates(self, content, sheet_index, column):
        """The dates of ``column`` (0-based) are real dates shown in the
        Buddhist era by Excel and LibreOffice; the number of such cells."""
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[sheet_index]
        cells = [row[column] for row in sheet.iter_rows(min_row=2) if row[column].value]
        self.assertTrue(cells, "dates in the column")
        for cell in cells:
            self.assertTrue(cell.is_date, cell.value)
            self.assertEqual(cell.number_format, thai_format.XLSX_BE_DATE_FORMAT)
        return len(cells)

    @staticmethod
    def money(amount):
        return f"{amount:,.2f}"
