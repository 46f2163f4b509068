from odoo import fields, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareMatchingReceiveWizard(models.TransientModel):
    _name = "welfare.matching.receive.wizard"
    _description = "Record CODI Matching Money Received"

    request_id = fields.Many2one(
        "welfare.matching.request",
        required=True,
        ondelete="cascade",
    )
    currency_id = fields.Many2one(
        related="request_id.currency_id",
    )
    amount = fields.Monetary(
        string="Amount Received",
        required=True,
    )
    date = fields.Date(
        string="Date Received",
        required=True,
        default=welfare_today,
    )
    reference = fields.Char(
        help="CODI's transfer or letter reference.",
    )
    payment_method = fields.Selection(
        selection=[("transfer", "Bank Transfer"), ("cash", "Cash")],
        string="Received As",
        required=True,
        default="transfer",
    )

    def action_confirm(self):
        self.ensure_one()
        grant = self.request_id._record_receipt(
            self.amount, self.date, self.reference, self.payment_method
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "welfare.grant",
            "res_id": grant.id,
            "view_mode": "form",
        }
