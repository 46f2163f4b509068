from odoo import fields, models


class WelfareRegion(models.Model):
    """A regional network of community welfare funds (kept as data, editable)."""

    _name = "welfare.region"
    _description = "Welfare Region"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    state_ids = fields.One2many(
        "res.country.state",
        "welfare_region_id",
        string="Provinces",
    )
    state_count = fields.Integer(
        string="Number of Provinces",
        compute="_compute_state_count",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a region must be unique."),
    ]

    def _compute_state_count(self):
        for region in self:
            region.state_count = len(region.state_ids)
