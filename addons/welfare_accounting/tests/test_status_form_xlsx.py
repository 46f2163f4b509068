import datetime
import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.welfare_base.lib import thai_calendar

from .common import AccountingCase

REPORT = "welfare_accounting.action_report_welfare_fund_status_xlsx"


@tagged("post_install", "-at_install")
class TestStatusFormXlsx(AccountingCase):
    """The fund status form as a spreadsheet carries the figures of the form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fiscal_year = thai_calendar.fiscal_year_of(cls.today)
        cls.year_start = datetime.date(cls.fiscal_year - 1, 10, 1)
        cls.founder = cls._member(
            "นางทองดี ผู้ก่อตั้ง",
            join_date=datetime.date(2014, 6, 1),
            member_type="elderly",
        )
        cls.newcomer = cls._member(
            "เด็กชายมาใหม่ ปีนี้", join_date=cls.year_start, member_type="youth"
        )
        cls.fund.supporting_body = '=HYPERLINK("http://example.com")'
        cls.birth = cls.env["welfare.benefit.type"].create(
            {
                "fund_id": cls.fund.id,
                "name": "คลอดบุตร",
                "category": "birth",
                "amount_type": "fixed",
                "amount": 500.0,
                "require_paid_up": False,
            }
        )
        # one birth paid within the fiscal year, one in the year before
        cls._paid_claim(cls.member, cls.today - datetime.timedelta(days=3), cls.today)
        cls._paid_claim(
            cls.member2,
            cls.year_start - datetime.timedelta(days=10),
            cls.year_start - datetime.timedelta(days=1),
        )
        content, kind = cls.env["ir.actions.report"]._render(
            REPORT, cls.fund.ids, {"fiscal_year": cls.fiscal_year}
        )
        cls.kind = kind
        cls.sheet = openpyxl.load_workbook(io.BytesIO(content)).active

    @classmethod
    def _paid_claim(cls, member, event_date, payment_date):
        claim = cls.env["welfare.claim"].create(
            {
                "fund_id": cls.fund.id,
                "member_id": member.id,
                "benefit_type_id": cls.birth.id,
                "event_date": event_date,
            }
        )
        claim.action_submit()
        claim.with_user(cls.committee).action_approve()
        claim._mark_paid({"payment_method": "cash", "payment_date": payment_date})
        return claim

    def _section(self, title):
        """{label in column A: row values} of the section under ``title``."""
        rows = [[cell.value for cell in row] for row in self.sheet.iter_rows()]
        start = next(i for i, row in enumerate(rows) if row[0] == title)
        section = {}
        for row in rows[start + 1 :]:
            if row[0] is None:
                break
            section[row[0]] = row
        return section

    def test_spreadsheet_names_the_fund_and_the_buddhist_era_year(self):
        self.assertEqual(self.kind, "xlsx")
        self.assertEqual(self.sheet.title, "T-ACC-1")
        self.assertIn(str(self.fiscal_year + 543), self.sheet["A2"].value)
        fund = self._section("1. The fund")
        self.assertEqual(fund["Name"][1], self.fund.name)
        self.assertEqual(fund["Founded"][1], "1 มกราคม 2558")

    def test_member_counts_match_the_status_data(self):
        status = self.fund._welfare_status(self.fiscal_year)
        members = self._section("2. Members")
        self.assertEqual(members["Members at founding"][1], 1)
        self.assertEqual(members["Accumulated members (since founding)"][1], 4)
        self.assertEqual(members["Current members"][1], status["members_current"])
        self.assertEqual(members["Current members"][1], 4)
        self.assertEqual(members["Members of at least one year"][1], 3)
        self.assertEqual(members["General"][1], 2)
        self.assertEqual(members["Elderly"][1], 1)
        self.assertEqual(members["Child / Youth"][1], 1)

    def test_benefit_category_holds_year_and_cumulative_cases_and_baht(self):
        benefits = self._section("5. Benefits paid")
        self.assertEqual(benefits["Birth"][1:5], [1, 500.0, 2, 1000.0])
        self.assertEqual(benefits["Total"][1:5], [1, 500.0, 2, 1000.0])
        self.assertEqual(benefits["Death"][1:5], [0, 0.0, 0, 0.0])

    def test_money_is_written_as_numbers_in_baht_and_satang(self):
        statement = self._section("8. Financial report of the fiscal year")
        self.assertEqual(statement["Total payments"][1], 500.0)
        cell = self.sheet.cell(row=self._row_of("Total payments"), column=2)
        self.assertEqual(cell.data_type, "n")
        self.assertEqual(cell.number_format, "#,##0.00")

    def test_formula_like_text_stays_text(self):
        cell = self.sheet.cell(row=self._row_of("Supported by"), column=2)
        self.assertEqual(cell.data_type, "s")
        self.assertEqual(cell.value, '=HYPERLINK("http://example.com")')

    def _row_of(self, label):
        """1-based row of the first cell of column A holding ``label``."""
        return next(cell.row for cell in self.sheet["A"] if cell.value == label)
