from odoo import fields, models


class WelfareContributionCancelWizard(models.TransientModel):
    """Asks why confirmed payments are cancelled: the reason is audited."""

    _name = "welfare.contribution.cancel.wizard"
    _description = "Cancel Payments"

    contribution_ids = fields.Many2many(
        "welfare.contribution",
        string="Payments",
        required=True,
    )
    reason = fields.Char(
        required=True,
    )

    def action_apply(self):
        self.ensure_one()
        self.contribution_ids.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
