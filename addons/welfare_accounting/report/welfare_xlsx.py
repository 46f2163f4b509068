from odoo import fields, models

from .welfare_reports import current_fiscal_year, report_helpers


class WelfareXlsxMixin(models.AbstractModel):
    """Formats shared by the fund's spreadsheets."""

    _name = "report.welfare_accounting.xlsx_mixin"
    _inherit = "report.report_xlsx.abstract"
    _description = "Welfare Fund Spreadsheet Formats"

    def get_workbook_options(self):
        # strings_to_formulas off: a name typed as "=cmd|..." stays text
        return {"strings_to_formulas": False}

    def _welfare_formats(self, workbook):
        base = {"font_name": "Tahoma", "font_size": 10}
        return {
            "title": workbook.add_format({**base, "bold": True, "font_size": 14}),
            "bold": workbook.add_format({**base, "bold": True}),
            "text": workbook.add_format(base),
            "head": workbook.add_format(
                {**base, "bold": True, "bg_color": "#DDEBF7", "border": 1}
            ),
            "money": workbook.add_format({**base, "num_format": "#,##0.00"}),
            "money_bold": workbook.add_format(
                {**base, "num_format": "#,##0.00", "bold": True, "top": 1}
            ),
            "warn": workbook.add_format(
                {**base, "bold": True, "font_color": "#C00000"}
            ),
        }


class WelfareStatementXlsx(models.AbstractModel):
    _name = "report.welfare_accounting.statement_xlsx"
    _inherit = "report.welfare_accounting.xlsx_mixin"
    _description = "Receipts and Payments Statement (XLSX)"

    def _write_statement_sections(self, sheet, row, fmt, h, st):
        """Opening balance, receipts, payments and closing balance; the next row."""
        labels = h["category_labels"]

        def line(row, label, amount, bold=False):
            """A label and its amount; the next row."""
            sheet.write(row, 0, label, fmt["bold" if bold else "text"])
            sheet.write_number(row, 1, amount, fmt["money_bold" if bold else "money"])
            return row + 1

        def section(row, title, categories, amounts):
            """A heading and one line per category; the next row."""
            sheet.write(row, 0, title, fmt["head"])
            sheet.write(row, 1, self.env._("Baht"), fmt["head"])
            row += 1
            for category in categories:
                row = line(row, labels[category], amounts[category])
                details = ()
                if category == "codi_matching":
                    details = [
                        (self.env._("Round %(round)s", round=r), amount)
                        for r, amount in st["matching_rounds"]
                    ]
                elif category == "benefit" and amounts is st["payments"]:
                    details = [
                        (h["benefit_labels"][key], amount)
                        for key, amount in st["benefits"].items()
                        if amount
                    ]
                for label, amount in details:
                    row = line(row, "    " + label, amount)
            return row

        row = section(
            row,
            self.env._("Opening balance"),
            h["asset_categories"],
            st["opening"],
        )
        row = section(
            row + 1, self.env._("Receipts"), h["receipt_categories"], st["receipts"]
        )
        row = line(row, self.env._("Total receipts"), st["receipts_total"], bold=True)
        row = section(
            row + 1,
            self.env._("Payments"),
            h["payment_categories"],
            st["payments"],
        )
        row = line(row, self.env._("Total payments"), st["payments_total"], bold=True)
        sheet.write(
            row + 1,
            0,
            self.env._("Transfers between the fund's cash and bank (not receipts)"),
            fmt["head"],
        )
        sheet.write(row + 1, 1, self.env._("Baht"), fmt["head"])
        row = line(
            row + 2,
            self.env._("Cash handed over by collectors"),
            st["transfers"]["handover"],
        )
        row = line(
            row, self.env._("Cash deposited in the bank"), st["transfers"]["deposit"]
        )
        row = section(
            row + 1,
            self.env._("Closing balance"),
            h["asset_categories"],
            st["closing"],
        )
        row = line(row, self.env._("Total"), st["closing_total"], bold=True) + 1
        return row

    def generate_xlsx_report(self, workbook, data, objs):
        fmt = self._welfare_formats(workbook)
        h = report_helpers(self.env)
        for wizard in objs:
            st = wizard._statement()
            sheet = workbook.add_worksheet(wizard.fund_id.code or "statement")
            sheet.set_column(0, 0, 48)
            sheet.set_column(1, 1, 18)
            row = 0
            sheet.write(row, 0, wizard.fund_id.name, fmt["title"])
            row += 1
            sheet.write(
                row,
                0,
                self.env._(
                    "Receipts and payments from %(start)s to %(end)s",
                    start=h["thai_date"](st["date_from"]),
                    end=h["thai_date"](st["date_to"]),
                ),
                fmt["bold"],
            )
            row = self._write_statement_sections(sheet, row + 2, fmt, h, st)
            sheet.write(row, 0, self.env._("Administrative costs (%)"), fmt["bold"])
            sheet.write_number(row, 1, st["admin_share"], fmt["money"])
            if st["pending"]["note"]:
                row += 1
                sheet.write(row, 0, st["pending"]["note"], fmt["warn"])
            if st["admin_over_limit"]:
                row += 1
                sheet.write(
                    row,
                    0,
                    self.env._(
                        "Warning: administrative costs exceed %(limit)s%% of receipts.",
                        limit=int(st["admin_limit"]),
                    ),
                    fmt["warn"],
                )


class WelfareMatchingRequestXlsx(models.AbstractModel):
    _name = "report.welfare_accounting.matching_request_xlsx"
    _inherit = "report.welfare_accounting.xlsx_mixin"
    _description = "CODI Matching Request (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        fmt = self._welfare_formats(workbook)
        h = report_helpers(self.env)
        for request in objs:
            sheet = workbook.add_worksheet(request.name.replace("/", "-")[:31])
            sheet.set_column(0, 0, 6)
            sheet.set_column(1, 2, 16)
            sheet.set_column(3, 3, 34)
            sheet.set_column(4, 8, 14)
            sheet.write(0, 0, request.fund_id.name, fmt["title"])
            sheet.write(
                1,
                0,
                self.env._(
                    "Request for state matching through CODI, fiscal year %(year)s, "
                    "round %(round)s",
                    year=request.fiscal_year_be,
                    round=request.matching_round,
                ),
                fmt["bold"],
            )
            sheet.write(
                2,
                0,
                self.env._(
                    "Members of at least %(years)s year(s) on %(date)s",
                    years=request.min_years,
                    date=h["thai_date"](request.cutoff_date),
                ),
                fmt["text"],
            )
            headers = [
                self.env._("No."),
                self.env._("Member No."),
                self.env._("National ID"),
                self.env._("Name"),
                self.env._("Joined"),
                self.env._("Years"),
                self.env._("Matched Before"),
                self.env._("Contributions"),
                self.env._("Matching"),
            ]
            row = 4
            for col, header in enumerate(headers):
                sheet.write(row, col, header, fmt["head"])
            for index, line in enumerate(request.line_ids, start=1):
                row += 1
                sheet.write_number(row, 0, index, fmt["text"])
                sheet.write(row, 1, line.member_number or "", fmt["text"])
                sheet.write(
                    row,
                    2,
                    self.env["welfare.format"].national_id(line.national_id),
                    fmt["text"],
                )
                sheet.write(row, 3, line.member_id.name, fmt["text"])
                sheet.write(
                    row, 4, h["thai_date"](line.join_date, short=True), fmt["text"]
                )
                sheet.write_number(row, 5, line.membership_years, fmt["text"])
                sheet.write_number(row, 6, line.times_matched, fmt["text"])
                sheet.write_number(row, 7, line.contributions, fmt["money"])
                sheet.write_number(row, 8, line.amount, fmt["money"])
            row += 1
            sheet.write(row, 3, self.env._("Total"), fmt["bold"])
            sheet.write_number(row, 7, request.contribution_total, fmt["money_bold"])
            sheet.write_number(row, 8, request.amount_total, fmt["money_bold"])
            row += 1
            sheet.write(row, 3, h["baht_text"](request.amount_total), fmt["text"])
            row += 2
            for label, name in request._signatories():
                sheet.write(
                    row,
                    1,
                    self.env._("Signed") + " ......................",
                    fmt["text"],
                )
                row += 1
                sheet.write(
                    row, 1, f"({name or '......................'})", fmt["text"]
                )
                sheet.write(row, 3, label, fmt["text"])
                row += 2


class WelfareProvincialSummaryXlsx(models.AbstractModel):
    _name = "report.welfare_accounting.provincial_summary_xlsx"
    _inherit = "report.welfare_accounting.xlsx_mixin"
    _description = "Provincial Summary of Funds (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        fmt = self._welfare_formats(workbook)
        h = report_helpers(self.env)
        year = current_fiscal_year(self.env, data)
        date_from, date_to = (
            fields.Date.to_date(f"{year - 1}-10-01"),
            fields.Date.to_date(f"{year}-09-30"),
        )
        funds = objs.sorted(lambda f: (f.state_id.display_name or "", f.code))
        rows = funds._welfare_provincial_summary(date_from, date_to)
        sheet = workbook.add_worksheet(self.env._("Funds"))
        sheet.set_column(0, 1, 16)
        sheet.set_column(2, 2, 40)
        sheet.set_column(3, 10, 16)
        sheet.write(
            0, 0, self.env._("Summary of community welfare funds"), fmt["title"]
        )
        sheet.write(
            1,
            0,
            self.env._(
                "Fiscal year %(year)s (%(start)s - %(end)s)",
                year=h["be_year"](year),
                start=h["thai_date"](date_from),
                end=h["thai_date"](date_to),
            ),
            fmt["bold"],
        )
        headers = [
            self.env._("Province"),
            self.env._("Code"),
            self.env._("Fund"),
            self.env._("Current Members"),
            self.env._("Members' Contributions"),
            self.env._("State through CODI"),
            self.env._("Local Government"),
            self.env._("Other Income"),
            self.env._("Benefits Paid"),
            self.env._("Administrative Costs"),
        ]
        for col, header in enumerate(headers):
            sheet.write(3, col, header, fmt["head"])
        keys = ("members_leg", "codi_leg", "local_leg", "other", "benefits", "admin")
        row = 3
        for data_row in rows:
            row += 1
            fund = data_row["fund"]
            sheet.write(row, 0, fund.state_id.display_name or "", fmt["text"])
            sheet.write(row, 1, fund.code, fmt["text"])
            sheet.write(row, 2, fund.name, fmt["text"])
            sheet.write_number(row, 3, data_row["members"], fmt["text"])
            for col, key in enumerate(keys, start=4):
                sheet.write_number(row, col, data_row[key], fmt["money"])
        row += 1
        sheet.write(row, 2, self.env._("Total"), fmt["bold"])
        sheet.write_number(row, 3, sum(r["members"] for r in rows), fmt["bold"])
        for col, key in enumerate(keys, start=4):
            sheet.write_number(row, col, sum(r[key] for r in rows), fmt["money_bold"])
