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
    _inherit = ["welfare.cash.transfer.mixin"]
    _welfare_transfer = ("bank", "bank", "cash")
    _welfare_posted_state = "posted"

    date = fields.Date(
        string="Deposited On",
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

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A deposit must be positive."),
    ]

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if any(d.state != "draft" for d in self):
            # the slip and the amount are what the ledger holds
            guarded |= set(vals)
        return guarded

    @api.onchange("handover_ids")
    def _onchange_handover_ids(self):
        for deposit in self.filtered("handover_ids"):
            deposit.amount = sum(deposit.handover_ids.mapped("amount"))

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
        for deposit in self:
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
        # numbered in the order of the deposits' dates
        self.sorted("date")._welfare_number_and_post()
        return True

    def _welfare_transfer_label(self):
        return self.env._(
            "Cash deposited in the bank %(ref)s", ref=self.bank_reference or ""
        ).strip()
