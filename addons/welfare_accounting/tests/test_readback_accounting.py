"""Every document of the fund's books, downloaded by the demo role that
prints it as the web client's Print menu does, and read back."""

from odoo.tests import tagged

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_base.tests.readback import ReadBackCase
from odoo.addons.welfare_base.tests.report_reader import xlsx_rows, xlsx_text


@tagged("post_install", "-at_install")
class TestReadBackAccounting(ReadBackCase):
    thai_modules = ("welfare_base", "welfare_membership", "welfare_accounting")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.committee = cls.env.ref("welfare_base.welfare_user_committee_demo")
        today = welfare_today(cls.env["welfare.fund"])
        cls.year = thai_calendar.fiscal_year_of(today)
        # the demo's money spans the last fiscal years: the statement covers
        # the previous fiscal year and the current one
        cls.date_from = thai_calendar.fiscal_year_bounds(cls.year - 1)[0]
        cls.date_to = today
        cls.wizard = (
            cls.env["welfare.statement.wizard"]
            .with_user(cls.committee)
            .create(
                {
                    "fund_id": cls.fund.id,
                    "date_from": cls.date_from,
                    "date_to": cls.date_to,
                }
            )
        )
        cls.statement = cls.wizard._statement()

    def test_statement_pdf_reads_the_fund_period_and_totals(self):
        text = self.download_pdf(
            "committee", "welfare_accounting.report_welfare_statement", self.wizard
        )
        st = self.statement
        self.assertGreater(st["receipts_total"], 0)
        self.assertPrinted(
            text,
            self.fund.name,
            "รวมรายรับ",
            "รวมรายจ่าย",
            self.fmt.thai_date(self.date_from),
            self.fmt.thai_date(self.date_to),
            self.money(st["receipts_total"]),
            self.money(st["payments_total"]),
            self.money(st["closing_total"]),
        )

    def test_statement_xlsx_holds_the_same_totals(self):
        content = self.download_xlsx(
            "committee", "welfare_accounting.statement_xlsx", self.wizard
        )
        rows = xlsx_rows(content)
        values = {row[0]: row[1] for row in rows if row and row[0]}
        st = self.statement
        self.assertEqual(values["รวมรายรับ"], st["receipts_total"])
        self.assertEqual(values["รวมรายจ่าย"], st["payments_total"])
        text = xlsx_text(content)
        self.assertPrinted(
            text,
            self.fund.name,
            self.fmt.thai_date(self.date_from),
            self.fmt.thai_date(self.date_to),
        )

    def test_fund_status_pdf_reads_the_buddhist_era_fiscal_year(self):
        text = self.download_pdf(
            "committee",
            "welfare_accounting.report_welfare_fund_status",
            self.fund,
            context={"welfare_fiscal_year": self.year},
        )
        start, end = thai_calendar.fiscal_year_bounds(self.year)
        self.assertPrinted(
            text,
            self.fund.name,
            self.fund.code,
            "ปีงบประมาณ",
            str(self.year + 543),
            self.fmt.thai_date(start),
            self.fmt.thai_date(end),
        )
        self.assertNotIn(f"{self.year + 543:,}", text)

    def test_fund_status_xlsx_names_the_fund_and_the_year(self):
        content = self.download_xlsx(
            "committee",
            "welfare_accounting.fund_status_xlsx",
            self.fund,
            context={"welfare_fiscal_year": self.year},
        )
        self.assertInSheet(content, self.fund.name, str(self.year + 543))

    def test_provincial_summary_lists_every_fund_of_the_reviewer(self):
        network = self.env.ref("welfare_base.welfare_user_network_demo")
        funds = self.env["welfare.fund"].search(
            [("company_id", "in", network.company_ids.ids)]
        )
        self.assertGreater(len(funds), 1)
        content = self.download_xlsx(
            "network",
            "welfare_accounting.provincial_summary_xlsx",
            funds,
            context={"welfare_fiscal_year": self.year},
        )
        rows = xlsx_rows(content)
        listed = {row[1]: row for row in rows[4:] if row and row[1]}
        self.assertEqual(set(listed), set(funds.mapped("code")))
        for fund in funds:
            self.assertEqual(listed[fund.code][2], fund.name)
            self.assertEqual(listed[fund.code][0], "ร้อยเอ็ด")
        self.assertInSheet(content, str(self.year + 543))

    def _matching_request(self):
        request = (
            self.env["welfare.matching.request"]
            .with_user(self.committee)
            .create({"fund_id": self.fund.id, "fiscal_year": self.year})
        )
        request.action_compute_lines()
        self.assertTrue(request.line_ids, "demo members are eligible for matching")
        return request.sudo(False).with_user(self.env.user)

    def test_matching_request_pdf_reads_members_amount_and_words(self):
        request = self._matching_request()
        text = self.download_pdf(
            "committee", "welfare_accounting.report_welfare_matching_request", request
        )
        self.assertPrinted(
            text,
            self.fund.name,
            "จำนวนเงินที่ขอ:",
            str(request.fiscal_year_be),
            self.money(request.amount_total),
            self.fmt.baht_text(request.amount_total),
            *request.line_ids[:5].mapped("member_id.name"),
        )
        line = request.line_ids[0]
        self.assertPrinted(text, self.fmt.thai_date(line.join_date, short=True))

    def test_matching_request_xlsx_lists_members_and_amounts(self):
        request = self._matching_request()
        content = self.download_xlsx(
            "committee", "welfare_accounting.matching_request_xlsx", request
        )
        rows = xlsx_rows(content)
        by_name = {row[3]: row for row in rows if len(row) > 8 and row[3]}
        for line in request.line_ids:
            self.assertEqual(by_name[line.member_id.name][8], line.amount)
        self.assertInSheet(
            content,
            self.fund.name,
            str(request.fiscal_year_be),
            self.fmt.baht_text(request.amount_total),
        )
