from odoo import api, fields, models
from odoo.exceptions import UserError


class AccountBankStatementLine(models.Model):
    _inherit = "account.bank.statement.line"

    welfare_transfer_ids = fields.One2many(
        "welfare.promptpay.transfer",
        "statement_line_id",
        string="PromptPay Transfers",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """Lines entered or imported: matched to members by their reference."""
        lines = super().create(vals_list)
        self.env["welfare.promptpay.transfer"]._welfare_from_statement_lines(lines)
        return lines

    @api.ondelete(at_uninstall=False)
    def _unlink_except_welfare_matched(self):
        # sudo: only whether a member's payment was matched from these lines
        if self.sudo().welfare_transfer_ids.filtered(lambda t: t.state == "matched"):
            raise UserError(
                self.env._(
                    "This bank line paid a member's contribution: cancel the "
                    "payment first (its entry is then reversed)."
                )
            )
