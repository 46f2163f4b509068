from odoo import api, fields, models
from odoo.exceptions import UserError


class WelfareBenefitCatalogueCopy(models.TransientModel):
    """Copy a catalogue of benefits into funds.

    The source is the ready catalogue of common CODI benefits or the benefits
    of another fund; benefits a target fund already has (same name) are kept.
    """

    _name = "welfare.benefit.catalogue.copy"
    _description = "Copy Benefit Catalogue"

    source = fields.Selection(
        selection=[
            ("catalogue", "Ready Catalogue of Common Benefits"),
            ("fund", "Another Fund"),
        ],
        required=True,
        default="catalogue",
    )
    source_fund_id = fields.Many2one(
        "welfare.fund",
        string="Copy From Fund",
    )
    template_ids = fields.Many2many(
        "welfare.benefit.template",
        string="Catalogue Entries",
        default=lambda self: self.env["welfare.benefit.template"].search([]),
    )
    benefit_type_ids = fields.Many2many(
        "welfare.benefit.type",
        string="Benefits",
        compute="_compute_benefit_type_ids",
        store=True,
        readonly=False,
    )
    fund_ids = fields.Many2many(
        "welfare.fund",
        string="Into Funds",
        required=True,
        default=lambda self: self._default_fund_ids(),
    )

    @api.model
    def _default_fund_ids(self):
        if self.env.context.get("active_model") == "welfare.fund":
            return self.env.context.get("active_ids", [])
        return self.env["welfare.fund"]._get_current_fund().ids

    @api.depends("source_fund_id")
    def _compute_benefit_type_ids(self):
        for wizard in self:
            wizard.benefit_type_ids = wizard.source_fund_id.benefit_type_ids

    def _get_sources(self):
        if self.source == "fund":
            if not self.source_fund_id:
                raise UserError(self.env._("Choose the fund to copy from."))
            return self.benefit_type_ids
        return self.template_ids

    def action_copy(self):
        self.ensure_one()
        sources = self._get_sources()
        if not sources:
            raise UserError(self.env._("Choose at least one benefit to copy."))
        created = self.env["welfare.benefit.type"]._copy_from_catalogue(
            sources, self.fund_ids
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_benefit_type_action"
        )
        action["domain"] = [("id", "in", created.ids)]
        return action
