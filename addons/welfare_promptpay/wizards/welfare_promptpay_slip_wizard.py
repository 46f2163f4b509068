from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import reference as ref_lib


class WelfarePromptpaySlipWizard(models.TransientModel):
    """An officer confirms a PromptPay payment: from the member's slip, or by
    naming the member of an unmatched bank line."""

    _name = "welfare.promptpay.slip.wizard"
    _description = "Confirm a PromptPay Payment"

    fund_id = fields.Many2one(
        "welfare.fund",
        string="Fund",
        required=True,
        default=lambda self: self.env["welfare.fund"]._get_current_fund(),
    )
    transfer_id = fields.Many2one(
        "welfare.promptpay.transfer",
        string="Bank Line",
        domain="[('state', '=', 'unmatched'), ('fund_id', '=', fund_id)]",
        help="An unmatched bank line this payment is; leave empty for a slip "
        "whose money is not on a bank statement yet.",
    )
    reference = fields.Char(
        help="The reference printed under the member's QR code "
        "(e.g. 450102-00012-6911-K).",
    )
    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        domain="[('fund_id', '=', fund_id)]",
        compute="_compute_member_id",
        store=True,
        readonly=False,
    )
    currency_id = fields.Many2one(
        related="fund_id.company_id.currency_id",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
    )
    date = fields.Date(
        string="Date Paid",
        default=welfare_today,
        required=True,
    )
    slip = fields.Binary(
        string="Slip",
        attachment=False,
    )
    slip_name = fields.Char()

    @api.depends("reference", "fund_id")
    def _compute_member_id(self):
        for wizard in self:
            parsed = ref_lib.parse(wizard.reference, wizard.fund_id.code or "")
            if parsed:
                wizard.member_id = self.env["welfare.member"].search(
                    [
                        ("fund_id", "=", wizard.fund_id.id),
                        ("member_number", "=", parsed[0]),
                    ],
                    limit=1,
                )

    @api.depends("transfer_id")
    def _compute_amount(self):
        for wizard in self:
            if wizard.transfer_id:
                wizard.amount = wizard.transfer_id.amount
                wizard.date = wizard.transfer_id.date

    def _check_input(self):
        self.ensure_one()
        if not self.member_id:
            raise UserError(
                self.env._(
                    "Choose the member, or type the reference of the member's QR code."
                )
            )
        if self.reference and not ref_lib.parse(self.reference, self.fund_id.code):
            raise UserError(
                self.env._(
                    "%(ref)s is not a PromptPay reference of fund %(fund)s: check "
                    "it against the notice.",
                    ref=self.reference,
                    fund=self.fund_id.display_name,
                )
            )
        if self.transfer_id:
            if self.transfer_id.state != "unmatched":
                raise UserError(self.env._("This bank line is already matched."))
            return
        if not self.slip:
            raise UserError(self.env._("Attach the transfer slip."))
        if self.amount <= 0:
            raise UserError(self.env._("The amount paid must be positive."))
        if self.date > welfare_today(self):
            raise UserError(
                self.env._(
                    "The slip is dated in the future. Check the year "
                    "(B.E. = C.E. + 543)."
                )
            )

    def action_confirm(self):
        """Confirm the payment: receipt, coverage and ledger entry."""
        self._check_input()
        # officers confirm payments: the same right as at the office
        self.env["welfare.contribution"].check_access("create")
        self.member_id.check_access("read")
        transfer = self.transfer_id
        if not transfer:
            # sudo: transfers are made by this workflow only (read-only to
            # every role); the slip is kept with it.
            Transfer = self.env["welfare.promptpay.transfer"].sudo()
            transfer = Transfer._workflow_create(
                {
                    "fund_id": self.fund_id.id,
                    "source": "slip",
                    "date": self.date,
                    "amount": self.amount,
                    "label": self.slip_name or "",
                }
            )
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": self.slip_name or "slip",
                        "datas": self.slip,
                        "res_model": transfer._name,
                        "res_id": transfer.id,
                    }
                )
            )
            transfer._workflow_write({"slip_attachment_id": attachment.id})
        contribution = transfer.with_env(self.env)._welfare_match(
            self.member_id, self.reference
        )
        if not contribution:
            raise UserError(self.env._("This payment is already matched."))
        return contribution.action_print_receipt()
