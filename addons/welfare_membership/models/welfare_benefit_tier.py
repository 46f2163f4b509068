from odoo import api, fields, models
from odoo.exceptions import ValidationError


class WelfareBenefitTier(models.Model):
    """One step of a benefit paid by completed years of membership."""

    _name = "welfare.benefit.tier"
    _description = "Benefit Tier"
    _order = "min_years"

    benefit_type_id = fields.Many2one(
        "welfare.benefit.type",
        string="Benefit",
        index=True,
        ondelete="cascade",
    )
    template_id = fields.Many2one(
        "welfare.benefit.template",
        string="Catalogue Entry",
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="benefit_type_id.company_id",
        store=True,
        index=True,
    )
    min_years = fields.Integer(
        string="From Years of Membership",
        required=True,
        help="Completed years of membership from which this amount applies.",
    )
    amount = fields.Float(
        required=True,
        digits=(16, 2),
    )

    _sql_constraints = [
        (
            "values_positive",
            "CHECK(min_years >= 0 AND amount >= 0)",
            "Years and amounts of a tier cannot be negative.",
        ),
        (
            "type_years_uniq",
            "UNIQUE(benefit_type_id, min_years)",
            "Two tiers of a benefit cannot start at the same year.",
        ),
        (
            "template_years_uniq",
            "UNIQUE(template_id, min_years)",
            "Two tiers of a catalogue entry cannot start at the same year.",
        ),
    ]

    @api.constrains("benefit_type_id", "template_id")
    def _check_owner(self):
        for tier in self:
            if bool(tier.benefit_type_id) == bool(tier.template_id):
                raise ValidationError(
                    self.env._(
                        "A tier belongs to exactly one benefit or catalogue entry."
                    )
                )
