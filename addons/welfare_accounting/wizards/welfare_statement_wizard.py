from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareStatementWizard(models.TransientModel):
    """Choose the fund and period of a receipts and payments statement."""

    _name = "welfare.statement.wizard"
    _description = "Receipts and Payments Statement"

    fund_id = fields.Many2one(
        "welfare.fund",
        required=True,
        default=lambda self: self.env["welfare.fund"]._get_current_fund(),
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self._default_dates()[0],
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self._default_dates()[1],
    )

    @api.model
    def _default_dates(self):
        """The current CODI fiscal year (1 October - 30 September)."""
        today = welfare_today(self)
        return thai_calendar.fiscal_year_bounds(thai_calendar.fiscal_year_of(today))

    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(self.env._("The period ends before it starts."))

    def _statement(self):
        self.ensure_one()
        self._check_period()
        return self.fund_id._welfare_statement(self.date_from, self.date_to)

    def action_print_pdf(self):
        self._check_period()
        return self.env.ref(
            "welfare_accounting.action_report_welfare_statement"
        ).report_action(self)

    def action_print_xlsx(self):
        self._check_period()
        return self.env.ref(
            "welfare_accounting.action_report_welfare_statement_xlsx"
        ).report_action(self)
