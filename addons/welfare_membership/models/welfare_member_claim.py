from odoo import fields, models


class WelfareMember(models.Model):
    """Claims of a member, seen from the member."""

    _inherit = "welfare.member"

    claim_ids = fields.One2many(
        "welfare.claim",
        "member_id",
        string="Claims",
    )
    claim_count = fields.Integer(
        string="Number of Claims",
        compute="_compute_claim_count",
    )

    def _compute_claim_count(self):
        counts = dict(
            self.env["welfare.claim"]._read_group(
                [("member_id", "in", self.ids)], ["member_id"], ["__count"]
            )
        )
        for member in self:
            member.claim_count = counts.get(member, 0)

    def action_view_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_claim_action"
        )
        action["domain"] = [("member_id", "=", self.id)]
        action["context"] = {
            "default_member_id": self.id,
            "default_fund_id": self.fund_id.id,
        }
        return action
