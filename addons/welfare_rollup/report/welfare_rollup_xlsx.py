from odoo import _, models

from ..models.welfare_rollup_summary import SHARES, SUM_FIELDS


class WelfareRollupSummaryXlsx(models.AbstractModel):
    """The national table as a spreadsheet: provinces, regional and national totals."""

    _name = "report.welfare_rollup.summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "National Table of Funds (XLSX)"

    def generate_xlsx_report(self, workbook, data, records):
        Summary = self.env["welfare.rollup.summary"]
        sheet = workbook.add_worksheet(_("National Table"))
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "#,##0"})
        money = workbook.add_format({"num_format": "#,##0.00"})
        bold_number = workbook.add_format({"bold": True, "num_format": "#,##0"})
        bold_money = workbook.add_format({"bold": True, "num_format": "#,##0.00"})
        columns = list(SUM_FIELDS) + list(SHARES)
        fields_ = Summary._fields
        headers = [_("Fiscal Year (B.E.)"), _("Region / Province")] + [
            fields_[name]._description_string(self.env) for name in columns
        ]
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
        row = 1
        for kind, year, label, values in Summary._table_rows(
            [("id", "in", records.ids)]
        ):
            strong = kind != "province"
            if kind == "total":
                label = _("Whole Country")
            elif kind == "region":
                label = _("Total %(region)s", region=label or _("No Region"))
            sheet.write_string(row, 0, str(year), bold if strong else None)
            sheet.write_string(row, 1, label, bold if strong else None)
            for col, name in enumerate(columns, start=2):
                is_count = fields_[name].type == "integer"
                style = (
                    (bold_number if strong else number)
                    if is_count
                    else (bold_money if strong else money)
                )
                sheet.write_number(row, col, values[name], style)
            row += 1
        sheet.freeze_panes(1, 2)
        sheet.set_column(1, 1, 28)
        sheet.set_column(2, len(headers), 14)


class WelfareRollupSnapshotXlsx(models.AbstractModel):
    """The funds' figures received, one row per fund and year."""

    _name = "report.welfare_rollup.snapshot_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Fund Figures Received (XLSX)"

    COLUMNS = (
        "fiscal_year_be",
        "region_id",
        "state_id",
        "district_name",
        "subdistrict_name",
        "fund_code",
        "fund_name",
        "certified",
        "members_current",
        "members_total",
        "contribution_amount",
        "grant_codi_amount",
        "grant_local_amount",
        "grant_other_amount",
        "benefit_count",
        "benefit_amount",
        "balance",
        "grade",
        "score",
        "data_date",
        "origin_database",
        "received_date",
    )

    def generate_xlsx_report(self, workbook, data, records):
        sheet = workbook.add_worksheet(_("Funds"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        fields_ = records._fields
        for col, name in enumerate(self.COLUMNS):
            sheet.write_string(
                0, col, fields_[name]._description_string(self.env), bold
            )
        yes, no = _("Yes"), _("No")
        for row, record in enumerate(records, start=1):
            for col, name in enumerate(self.COLUMNS):
                field = fields_[name]
                value = record[name]
                if field.type == "many2one":
                    sheet.write_string(row, col, value.display_name or "")
                elif field.type == "boolean":
                    sheet.write_string(row, col, yes if value else no)
                elif field.type == "float":
                    sheet.write_number(row, col, value, money)
                elif field.type == "integer" and name != "fiscal_year_be":
                    sheet.write_number(row, col, value)
                elif field.type == "selection":
                    sheet.write_string(row, col, value or "")
                else:
                    sheet.write_string(row, col, str(value or ""))
        sheet.freeze_panes(1, 0)
