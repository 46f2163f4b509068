from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.thai_calendar import BE_OFFSET, fiscal_year_bounds, fiscal_year_of
from .welfare_date import welfare_today


class WelfareFiscalPeriodMixin(models.AbstractModel):
    """Records about one of CODI's fiscal years and a period within it.

    The fiscal year defaults to the current one; the period follows it
    (1 October - 30 September) and may be narrowed by hand, but never ends
    before it starts. ``fiscal_year_be`` is the year as documents show it.
    """

    _name = "welfare.fiscal.period.mixin"
    _description = "Fiscal Year and Period"

    fiscal_year = fields.Integer(
        required=True,
        default=lambda self: self._default_fiscal_year(),
        aggregator=False,
        tracking=True,
        help="CODI's fiscal year (1 October - 30 September), named by the "
        "calendar year it ends in.",
    )
    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)",
        compute="_compute_fiscal_year_be",
        aggregator=False,
    )
    date_from = fields.Date(
        string="Period Start",
        compute="_compute_period",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_to = fields.Date(
        string="Period End",
        compute="_compute_period",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )

    @api.model
    def _default_fiscal_year(self):
        return fiscal_year_of(welfare_today(self))

    @api.depends("fiscal_year")
    def _compute_fiscal_year_be(self):
        for record in self:
            record.fiscal_year_be = (
                record.fiscal_year + BE_OFFSET if record.fiscal_year else 0
            )

    @api.depends("fiscal_year")
    def _compute_period(self):
        for record in self:
            if record.fiscal_year:
                record.date_from, record.date_to = fiscal_year_bounds(
                    record.fiscal_year
                )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for record in self:
            if record.date_to < record.date_from:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the period ends before it starts.",
                        name=record.display_name,
                    )
                )
