"""The fund's grants and its CODI matching configuration."""

from odoo import api, fields, models

from ..lib import matching as matching_lib


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    grant_ids = fields.One2many(
        "welfare.grant",
        "fund_id",
        string="Grants",
    )
    grant_count = fields.Integer(
        string="Number of Grants",
        compute="_compute_grant_count",
    )
    codi_matching_cap = fields.Float(
        string="CODI Matching Cap per Member",
        default=matching_lib.DEFAULT_CAP,
        digits=(16, 2),
        tracking=True,
        help="Highest matching a CODI matching request asks for one member in a "
        "fiscal year, proposed on every new request: by default 365 baht, a "
        "year of the classic one baht a day. 0 for no cap.",
    )

    _sql_constraints = [
        (
            "codi_matching_cap_positive",
            "CHECK(codi_matching_cap >= 0)",
            "The CODI matching cap per member cannot be negative.",
        ),
    ]

    def _compute_grant_count(self):
        counts = dict(
            self.env["welfare.grant"]._read_group(
                [("fund_id", "in", self.ids)], ["fund_id"], ["__count"]
            )
        )
        for fund in self:
            fund.grant_count = counts.get(fund, 0)

    @api.model
    def _get_workflow_group_fields(self):
        # what a matching request asks per member is the fund's configuration
        admin = ("welfare_base.group_welfare_manager",)
        return {
            **super()._get_workflow_group_fields(),
            "codi_matching_cap": admin,
        }

    def _has_welfare_data(self):
        return super()._has_welfare_data() or bool(self.grant_ids)

    def action_view_grants(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_accounting.welfare_grant_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action
