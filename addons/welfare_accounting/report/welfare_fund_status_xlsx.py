import re

from odoo import models

from odoo.addons.welfare_base.lib import thai_calendar

from .welfare_reports import current_fiscal_year, report_helpers


class WelfareFundStatusXlsx(models.AbstractModel):
    """The fund status form as a spreadsheet: the same figures as the PDF form."""

    _name = "report.welfare_accounting.fund_status_xlsx"
    _inherit = "report.welfare_accounting.xlsx_mixin"
    _description = "Fund Status Form (XLSX)"

    def _status_formats(self, workbook):
        fmt = self._welfare_formats(workbook)
        base = {"font_name": "Tahoma", "font_size": 10}
        fmt["count"] = workbook.add_format({**base, "num_format": "#,##0"})
        fmt["count_bold"] = workbook.add_format(
            {**base, "num_format": "#,##0", "bold": True, "top": 1}
        )
        fmt["indent"] = workbook.add_format({**base, "indent": 2})
        fmt["section"] = workbook.add_format({**base, "bold": True, "font_size": 12})
        return fmt

    @staticmethod
    def _text(sheet, row, col, value, cell_format):
        """Text is always written as a string, never read as a formula or number."""
        sheet.write_string(row, col, str(value or ""), cell_format)

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        fmt = self._status_formats(workbook)
        h = report_helpers(self.env)
        year = current_fiscal_year(self.env, data)
        for fund in objs:
            status = fund._welfare_status(year)
            # Excel refuses []:*?/\ in sheet names
            name = re.sub(r"[\[\]:*?/\\]", "-", fund.code or str(fund.id))
            sheet = workbook.add_worksheet(name[:31])
            sheet.set_column(0, 0, 46)
            sheet.set_column(1, 4, 18)
            row = self._write_heading(sheet, 0, fund, status, fmt, h)
            row = self._write_fund(sheet, row, fund, status, fmt, h)
            row = self._write_members(sheet, row, status, fmt)
            row = self._write_scheme(sheet, row, status, fmt)
            row = self._write_money_by_source(sheet, row, status, fmt, h)
            row = self._write_benefits(sheet, row, status, fmt)
            row = self._write_committee(sheet, row, status, fmt)
            row = self._write_management(sheet, row, status, fmt, h)
            row = self._write_statement(sheet, row, status["statement"], fmt, h)
            self._write_signatures(sheet, row, fmt)

    def _write_heading(self, sheet, row, fund, status, fmt, h):
        self._text(
            sheet,
            row,
            0,
            self.env._("Community Welfare Fund Status Form"),
            fmt["title"],
        )
        row += 1
        self._text(
            sheet,
            row,
            0,
            self.env._(
                "Fiscal year %(year)s (%(start)s - %(end)s)",
                year=h["be_year"](status["fiscal_year"]),
                start=h["thai_date"](status["date_from"]),
                end=h["thai_date"](status["date_to"]),
            ),
            fmt["bold"],
        )
        return row + 2

    def _write_section(self, sheet, row, title, fmt):
        self._text(sheet, row, 0, title, fmt["section"])
        return row + 1

    def _write_fund(self, sheet, row, fund, status, fmt, h):
        row = self._write_section(sheet, row, self.env._("1. The fund"), fmt)
        address = " ".join(
            part
            for part in (
                fund.street,
                fund.subdistrict_id.name,
                fund.district_id.name,
                h["province_name"](fund.state_id),
                fund.zip,
            )
            if part
        )

        def contact(partner):
            return " ".join(part for part in (partner.name, partner.phone) if part)

        certified = (
            h["thai_date"](fund.certification_date)
            if fund.certified
            else self.env._("No")
        )
        lines = [
            (self.env._("Name"), fund.name),
            (self.env._("Code"), fund.code),
            (self.env._("Address"), address),
            (self.env._("Phone"), fund.phone),
            (self.env._("Chair"), contact(status["chair"])),
            (self.env._("Coordinator"), contact(status["coordinator"])),
            (self.env._("Founded"), h["thai_date"](fund.founding_date)),
            (self.env._("Supported by"), fund.supporting_body),
            (self.env._("Certified"), certified),
        ]
        for label, value in lines:
            self._text(sheet, row, 0, label, fmt["text"])
            self._text(sheet, row, 1, value, fmt["text"])
            row += 1
        self._text(sheet, row, 0, self.env._("Villages covered"), fmt["text"])
        sheet.write_number(row, 1, fund.village_covered, fmt["count"])
        row += 1
        self._text(sheet, row, 0, self.env._("Villages in the area"), fmt["text"])
        sheet.write_number(row, 1, fund.village_total, fmt["count"])
        row += 1
        self._text(sheet, row, 0, self.env._("Village coverage (%)"), fmt["text"])
        sheet.write_number(row, 1, fund.village_coverage, fmt["money"])
        return row + 2

    def _write_members(self, sheet, row, status, fmt):
        row = self._write_section(sheet, row, self.env._("2. Members"), fmt)
        self._text(
            sheet,
            row,
            0,
            self.env._(
                "Members as they stood on %(day)s",
                day=thai_calendar.thai_date(status["members_on"]),
            ),
            fmt["text"],
        )
        row += 1
        for label, key in (
            (self.env._("Members at founding"), "members_at_founding"),
            (self.env._("Accumulated members (since founding)"), "members_accumulated"),
            (self.env._("Current members"), "members_current"),
            (self.env._("Members of at least one year"), "members_one_year"),
        ):
            self._text(sheet, row, 0, label, fmt["text"])
            sheet.write_number(row, 1, status[key], fmt["count"])
            row += 1
        for label, count in status["members_by_type"]:
            self._text(sheet, row, 0, label, fmt["indent"])
            sheet.write_number(row, 1, count, fmt["count"])
            row += 1
        return row + 1

    def _write_scheme(self, sheet, row, status, fmt):
        row = self._write_section(sheet, row, self.env._("3. Contributions"), fmt)
        scheme = status["scheme"]
        if not scheme:
            self._text(
                sheet,
                row,
                0,
                self.env._("No contribution scheme recorded."),
                fmt["text"],
            )
            return row + 2
        periods = dict(scheme._fields["period"]._description_selection(scheme.env))
        self._text(sheet, row, 0, self.env._("Contribution scheme"), fmt["text"])
        self._text(sheet, row, 1, scheme.name, fmt["text"])
        row += 1
        self._text(
            sheet,
            row,
            0,
            self.env._(
                "Contribution (baht) per %(period)s", period=periods.get(scheme.period)
            ),
            fmt["text"],
        )
        sheet.write_number(row, 1, scheme.amount, fmt["money"])
        row += 1
        self._text(sheet, row, 0, self.env._("Entry fee (baht)"), fmt["text"])
        sheet.write_number(row, 1, scheme.entry_fee, fmt["money"])
        return row + 2

    def _write_money_by_source(self, sheet, row, status, fmt, h):
        row = self._write_section(
            sheet, row, self.env._("4. Money received since founding, by source"), fmt
        )
        self._text(sheet, row, 0, self.env._("Source"), fmt["head"])
        self._text(sheet, row, 1, self.env._("Baht"), fmt["head"])
        row += 1
        for category, amount in status["money_by_source"]:
            self._text(sheet, row, 0, h["category_labels"][category], fmt["text"])
            sheet.write_number(row, 1, amount, fmt["money"])
            row += 1
        self._text(sheet, row, 0, self.env._("Total"), fmt["bold"])
        sheet.write_number(
            row,
            1,
            sum(amount for _category, amount in status["money_by_source"]),
            fmt["money_bold"],
        )
        return row + 2

    def _write_benefits(self, sheet, row, status, fmt):
        row = self._write_section(sheet, row, self.env._("5. Benefits paid"), fmt)
        for col, header in enumerate(
            (
                self.env._("Benefit"),
                self.env._("Cases (year)"),
                self.env._("Baht (year)"),
                self.env._("Cases (cumulative)"),
                self.env._("Baht (cumulative)"),
            )
        ):
            self._text(sheet, row, col, header, fmt["head"])
        row += 1
        benefits = status["benefits"]
        for line in benefits:
            self._text(sheet, row, 0, line["label"], fmt["text"])
            sheet.write_number(row, 1, line["year_cases"], fmt["count"])
            sheet.write_number(row, 2, line["year_amount"], fmt["money"])
            sheet.write_number(row, 3, line["total_cases"], fmt["count"])
            sheet.write_number(row, 4, line["total_amount"], fmt["money"])
            row += 1
        self._text(sheet, row, 0, self.env._("Total"), fmt["bold"])
        for col, key, cell_format in (
            (1, "year_cases", "count_bold"),
            (2, "year_amount", "money_bold"),
            (3, "total_cases", "count_bold"),
            (4, "total_amount", "money_bold"),
        ):
            sheet.write_number(
                row, col, sum(line[key] for line in benefits), fmt[cell_format]
            )
        return row + 2

    def _write_committee(self, sheet, row, status, fmt):
        row = self._write_section(sheet, row, self.env._("6. Committee"), fmt)
        for col, header in enumerate(
            (self.env._("Name"), self.env._("Role"), self.env._("Village No."))
        ):
            self._text(sheet, row, col, header, fmt["head"])
        row += 1
        committee = status["committee"]
        roles = dict(committee._fields["role"]._description_selection(self.env))
        for line in committee:
            self._text(sheet, row, 0, line.partner_id.name, fmt["text"])
            self._text(sheet, row, 1, roles.get(line.role), fmt["text"])
            self._text(sheet, row, 2, line.village_no, fmt["text"])
            row += 1
        return row + 1

    def _write_management(self, sheet, row, status, fmt, h):
        row = self._write_section(sheet, row, self.env._("7. Management"), fmt)
        self._text(sheet, row, 0, self.env._("Member register"), fmt["text"])
        self._text(
            sheet,
            row,
            1,
            self.env._(
                "Kept in the fund's system (%(count)s current members)",
                count=status["members_current"],
            ),
            fmt["text"],
        )
        row += 1
        self._text(sheet, row, 0, self.env._("Meetings in the year"), fmt["text"])
        sheet.write_number(row, 1, status["meetings"], fmt["count"])
        row += 1
        self._text(sheet, row, 0, self.env._("Meetings with minutes"), fmt["text"])
        sheet.write_number(row, 1, status["meetings_with_minutes"], fmt["count"])
        row += 1
        self._text(sheet, row, 0, self.env._("Accounts posted up to"), fmt["text"])
        self._text(
            sheet, row, 1, h["thai_date"](status["last_entry_date"]) or "-", fmt["text"]
        )
        row += 1
        self._text(sheet, row, 0, self.env._("Monitoring and reporting"), fmt["text"])
        self._text(sheet, row, 1, "." * 40, fmt["text"])
        return row + 2

    def _write_statement(self, sheet, row, st, fmt, h):
        labels = h["category_labels"]
        row = self._write_section(
            sheet, row, self.env._("8. Financial report of the fiscal year"), fmt
        )
        self._text(sheet, row, 0, self.env._("Item"), fmt["head"])
        self._text(sheet, row, 1, self.env._("Amount (Baht)"), fmt["head"])
        row += 1

        def amount_line(label, amount, label_format="indent", amount_format="money"):
            nonlocal row
            self._text(sheet, row, 0, label, fmt[label_format])
            sheet.write_number(row, 1, amount, fmt[amount_format])
            row += 1

        self._text(sheet, row, 0, self.env._("Brought forward"), fmt["bold"])
        row += 1
        for category in h["asset_categories"]:
            amount_line(labels[category], st["opening"][category])
        amount_line(
            self.env._("Total brought forward"),
            st["opening_total"],
            "bold",
            "money_bold",
        )
        self._text(sheet, row, 0, self.env._("Receipts"), fmt["bold"])
        row += 1
        for category in h["receipt_categories"]:
            amount_line(labels[category], st["receipts"][category])
            if category == "codi_matching":
                for matching_round, amount in st["matching_rounds"]:
                    amount_line(
                        "    "
                        + self.env._("Round %(round)s", round=matching_round or "-"),
                        amount,
                    )
        amount_line(
            self.env._("Total receipts"), st["receipts_total"], "bold", "money_bold"
        )
        self._text(sheet, row, 0, self.env._("Payments"), fmt["bold"])
        row += 1
        for category in h["payment_categories"]:
            amount_line(labels[category], st["payments"][category])
            if category == "benefit":
                for key, amount in st["benefits"].items():
                    if amount:
                        amount_line("    " + h["benefit_labels"][key], amount)
        amount_line(
            self.env._("Total payments"), st["payments_total"], "bold", "money_bold"
        )
        amount_line(
            self.env._("Receipts over (under) payments"),
            st["surplus"],
            "bold",
            "money_bold",
        )
        self._text(sheet, row, 0, self.env._("Carried forward"), fmt["bold"])
        row += 1
        for category in h["asset_categories"]:
            amount_line(labels[category], st["closing"][category])
        amount_line(
            self.env._("Total carried forward"),
            st["closing_total"],
            "bold",
            "money_bold",
        )
        row += 1
        amount_line(
            self.env._("Administrative costs (baht)"), st["admin_total"], "text"
        )
        amount_line(self.env._("Administrative costs (%)"), st["admin_share"], "text")
        if st["pending"]["note"]:
            self._text(sheet, row, 0, st["pending"]["note"], fmt["warn"])
            row += 1
        if st["admin_over_limit"]:
            self._text(
                sheet,
                row,
                0,
                self.env._(
                    "Warning: administrative costs exceed %(limit)s%% of receipts.",
                    limit=int(st["admin_limit"]),
                ),
                fmt["warn"],
            )
            row += 1
        return row + 1

    def _write_signatures(self, sheet, row, fmt):
        self._text(
            sheet,
            row,
            0,
            self.env._("Signed ..................................... Chair"),
            fmt["text"],
        )
        self._text(
            sheet,
            row,
            2,
            self.env._(
                "Signed ..................................... Provincial network"
            ),
            fmt["text"],
        )
        return row + 1
