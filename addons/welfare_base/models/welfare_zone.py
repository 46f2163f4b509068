from odoo import api, fields, models


class WelfareZone(models.Model):
    """A zone (โซน): a group of funds inside one province."""

    _name = "welfare.zone"
    _description = "Welfare Zone"
    _order = "state_id, sequence, name"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        required=True,
        index=True,
        domain="[('country_id.code', '=', 'TH')]",
    )
    region_id = fields.Many2one(
        related="state_id.welfare_region_id",
        store=True,
        string="Region",
    )
    coordinator_id = fields.Many2one(
        "res.partner",
        string="Coordinator",
    )
    fund_ids = fields.One2many(
        "welfare.fund",
        "zone_id",
        string="Funds",
    )
    fund_count = fields.Integer(
        string="Number of Funds",
        compute="_compute_fund_count",
    )

    _sql_constraints = [
        (
            "name_state_uniq",
            "unique(name, state_id)",
            "A zone with this name already exists in this province.",
        ),
    ]

    @api.depends("fund_ids")
    def _compute_fund_count(self):
        counts = dict(
            self.env["welfare.fund"]._read_group(
                [("zone_id", "in", self.ids)], ["zone_id"], ["__count"]
            )
        )
        for zone in self:
            zone.fund_count = counts.get(zone, 0)
