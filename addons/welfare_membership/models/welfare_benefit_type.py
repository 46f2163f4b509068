from odoo import api, fields, models
from odoo.exceptions import ValidationError


class WelfareBenefitType(models.Model):
    """A benefit a fund offers its members, with the rule of its amount."""

    _name = "welfare.benefit.type"
    _description = "Benefit Type"
    _inherit = [
        "welfare.benefit.rule.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
    ]
    _order = "fund_id, sequence, id"

    name = fields.Char(
        tracking=True,
    )
    active = fields.Boolean(
        tracking=True,
    )
    amount_type = fields.Selection(
        tracking=True,
    )
    amount = fields.Float(
        tracking=True,
    )
    waiting_days = fields.Integer(
        tracking=True,
    )
    require_paid_up = fields.Boolean(
        tracking=True,
    )
    tier_ids = fields.One2many(
        "welfare.benefit.tier",
        "benefit_type_id",
        string="Tiers",
        copy=True,
    )
    claim_ids = fields.One2many(
        "welfare.claim",
        "benefit_type_id",
        string="Claims",
    )
    claim_count = fields.Integer(
        compute="_compute_claim_count",
    )

    _sql_constraints = [
        (
            "name_fund_uniq",
            "UNIQUE(fund_id, name)",
            "A fund cannot have two benefits of the same name.",
        ),
    ]

    def _compute_claim_count(self):
        counts = dict(
            self.env["welfare.claim"]._read_group(
                [("benefit_type_id", "in", self.ids)],
                ["benefit_type_id"],
                ["__count"],
            )
        )
        for benefit in self:
            benefit.claim_count = counts.get(benefit, 0)

    @api.constrains("amount_type", "tier_ids")
    def _check_tiers(self):
        for benefit in self:
            if benefit.amount_type == "tiered" and not benefit.tier_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a benefit by years of membership needs at "
                        "least one tier.",
                        name=benefit.name,
                    )
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if default and "name" in default:
            return vals_list
        return [
            dict(vals, name=self.env._("%(name)s (copy)", name=benefit.name))
            for benefit, vals in zip(self, vals_list, strict=True)
        ]

    @api.model
    def _copy_from_catalogue(self, sources, funds):
        """Benefit types made in ``funds`` from catalogue entries or other
        funds' benefits; a fund's benefits of the same name are kept as they
        are. Returns the benefit types created."""
        existing = {
            (row["fund_id"], row["name"])
            for row in self.with_context(active_test=False).search_read(
                [("fund_id", "in", funds.ids)], ["fund_id", "name"], load=None
            )
        }
        sources_vals = [(source, source._get_copy_values()) for source in sources]
        vals_list = []
        for fund in funds:
            for source, vals in sources_vals:
                if (fund.id, vals["name"]) in existing:
                    continue
                if source._name == self._name and source.fund_id == fund:
                    continue
                existing.add((fund.id, vals["name"]))
                vals_list.append(dict(vals, fund_id=fund.id))
        return self.create(vals_list)

    def action_view_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_claim_action"
        )
        action["domain"] = [("benefit_type_id", "=", self.id)]
        action["context"] = {
            "default_benefit_type_id": self.id,
            "default_fund_id": self.fund_id.id,
        }
        return action
