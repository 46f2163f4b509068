from odoo import models


class WelfareFundSnapshot(models.Model):
    _inherit = "welfare.fund.snapshot"

    def _add_assessment_figures(self, rows, fund_ids, year):
        """The fund's confirmed grade of the year (the latest confirmed one)."""
        result = super()._add_assessment_figures(rows, fund_ids, year)
        # sudo: reads every fund's grade of the database (see _refresh_snapshots)
        assessments = (
            self.env["welfare.assessment"]
            .sudo()
            .search(
                [
                    ("fund_id", "in", fund_ids),
                    ("state", "=", "confirmed"),
                    ("fiscal_year", "=", year),
                ],
                order="confirmed_date, id",
            )
        )
        for assessment in assessments:
            rows[assessment.fund_id.id].update(
                assessed=True,
                grade=assessment.grade or False,
                score=round(assessment.score, 2),
                assessment_date=assessment.confirmed_date or False,
            )
        return result
