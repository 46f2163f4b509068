from odoo import api, fields, models


class ResCountryState(models.Model):
    _inherit = "res.country.state"

    welfare_name_th = fields.Char(
        string="Thai Name",
        help="Name of the province in Thai.",
    )
    welfare_region_id = fields.Many2one(
        "welfare.region",
        string="Welfare Region",
        index=True,
        help="Regional network of community welfare funds the province belongs to.",
    )
    welfare_district_ids = fields.One2many(
        "welfare.district",
        "state_id",
        string="Districts",
    )

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if value and operator in ("ilike", "=", "=ilike"):
            domain = ["|", ("welfare_name_th", operator, value), *domain]
        return domain

    @api.depends("welfare_name_th")
    @api.depends_context("lang")
    def _compute_display_name(self):
        super()._compute_display_name()
        for state in self:
            if state.welfare_name_th and self.env.lang == "th_TH":
                state.display_name = state.welfare_name_th
