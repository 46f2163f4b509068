from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

#: PromptPay proxy types of ``l10n_th``
PROMPTPAY_PROXIES = ("mobile", "merchant_tax_id", "ewallet_id")


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    promptpay_account_id = fields.Many2one(
        "res.partner.bank",
        string="PromptPay Account",
        copy=False,
        tracking=True,
        domain="[('partner_id', '=', promptpay_partner_id)]",
        help="Bank account of the fund (its company) with its PromptPay proxy "
        "(mobile number, tax ID or e-wallet ID): the QR codes of notices and "
        "collection lists pay into it.",
    )
    promptpay_partner_id = fields.Many2one(
        "res.partner",
        related="company_id.partner_id",
        string="Fund Contact",
    )

    @api.model
    def _get_workflow_group_fields(self):
        # where members' money goes is the administrators' decision
        return {
            **super()._get_workflow_group_fields(),
            "promptpay_account_id": ("welfare_base.group_welfare_manager",),
        }

    @api.constrains("promptpay_account_id")
    def _check_promptpay_account(self):
        for fund in self.filtered("promptpay_account_id"):
            # sudo: only the chosen account's owner and proxy are checked
            account = fund.promptpay_account_id.sudo()
            if account.partner_id != fund.company_id.partner_id:
                raise ValidationError(
                    self.env._(
                        "The PromptPay account of fund %(fund)s must be an account "
                        "of the fund itself (%(owner)s).",
                        fund=fund.display_name,
                        owner=fund.company_id.partner_id.display_name,
                    )
                )
            if account.proxy_type not in PROMPTPAY_PROXIES or not account.proxy_value:
                raise ValidationError(
                    self.env._(
                        "Account %(account)s has no PromptPay proxy: set its QR code "
                        "type (mobile number, tax ID or e-wallet ID) and value.",
                        account=account.acc_number,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        funds = super().create(vals_list)
        funds.filtered("promptpay_account_id")._promptpay_include_reference()
        return funds

    def write(self, vals):
        res = super().write(vals)
        if vals.get("promptpay_account_id"):
            self._promptpay_include_reference()
        return res

    def _promptpay_include_reference(self):
        # sudo: the fund's own PromptPay account (chosen by an administrator)
        # is told to put the payment reference in its QR codes.
        accounts = self.promptpay_account_id.sudo()
        accounts.filtered(lambda a: not a.include_reference).write(
            {"include_reference": True}
        )

    def _promptpay_account(self):
        """The fund's PromptPay account, or a clear error."""
        self.ensure_one()
        if not self.promptpay_account_id:
            raise UserError(
                self.env._(
                    "Fund %(fund)s has no PromptPay account: an administrator sets it "
                    "on the fund's form.",
                    fund=self.display_name,
                )
            )
        # sudo: members, officers and portal users read only the fund's own
        # PromptPay account (owner, proxy) to draw its QR code.
        return self.promptpay_account_id.sudo()
