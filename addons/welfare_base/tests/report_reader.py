"""Read the suite's printed documents back as a person reads them.

PDFs are rendered for real by the tests (``force_report_rendering``, or the
web client's ``/report/pdf/...`` route) and turned back into text here, so a
test asserts on what is printed, not on the HTML that was meant to be printed.
"""

import io
import re
import unicodedata

import openpyxl

from odoo.tools.pdf import PdfFileReader

# Thai fonts draw raised or lowered tone marks and vowels with glyphs of the
# Private Use Area (the convention of Windows and TLWG Thai fonts); the PDF's
# text layer then holds these code points instead of the Thai letters.
_THAI_PUA = {
    0xF700: "\u0e10",
    0xF701: "\u0e34",
    0xF702: "\u0e35",
    0xF703: "\u0e36",
    0xF704: "\u0e37",
    0xF705: "\u0e48",
    0xF706: "\u0e49",
    0xF707: "\u0e4a",
    0xF708: "\u0e4b",
    0xF709: "\u0e4c",
    0xF70A: "\u0e48",
    0xF70B: "\u0e49",
    0xF70C: "\u0e4a",
    0xF70D: "\u0e4b",
    0xF70E: "\u0e4c",
    0xF70F: "\u0e0d",
    0xF710: "\u0e31",
    0xF711: "\u0e4d",
    0xF712: "\u0e47",
    0xF713: "\u0e48",
    0xF714: "\u0e49",
    0xF715: "\u0e4a",
    0xF716: "\u0e4b",
    0xF717: "\u0e4c",
    0xF718: "\u0e38",
    0xF719: "\u0e39",
    0xF71A: "\u0e3a",
}


def normalize(text):
    """``text`` in the one spelling both a PDF's text layer and a test can give.

    Thai fonts store SARA AM as NIKHAHIT + SARA AA (NFKC does the same). Thai
    writes no space between words, and the text layer puts spaces, tabs or
    line ends where the layout placed the glyphs (even inside words of bold
    text): white space is left out altogether.
    """
    text = unicodedata.normalize("NFKC", (text or "").translate(_THAI_PUA))
    return re.sub(r"\s+", "", text)


def pdf_pages_text(content):
    """The normalized text of each page of the PDF ``content`` (bytes)."""
    reader = PdfFileReader(io.BytesIO(content))
    return [normalize(page.extract_text()) for page in reader.pages]


def pdf_text(content):
    """The normalized text of the whole PDF ``content`` (bytes)."""
    return "".join(pdf_pages_text(content))


def xlsx_rows(content, sheet=None):
    """The rows of an XLSX sheet (the first by default) as tuples of values."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def xlsx_text(content):
    """Every cell of every sheet of an XLSX, normalized, joined by "|"."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    cells = []
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells.extend(normalize(str(v)) for v in row if v not in (None, ""))
    return "|".join(cells)
