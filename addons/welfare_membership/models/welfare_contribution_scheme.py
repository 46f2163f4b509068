from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import arrears, periods


class WelfareContributionScheme(models.Model):
    """How much a fund's members contribute, and when arrears have consequences."""

    _name = "welfare.contribution.scheme"
    _description = "Contribution Scheme"
    _inherit = ["welfare.fund.owned.mixin", "mail.thread"]
    _order = "fund_id, id desc"

    fund_id = fields.Many2one(
        # A scheme is the fund's setting, made with it: it goes with the fund.
        ondelete="cascade",
    )
    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self._default_name(),
    )
    active = fields.Boolean(
        default=True,
        tracking=True,
    )

    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    amount = fields.Monetary(
        required=True,
        default=1.0,
        tracking=True,
        help="Contribution asked for each period.",
    )
    period = fields.Selection(
        [("day", "Day"), ("month", "Month"), ("year", "Year")],
        required=True,
        default="day",
        tracking=True,
    )
    entry_fee = fields.Monetary(
        tracking=True,
        help="Paid once, when the member applies.",
    )
    grace_months = fields.Integer(
        string="Months to Grace",
        default=1,
        required=True,
        tracking=True,
        help="Months in arrears after which a member enters the grace period.",
    )
    suspend_months = fields.Integer(
        string="Months to Suspension",
        default=3,
        required=True,
        tracking=True,
        help="Months in arrears after which a member is suspended: no benefits.",
    )
    terminate_months = fields.Integer(
        string="Months to Termination",
        default=6,
        required=True,
        tracking=True,
        help="Months in arrears after which membership ends.",
    )
    monthly_amount = fields.Monetary(
        string="A Month's Worth",
        compute="_compute_equivalents",
        help="A daily scheme's month is 30 days; a yearly scheme's, a twelfth.",
    )
    yearly_amount = fields.Monetary(
        string="A Year's Worth",
        compute="_compute_equivalents",
        help="Twelve months of a monthly scheme, 365 days of a daily one.",
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A contribution must be positive."),
        (
            "entry_fee_positive",
            "CHECK(entry_fee >= 0)",
            "An entry fee cannot be negative.",
        ),
    ]

    @api.model
    def _default_name(self):
        # Schemes made while installing (no language in the context) are named
        # in the language of the database's users, not in English.
        lang = self.env.lang or self.env.user.lang
        return self.with_context(lang=lang).env._("1 baht a day")

    @api.depends("amount", "period")
    def _compute_equivalents(self):
        for scheme in self:
            valid = scheme.amount > 0 and scheme.period
            # a year's worth follows the scheme's own period
            scheme.monthly_amount = (
                periods.monthly_amount(scheme.amount, scheme.period) if valid else 0.0
            )
            scheme.yearly_amount = (
                periods.yearly_amount(scheme.amount, scheme.period) if valid else 0.0
            )

    @api.constrains("grace_months", "suspend_months", "terminate_months")
    def _check_thresholds(self):
        for scheme in self:
            try:
                arrears.check_thresholds(
                    scheme.grace_months, scheme.suspend_months, scheme.terminate_months
                )
            except ValueError:
                raise ValidationError(
                    self.env._(
                        "Scheme %(scheme)s: months to grace, to suspension and to "
                        "termination must be positive and in that order.",
                        scheme=scheme.display_name,
                    )
                )
