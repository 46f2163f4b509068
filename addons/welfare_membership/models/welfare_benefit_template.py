from odoo import api, fields, models
from odoo.exceptions import ValidationError


class WelfareBenefitTemplate(models.Model):
    """A benefit of the ready catalogue, copied into funds as benefit types.

    The suite ships CODI's common benefits with typical values; a fund copies
    them and adapts the amounts to its own rules.
    """

    _name = "welfare.benefit.template"
    _description = "Benefit Catalogue Entry"
    _inherit = ["welfare.benefit.rule.mixin"]

    tier_ids = fields.One2many(
        "welfare.benefit.tier",
        "template_id",
        string="Tiers",
        copy=True,
    )

    @api.constrains("amount_type", "tier_ids")
    def _check_tiers(self):
        for template in self:
            if template.amount_type == "tiered" and not template.tier_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a benefit by years of membership needs at "
                        "least one tier.",
                        name=template.name,
                    )
                )
