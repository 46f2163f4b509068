from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..models.welfare_claim import PAYMENT_METHODS


class WelfareClaimPay(models.TransientModel):
    """Record the payment of approved claims."""

    _name = "welfare.claim.pay"
    _description = "Pay Benefit Claims"

    claim_ids = fields.Many2many(
        "welfare.claim",
        string="Claims",
        required=True,
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_amount_total",
    )
    amount_total = fields.Monetary(
        string="Total",
        compute="_compute_amount_total",
    )
    payment_date = fields.Date(
        required=True,
        default=welfare_today,
    )
    payment_method = fields.Selection(
        selection=PAYMENT_METHODS,
        required=True,
        default="cash",
    )
    payment_reference = fields.Char(
        help="Transfer or PromptPay reference, or the number of the voucher.",
    )

    @api.depends("claim_ids")
    def _compute_amount_total(self):
        for wizard in self:
            wizard.currency_id = wizard.claim_ids.currency_id[:1]
            wizard.amount_total = sum(wizard.claim_ids.mapped("amount_approved"))

    def action_pay(self):
        self.ensure_one()
        if self.payment_date > welfare_today(self):
            raise UserError(self.env._("A payment cannot be dated in the future."))
        self.claim_ids._mark_paid(
            {
                "payment_date": self.payment_date,
                "payment_method": self.payment_method,
                "payment_reference": self.payment_reference,
            }
        )
        return {"type": "ir.actions.act_window_close"}
