from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareBankDeposit(models.Model):
    """Cash of the fund deposited into its bank account, with the bank slip.

    Posting moves the amount from *Cash on Hand* to *Bank Deposits*: a
    transfer between the fund's own assets, not income. The slip is required;
    a deposit of given handovers is at most what they brought.
    """

    _name = "welfare.bank.deposit"
    _description = "Bank Deposit"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
    ]
    _workflow_initial = {"state": ("draft",)}
    _order = "date desc, id desc"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
    )
    date = fields.Date(
        string="Deposited On",
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
    depositor_id = fields.Many2one(
        "res.users",
        string="Deposited By",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    handover_ids = fields.Many2many(
        "welfare.cash.handover",
        string="Handovers Deposited",
        domain="[('fund_id', '=', fund_id), ('state', '=', 'done')]",
        check_company=True,
    )
    bank_reference = fields.Char(
        string="Slip Reference",
        tracking=True,
    )
    bank_slip = fields.Binary(
        string="Bank Slip",
        attachment=True,
        copy=False,
    )
    bank_slip_name = fields.Char(
        copy=False,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        readonly=True,
        copy=False,
    )
    reversal_move_id = fields.Many2one(
        "account.move",
        string="Reversal Entry",
        readonly=True,
        copy=False,
    )
    cancel_reason = fields.Char(
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A deposit must be positive."),
    ]

    @api.model
    def _get_workflow_fields(self):
        """Number and ledger links: set by the posting only."""
        return super()._get_workflow_fields() | {
            "name",
            "move_id",
            "reversal_move_id",
            "cancel_reason",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if any(d.state != "draft" for d in self):
            # the slip and the amount are what the ledger holds
            guarded |= set(vals)
        return guarded

    def _workflow_unlink_guarded(self):
        return self.filtered(lambda d: d.state != "draft")

    @api.onchange("handover_ids")
    def _onchange_handover_ids(self):
        for deposit in self.filtered("handover_ids"):
            deposit.amount = sum(deposit.handover_ids.mapped("amount"))

    def _check_state(self, allowed):
        wrong = self.filtered(lambda d: d.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "Deposit %(deposit)s cannot do this in its present state.",
                    deposit=wrong[0].display_name,
                )
            )

    def action_post(self):
        """Number and post: Cash on Hand -> Bank Deposits, with the slip."""
        self._check_state(("draft",))
        today = welfare_today(self)
        for deposit in self:
            if not deposit.bank_slip:
                raise UserError(
                    self.env._(
                        "Attach the bank slip of deposit %(deposit)s before "
                        "posting it.",
                        deposit=deposit.display_name,
                    )
                )
            if deposit.date > today:
                raise UserError(
                    self.env._("A deposit dated in the future cannot be posted.")
                )
        Numbers = self.env["welfare.document.sequence"]
        for fund, deposits in self.grouped("fund_id").items():
            fund._welfare_check_books()
            for deposit in deposits.sorted("date"):
                handed = sum(deposit.handover_ids.mapped("amount"))
                if (
                    deposit.handover_ids
                    and deposit.currency_id.compare_amounts(deposit.amount, handed) > 0
                ):
                    raise UserError(
                        self.env._(
                            "Deposit %(deposit)s of %(amount)s is more than the "
                            "%(handed)s of the handovers it deposits.",
                            deposit=deposit.display_name,
                            amount=deposit.amount,
                            handed=handed,
                        )
                    )
                deposit._workflow_write(
                    {
                        "name": Numbers._take_numbers(
                            fund, "welfare.bank.deposit", deposit.date
                        )[0]
                    }
                )
                move = fund._welfare_post_moves(
                    [deposit._prepare_welfare_move_values()]
                )
                deposit._workflow_write({"state": "posted", "move_id": move.id})
        return True

    def _prepare_welfare_move_values(self):
        self.ensure_one()
        fund = self.fund_id
        accounts = fund._welfare_accounts()
        label = self.env._(
            "Cash deposited in the bank %(ref)s", ref=self.bank_reference or ""
        ).strip()
        return {
            "journal_id": fund._welfare_journal("bank").id,
            "date": self.date,
            "ref": self.name,
            "line_ids": [
                fields.Command.create(
                    {
                        "account_id": fund._welfare_account(
                            "bank", accounts=accounts
                        ).id,
                        "name": label,
                        "debit": self.amount,
                    }
                ),
                fields.Command.create(
                    {
                        "account_id": fund._welfare_account(
                            "cash", accounts=accounts
                        ).id,
                        "name": label,
                        "credit": self.amount,
                    }
                ),
            ],
        }

    def action_cancel(self, reason=None):
        """Cancel a deposit; a posted one gets its entry reversed."""
        self._check_state(("draft", "posted"))
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise UserError(self.env._("Only the committee cancels a deposit."))
        for deposit in self:
            if deposit.move_id:
                reversal = deposit.fund_id._welfare_reverse_move(
                    deposit.move_id,
                    self.env._("Reversal of %(entry)s", entry=deposit.name),
                )
                deposit._workflow_write({"reversal_move_id": reversal.id})
            deposit._workflow_write(
                {"state": "cancelled", "cancel_reason": reason or False}
            )
        return True
