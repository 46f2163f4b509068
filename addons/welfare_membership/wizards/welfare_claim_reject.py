from odoo import fields, models


class WelfareClaimReject(models.TransientModel):
    """The committee rejects claims, or undoes their payment, giving the reason."""

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
    mode = fields.Selection(
        [("reject", "Reject"), ("undo_payment", "Undo Payment")],
        required=True,
        default="reject",
    )

    def action_reject(self):
        self.ensure_one()
        if self.mode == "undo_payment":
            self.claim_ids.action_undo_payment(self.reason)
        else:
            self.claim_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
