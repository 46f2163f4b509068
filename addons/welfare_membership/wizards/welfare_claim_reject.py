from odoo import fields, models


class WelfareClaimReject(models.TransientModel):
    """The committee rejects claims, giving the reason."""

    _name = "welfare.claim.reject"
    _description = "Reject Benefit Claims"

    claim_ids = fields.Many2many(
        "welfare.claim",
        string="Claims",
        required=True,
    )
    reason = fields.Text(
        required=True,
    )

    def action_reject(self):
        self.ensure_one()
        self.claim_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
