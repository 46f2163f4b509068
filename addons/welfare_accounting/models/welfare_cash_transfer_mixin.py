from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareCashTransferMixin(models.AbstractModel):
    """Money moved between two of the fund's own accounts, signed and posted.

    A transfer is not income: it moves an amount from one liquidity account of
    the fund to another (*Cash with Collectors* to *Cash on Hand* when a
    collector hands the cash over, *Cash on Hand* to *Bank Deposits* when it is
    deposited). Signed, it is numbered within the fund and its year and posted;
    a wrong one is cancelled by the committee with a reason and its entry
    reversed.

    A transfer gives ``_welfare_transfer`` (journal kind, account category
    debited, account category credited), ``_welfare_posted_state`` (its state
    once posted) and ``_welfare_transfer_label()``.
    """

    _name = "welfare.cash.transfer.mixin"
    _description = "Transfer between the Fund's Own Accounts"
    _inherit = ["welfare.posting.mixin", "welfare.numbered.mixin", "mail.thread"]
    _workflow_initial = {"state": ("draft",)}
    _order = "date desc, id desc"

    #: (journal kind, CODI category debited, CODI category credited)
    _welfare_transfer = None

    date = fields.Date(
        required=True,
        default=welfare_today,
        tracking=True,
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    amount = fields.Monetary(
        required=True,
        tracking=True,
    )
    cancel_reason = fields.Char(
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.model
    def _get_workflow_fields(self):
        """Number and cancelling: set by the signing and the committee only."""
        return super()._get_workflow_fields() | {"name", "cancel_reason"}

    def _workflow_unlink_guarded(self):
        return self.filtered(lambda t: t.state != "draft")

    def _check_state(self, allowed):
        wrong = self.filtered(lambda t: t.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "%(kind)s %(document)s cannot do this in its present state.",
                    kind=self._description_for_user(),
                    document=wrong[0].display_name,
                )
            )

    def _welfare_transfer_label(self):
        raise NotImplementedError()

    def _prepare_welfare_move_values(self, fund):
        self.ensure_one()
        journal_kind, debited, credited = self._welfare_transfer
        accounts = fund._welfare_accounts()
        label = self._welfare_transfer_label()
        return {
            "journal_id": fund._welfare_journal(journal_kind).id,
            "date": self.date,
            "ref": self.name,
            "line_ids": [
                fields.Command.create(
                    {
                        "account_id": fund._welfare_account(
                            debited, accounts=accounts
                        ).id,
                        "name": label,
                        "debit": self.amount,
                    }
                ),
                fields.Command.create(
                    {
                        "account_id": fund._welfare_account(
                            credited, accounts=accounts
                        ).id,
                        "name": label,
                        "credit": self.amount,
                    }
                ),
            ],
        }

    def _welfare_reversal_ref(self, move, reason=None):
        return self.env._("Reversal of %(entry)s", entry=self.name)

    def _welfare_number_and_post(self):
        """Number the signed transfers within their fund and year, and post."""
        for fund in self.fund_id:
            fund._welfare_check_books()
        self._assign_document_numbers()
        self._welfare_post()

    def _document_number_year_be(self, date):
        """Numbered within the fund and the B.E. year of the transfer."""
        return thai_calendar.be_year(self.date)

    def action_cancel(self, reason=None):
        """Cancel transfers; a posted one gets its entry reversed."""
        self._check_state(("draft", self._welfare_posted_state))
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise UserError(
                self.env._(
                    "Only the committee cancels this %(kind)s.",
                    kind=self._description_for_user(),
                )
            )
        self._welfare_reverse(reason)
        self._workflow_write({"state": "cancelled", "cancel_reason": reason or False})
        return True
