from odoo import models

from odoo.addons.welfare_base.lib import thai_format


class WelfareAssessmentXlsx(models.AbstractModel):
    """Assessment results with one column per criterion (points and values)."""

    _name = "report.welfare_assessment.assessment_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Assessment Results (XLSX)"

    def get_workbook_options(self):
        # strings_to_formulas off: a name typed as "=cmd|..." stays text
        return {"strings_to_formulas": False}

    def _header_columns(self):
        return [
            self.env._("Region"),
            self.env._("Province"),
            self.env._("Zone"),
            self.env._("Fund Code"),
            self.env._("Fund"),
            self.env._("Fiscal Year (B.E.)"),
            self.env._("Period Start"),
            self.env._("Period End"),
            self.env._("Template"),
            self.env._("Status"),
            self.env._("Score"),
            self.env._("Grade"),
        ]

    def generate_xlsx_report(self, workbook, data, assessments):
        assessments = assessments.sorted(
            lambda a: (
                a.region_id.name or "",
                a.state_id.display_name or "",
                a.zone_id.name or "",
                a.fund_id.code or "",
                a.date_to,
            )
        )
        lines = self.env["welfare.assessment.line"].search_read(
            [("assessment_id", "in", assessments.ids)],
            ["assessment_id", "criterion_id", "value", "has_value", "points"],
        )
        criteria = (
            self.env["welfare.assessment.criterion"]
            .browse({line["criterion_id"][0] for line in lines})
            .sorted(
                lambda c: (c.template_id.sequence, c.template_id.id, c.sequence, c.id)
            )
        )
        results = {
            (line["assessment_id"][0], line["criterion_id"][0]): line for line in lines
        }
        states = dict(assessments._fields["state"]._description_selection(self.env))
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        date_format = workbook.add_format(
            {"num_format": thai_format.XLSX_BE_DATE_FORMAT}
        )
        number = workbook.add_format({"num_format": "0.00"})
        header = self._header_columns()
        sheets = [
            (self.env._("Points"), "points"),
            (self.env._("Values"), "value"),
        ]
        for title, key in sheets:
            sheet = workbook.add_worksheet(title)
            sheet.freeze_panes(1, 5)
            for col, text in enumerate(header + criteria.mapped("name")):
                sheet.write(0, col, text, bold)
            sheet.set_column(0, 2, 18)
            sheet.set_column(4, 4, 36)
            sheet.set_column(len(header), len(header) + len(criteria), 14)
            for row, assessment in enumerate(assessments, start=1):
                cells = [
                    assessment.region_id.name or "",
                    assessment.state_id.display_name or "",
                    assessment.zone_id.name or "",
                    assessment.fund_id.code or "",
                    assessment.fund_id.name or "",
                    assessment.fiscal_year_be,
                ]
                for col, cell in enumerate(cells):
                    sheet.write(row, col, cell)
                sheet.write_datetime(row, 6, assessment.date_from, date_format)
                sheet.write_datetime(row, 7, assessment.date_to, date_format)
                sheet.write(row, 8, assessment.template_id.name or "")
                sheet.write(row, 9, states.get(assessment.state, ""))
                sheet.write_number(row, 10, assessment.score, number)
                sheet.write(row, 11, assessment.grade or "")
                for offset, criterion in enumerate(criteria):
                    line = results.get((assessment.id, criterion.id))
                    if not line or (key == "value" and not line["has_value"]):
                        continue
                    sheet.write_number(row, len(header) + offset, line[key], number)
