from odoo import api, fields, models
from odoo.exceptions import UserError


class WelfareContribution(models.Model):
    _inherit = "welfare.contribution"

    welfare_statement_line_id = fields.Many2one(
        "account.bank.statement.line",
        string="Bank Statement Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The bank line this PromptPay payment was matched from.",
    )

    @api.model
    def _get_workflow_fields(self):
        # the bank line is linked by the matching only
        return super()._get_workflow_fields() | {"welfare_statement_line_id"}

    def _welfare_liquidity_account(self, fund, accounts=None):
        """Money matched from a bank line waits in the bank journal's
        outstanding receipts, which the line itself clears (reconciled)."""
        line = self.welfare_statement_line_id
        if not line:
            return super()._welfare_liquidity_account(fund, accounts=accounts)
        # sudo: the journal's payment settings are accounting configuration;
        # only the outstanding receipts account of the line's own journal is read.
        journal = line.journal_id.sudo()
        account = journal.inbound_payment_method_line_ids.payment_account_id[
            :1
        ] or self.env.ref(
            f"account.{journal.company_id.id}_account_journal_payment_debit_account_id",
            raise_if_not_found=False,
        )
        if not account:
            raise UserError(
                self.env._(
                    "Journal %(journal)s has no outstanding receipts account: the "
                    "bank line cannot be matched.",
                    journal=journal.display_name,
                )
            )
        return account
