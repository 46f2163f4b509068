from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import statement as statement_lib


class WelfareFundStatusWizard(models.TransientModel):
    """Choose the funds and the fiscal year of the fund status form or of the
    provincial summary. Members are counted as they stood on 30 September
    of that year, from their status history."""

    _name = "welfare.fund.status.wizard"
    _description = "Fund Status Form and Provincial Summary"

    fund_ids = fields.Many2many(
        "welfare.fund",
        string="Funds",
        required=True,
        default=lambda self: self._default_fund_ids(),
    )
    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)",
        required=True,
        default=lambda self: self._default_fiscal_year_be(),
        help="The fiscal year 1 October - 30 September, named by its B.E. year "
        "(2569 = 1 Oct. 2568 - 30 Sep. 2569). Proposed: the year just ended "
        "from October to December, the current year afterwards.",
    )

    @api.model
    def _default_fund_ids(self):
        if self.env.context.get("active_model") == "welfare.fund":
            return self.env["welfare.fund"].browse(self.env.context.get("active_ids"))
        return self.env["welfare.fund"]._get_current_fund()

    @api.model
    def _default_fiscal_year_be(self):
        year = statement_lib.report_fiscal_year(welfare_today(self))
        return year + thai_calendar.BE_OFFSET

    def _fiscal_year(self):
        """The chosen fiscal year as the C.E. year the documents take."""
        self.ensure_one()
        if not 2500 <= self.fiscal_year_be <= 2800:
            raise UserError(
                self.env._(
                    "Give the fiscal year as a B.E. year, e.g. 2569 for 1 October "
                    "2568 - 30 September 2569."
                )
            )
        if not self.fund_ids:
            raise UserError(self.env._("Choose at least one fund."))
        return self.fiscal_year_be - thai_calendar.BE_OFFSET

    def _print(self, report):
        year = self._fiscal_year()
        # config=False: the forms use their own layout, not the company's
        # letterhead, so there is no document layout to configure first
        return self.env.ref(report).report_action(
            self.fund_ids, data={"fiscal_year": year}, config=False
        )

    def action_print_pdf(self):
        return self._print("welfare_accounting.action_report_welfare_fund_status")

    def action_print_xlsx(self):
        return self._print("welfare_accounting.action_report_welfare_fund_status_xlsx")

    def action_print_summary(self):
        return self._print(
            "welfare_accounting.action_report_welfare_provincial_summary"
        )
