import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import reference as ref_lib

_logger = logging.getLogger(__name__)


class WelfarePromptpayTransfer(models.Model):
    """Money received by PromptPay: a bank statement line or a transfer slip.

    Matched to a member by the reference of the member's QR code, it becomes
    a confirmed contribution (receipt, coverage, ledger entry) exactly once.
    Transfers are made and matched by their workflow only.
    """

    _name = "welfare.promptpay.transfer"
    _description = "PromptPay Transfer"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
    ]
    _workflow_initial = {"state": ("unmatched",)}
    _order = "date desc, id desc"

    name = fields.Char(
        compute="_compute_name",
        store=True,
    )
    source = fields.Selection(
        [("bank", "Bank Statement"), ("slip", "Transfer Slip")],
        required=True,
        readonly=True,
    )
    statement_line_id = fields.Many2one(
        "account.bank.statement.line",
        string="Bank Statement Line",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    date = fields.Date(
        required=True,
        readonly=True,
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    amount = fields.Monetary(
        required=True,
        readonly=True,
    )
    label = fields.Char(
        readonly=True,
        help="What the bank wrote on the line, or the officer on the slip.",
    )
    reference = fields.Char(
        readonly=True,
        index=True,
        help="PromptPay reference of the member's QR code (fund code, member "
        "number, period, check character).",
    )
    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    contribution_id = fields.Many2one(
        "welfare.contribution",
        string="Payment",
        readonly=True,
        check_company=True,
    )
    receipt_number = fields.Char(
        related="contribution_id.receipt_number",
    )
    slip_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Slip",
        readonly=True,
    )
    state = fields.Selection(
        [("unmatched", "Unmatched"), ("matched", "Matched")],
        required=True,
        default="unmatched",
        readonly=True,
        tracking=True,
        index=True,
    )
    note = fields.Char(
        string="Why Unmatched",
        readonly=True,
    )
    matched_by_id = fields.Many2one(
        "res.users",
        readonly=True,
    )
    matched_date = fields.Date(
        readonly=True,
    )

    _sql_constraints = [
        (
            "statement_line_uniq",
            "unique(statement_line_id)",
            "A bank statement line is matched once.",
        ),
        ("amount_positive", "CHECK(amount > 0)", "A transfer must be positive."),
    ]

    def init(self):
        # a reference pays once: two matchings of it cannot both be committed
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS welfare_promptpay_transfer_reference_once
                ON welfare_promptpay_transfer (fund_id, reference)
             WHERE state = 'matched'
            """
        )

    @api.depends("reference", "label", "date")
    def _compute_name(self):
        for transfer in self:
            transfer.name = transfer.reference or transfer.label or str(transfer.date)

    @api.model
    def _get_workflow_fields(self):
        """Everything: transfers are made and matched by their workflow only."""
        return super()._get_workflow_fields() | {
            "fund_id",
            "source",
            "statement_line_id",
            "date",
            "amount",
            "label",
            "reference",
            "member_id",
            "contribution_id",
            "slip_attachment_id",
            "note",
            "matched_by_id",
            "matched_date",
        }

    def _workflow_unlink_guarded(self):
        return self

    # ------------------------------------------------------------------
    # Making transfers
    # ------------------------------------------------------------------
    @api.model
    def _welfare_from_statement_lines(self, lines):
        """Transfers for the incoming lines of funds' bank journals, matched
        at once when their label holds a reference of the fund."""
        lines = lines.filtered(lambda line: line.amount > 0)
        if not lines:
            return self.browse()
        # sudo: the funds of the lines' companies are looked up, and their
        # transfers made, whoever enters or imports the bank statement (an
        # accountant need not be a fund officer); only these lines are used.
        Transfer = self.sudo()
        funds = (
            self.env["welfare.fund"]
            .sudo()
            .search([("company_id", "in", lines.company_id.ids)])
        )
        fund_of = {fund.company_id.id: fund for fund in funds}
        known = set(
            Transfer.search(
                [("statement_line_id", "in", lines.ids)]
            ).statement_line_id.ids
        )
        vals_list = []
        for line in lines:
            fund = fund_of.get(line.company_id.id)
            if not fund or line.id in known:
                continue
            label = " ".join(
                part for part in (line.payment_ref, line.ref, line.partner_name) if part
            )
            vals_list.append(
                {
                    "fund_id": fund.id,
                    "source": "bank",
                    "statement_line_id": line.id,
                    "date": line.date,
                    "amount": line.amount,
                    "label": label,
                }
            )
        transfers = Transfer._workflow_create(vals_list)
        transfers._welfare_auto_match()
        return transfers

    def _welfare_auto_match(self):
        """Match each transfer whose label holds one reference of its fund."""
        found = {}
        numbers = {}
        for transfer in self.filtered(lambda t: t.state == "unmatched"):
            refs = ref_lib.find(transfer.label, transfer.fund_id.code)
            found[transfer.id] = refs
            if len(refs) == 1:
                numbers.setdefault(transfer.fund_id.id, set()).add(refs[0][1])
        members = self.env["welfare.member"]
        for fund_id, member_numbers in numbers.items():
            # sudo: the members named by the references of the fund's own bank
            # lines are looked up, for whoever imports the statement
            members |= (
                members.sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("fund_id", "=", fund_id),
                        ("member_number", "in", list(member_numbers)),
                    ]
                )
            )
        member_of = {(m.fund_id.id, m.member_number): m for m in members}
        for transfer in self.filtered(lambda t: t.id in found):
            refs = found[transfer.id]
            if not refs:
                transfer._welfare_note(
                    self.env._("No PromptPay reference of the fund in the label.")
                )
                continue
            if len(refs) > 1:
                transfer._welfare_note(
                    self.env._(
                        "Several references in the label: %(refs)s.",
                        refs=", ".join(ref for ref, _m, _p in refs),
                    )
                )
                continue
            reference, number, _period = refs[0]
            member = member_of.get((transfer.fund_id.id, number))
            if not member:
                transfer._welfare_note(
                    self.env._(
                        "Reference %(ref)s names member %(number)s, who is not a "
                        "member of the fund.",
                        ref=reference,
                        number=number,
                    ),
                    reference,
                )
                continue
            try:
                with self.env.cr.savepoint():
                    transfer._welfare_match(member, reference)
            except UserError as error:
                transfer._welfare_note(str(error.args[0]), reference)

    def _welfare_note(self, note, reference=False):
        """Why the transfer stays unmatched (and the reference read, if any)."""
        vals = {"note": note[:250]}
        if reference:
            vals["reference"] = reference
        # sudo: the reason is written by the matching, for any role running it
        self.sudo()._workflow_write(vals)

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    def _welfare_match(self, member, reference=False):
        """Confirm the member's payment for this money: receipt, coverage and
        ledger entry, exactly as a payment taken by an officer.

        Exactly once: the transfer's row is locked first, so a second
        matching (another officer, the import running again) waits, then
        finds it matched and does nothing (returns False). A reference
        already paid is refused.
        """
        self.ensure_one()
        self.flush_recordset()
        self.env.cr.execute(
            "SELECT state FROM welfare_promptpay_transfer WHERE id = %s FOR UPDATE",
            (self.id,),
        )
        (state,) = self.env.cr.fetchone()
        self.invalidate_recordset(["state"])
        if state == "matched":
            return False
        if member.fund_id != self.fund_id:
            raise UserError(
                self.env._(
                    "%(member)s is not a member of %(fund)s.",
                    member=member.display_name,
                    fund=self.fund_id.display_name,
                )
            )
        if reference:
            parsed = ref_lib.parse(reference, self.fund_id.code)
            if not parsed or parsed[0] != ref_lib.clean(member.member_number):
                raise UserError(
                    self.env._(
                        "%(ref)s is not a PromptPay reference of %(member)s.",
                        ref=reference,
                        member=member.display_name,
                    )
                )
            reference = ref_lib.clean(reference)
            # the member's row: payments of one member are serialised, as
            # those of collection days
            self.env.cr.execute(
                "SELECT id FROM welfare_member WHERE id = %s FOR UPDATE", (member.id,)
            )
            paid = self.sudo().search(
                [
                    ("fund_id", "=", self.fund_id.id),
                    ("reference", "=", reference),
                    ("state", "=", "matched"),
                    ("id", "!=", self.id),
                ],
                limit=1,
            )
            if paid:
                raise UserError(
                    self.env._(
                        "Reference %(ref)s is already paid (receipt %(receipt)s of "
                        "%(date)s): the same money is not taken twice.",
                        ref=ref_lib.display(reference, self.fund_id.code),
                        receipt=paid.receipt_number or "",
                        date=self.env["welfare.format"].thai_date(paid.date),
                    )
                )
        line = self.statement_line_id
        # sudo: the payment is made by the matching for the member its
        # reference names (checked above), whoever matches (an accountant
        # importing the statement need not be a fund officer); it goes through
        # the same confirmation as a payment taken at the office.
        Contribution = self.env["welfare.contribution"].sudo()
        contribution = Contribution._workflow_create(
            {
                "member_id": member.id,
                "fund_id": self.fund_id.id,
                "amount": self.amount,
                "date": min(self.date, welfare_today(self)),
                "kind": "contribution",
                "payment_method": "promptpay",
                "payment_reference": (
                    ref_lib.display(reference, self.fund_id.code)
                    if reference
                    else self.label
                ),
                "collector_id": self.env.user.id,
                "welfare_statement_line_id": line.id,
            }
        )
        contribution.action_confirm()
        if line:
            self._welfare_clear_statement_line(contribution)
        # sudo: transfers are read-only to every role; the matching, which
        # checked the member and the reference above, records its outcome.
        self.sudo()._workflow_write(
            {
                "state": "matched",
                "member_id": member.id,
                "contribution_id": contribution.id,
                "reference": reference or False,
                "note": False,
                "matched_by_id": self.env.user.id,
                "matched_date": welfare_today(self),
            }
        )
        if self.slip_attachment_id:
            # sudo: the slip the officer attached goes with the payment too
            self.slip_attachment_id.sudo().copy(
                {"res_model": contribution._name, "res_id": contribution.id}
            )
        if self.source == "bank":
            body = self.env._(
                "Paid by PromptPay: bank statement line %(name)s.", name=self.name
            )
        else:
            body = self.env._("Paid by PromptPay: slip %(name)s.", name=self.name)
        contribution._message_log(body=body)
        return contribution

    def _welfare_clear_statement_line(self, contribution):
        """The bank line's counterpart becomes the outstanding receipts that
        the payment's entry debited, reconciled with it: the bank counts the
        money once, the line shows as reconciled."""
        # sudo and superuser: the bank line is rewritten as Odoo's own undo of a
        # reconciliation does, on this line only, then reconciled with the
        # payment's entry; both belong to the fund's company.
        line = self.statement_line_id.sudo()
        account = contribution._welfare_liquidity_account(self.fund_id)
        line = line.with_context(force_delete=True, skip_readonly_check=True)
        # the member first (Odoo then rebuilds the line's items), then the
        # counterpart: the two in one write would rebuild it on the suspense
        line.write({"partner_id": contribution.member_id.partner_id.id})
        line.write(
            {
                "line_ids": [fields.Command.clear()]
                + [
                    fields.Command.create(vals)
                    for vals in line._prepare_move_line_default_vals(
                        counterpart_account_id=account.id
                    )
                ],
            }
        )
        pair = line.move_id.line_ids.filtered(
            lambda aml: aml.account_id == account
        ) | contribution.sudo().move_id.line_ids.filtered(
            lambda aml: aml.account_id == account
        )
        if len(pair) != 2:
            raise UserError(
                self.env._(
                    "The bank line could not be cleared against the entry of "
                    "payment %(payment)s.",
                    payment=contribution.display_name,
                )
            )
        pair.reconcile()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_open_match_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_promptpay.welfare_promptpay_slip_wizard_action"
        )
        action["context"] = {
            "default_transfer_id": self.id,
            "default_fund_id": self.fund_id.id,
        }
        return action

    def action_retry_match(self):
        """Look for the references again (after a member number was fixed)."""
        self.check_access("read")
        self.filtered(lambda t: t.state == "unmatched")._welfare_auto_match()
        return True
