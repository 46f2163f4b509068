import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.welfare_base.lib.member_states import PAYING_STATES
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import periods

PAYMENT_METHODS = [
    ("cash", "Cash"),
    ("transfer", "Bank Transfer"),
    ("promptpay", "PromptPay"),
]
#: members who may still pay contributions


class WelfareContribution(models.Model):
    """Money a member pays in: a contribution (เงินสมทบ) or the entry fee."""

    _name = "welfare.contribution"
    _description = "Member Contribution"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
    ]
    _workflow_initial = {"state": ("draft",)}
    _order = "date desc, id desc"
    _rec_name = "receipt_number"
    _rec_names_search = ["receipt_number", "member_id"]

    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    fund_id = fields.Many2one(
        compute="_compute_fund_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    member_number = fields.Char(
        related="member_id.member_number",
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    date = fields.Date(
        string="Date Paid",
        required=True,
        default=welfare_today,
        tracking=True,
    )
    amount = fields.Monetary(
        required=True,
        tracking=True,
    )
    kind = fields.Selection(
        [("contribution", "Contribution"), ("entry_fee", "Entry Fee")],
        required=True,
        default="contribution",
    )
    period_start = fields.Date(
        string="Covers From",
        readonly=True,
        copy=False,
    )
    period_end = fields.Date(
        string="Covers Until",
        readonly=True,
        copy=False,
    )
    receipt_number = fields.Char(
        readonly=True,
        copy=False,
        index=True,
    )
    payment_method = fields.Selection(
        PAYMENT_METHODS,
        required=True,
        default="cash",
    )
    payment_reference = fields.Char(
        help="Transfer or PromptPay reference.",
    )
    collector_id = fields.Many2one(
        "res.users",
        string="Collector",
        default=lambda self: self.env.user,
    )
    collection_id = fields.Many2one(
        "welfare.collection",
        string="Collection Day",
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    cancel_reason = fields.Char(
        tracking=True,
        copy=False,
    )
    cancelled_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
    )
    member_paid_until = fields.Date(
        related="member_id.paid_until",
        string="Member Paid Until",
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A payment must be positive."),
        (
            "receipt_uniq",
            "unique(company_id, receipt_number)",
            "A receipt number is used once per fund.",
        ),
    ]

    def init(self):
        # a member pays the entry fee once: at most one live entry fee each
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS welfare_contribution_entry_fee_once
                ON welfare_contribution (member_id)
             WHERE kind = 'entry_fee' AND state = 'confirmed'
            """
        )

    @api.depends("member_id")
    def _compute_fund_id(self):
        for contribution in self:
            if contribution.member_id:
                contribution.fund_id = contribution.member_id.fund_id

    @api.depends("receipt_number", "member_id")
    def _compute_display_name(self):
        for contribution in self:
            contribution.display_name = contribution.receipt_number or self.env._(
                "Draft payment of %(member)s",
                member=contribution.member_id.name or "",
            )

    @api.onchange("member_id", "kind")
    def _onchange_member_amount(self):
        for contribution in self:
            member = contribution.member_id
            if not member:
                continue
            if contribution.kind == "entry_fee":
                contribution.amount = member.fund_id.contribution_scheme_id.entry_fee
            else:
                contribution.amount = member._proposed_amounts(
                    contribution.date or welfare_today(self)
                )[member.id]

    @api.constrains("kind", "state", "member_id")
    def _check_entry_fee_once(self):
        fees = self.filtered(lambda c: c.kind == "entry_fee" and c.state == "confirmed")
        if not fees:
            return
        groups = self._read_group(
            [
                ("member_id", "in", fees.member_id.ids),
                ("kind", "=", "entry_fee"),
                ("state", "=", "confirmed"),
            ],
            ["member_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            raise ValidationError(
                self.env._(
                    "%(member)s has already paid the entry fee: it is paid once.",
                    member=groups[0][0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # the fund is the member's: set it before the mixin's default (the
        # fund of the current company) would take its place
        members = self.env["welfare.member"].browse(
            [vals["member_id"] for vals in vals_list if vals.get("member_id")]
        )
        fund_of = {member.id: member.fund_id.id for member in members}
        collections = self.env["welfare.collection"].browse(
            [vals["collection_id"] for vals in vals_list if vals.get("collection_id")]
        )
        collection_of = {collection.id: collection for collection in collections}
        for vals in vals_list:
            if vals.get("member_id") and not vals.get("fund_id"):
                vals["fund_id"] = fund_of[vals["member_id"]]
            collection = collection_of.get(vals.get("collection_id"))
            if collection:
                # a collection day's lines carry its date and collector
                vals["date"] = collection.date
                vals["collector_id"] = collection.collector_id.id
        return super().create(vals_list)

    @api.model
    def _get_workflow_fields(self):
        """Confirmation and cancellation: set by their actions only."""
        return super()._get_workflow_fields() | {
            "receipt_number",
            "period_start",
            "period_end",
            "cancel_reason",
            "cancelled_by_id",
        }

    def write(self, vals):
        locked = {
            "member_id",
            "amount",
            "date",
            "kind",
            "fund_id",
            "collection_id",
            "payment_method",
        } & set(vals)
        if locked and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A confirmed or cancelled payment cannot be changed: cancel it "
                    "and record a new one."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "Confirmed payments are never deleted: cancel them with a reason."
                )
            )

    # ------------------------------------------------------------------
    # Confirmation and cancellation
    # ------------------------------------------------------------------
    def _check_confirmable(self):
        not_draft = self.filtered(lambda c: c.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "Only draft payments can be confirmed: %(payments)s.",
                    payments=", ".join(not_draft.mapped("display_name")),
                )
            )
        leavers = self.filtered(lambda c: c.member_id.state not in PAYING_STATES)
        if leavers:
            raise UserError(
                self.env._(
                    "%(members)s no longer belong to the fund: they cannot pay "
                    "contributions.",
                    members=", ".join(leavers.member_id.mapped("display_name")),
                )
            )
        fees = self.filtered(lambda c: c.kind == "entry_fee")
        # sudo: an entry fee paid must be found whoever recorded it; only which of
        # these payments' members (same fund) paid already is read.
        paid = self.sudo()._read_group(
            [
                ("member_id", "in", fees.member_id.ids),
                ("kind", "=", "entry_fee"),
                ("state", "=", "confirmed"),
            ],
            ["member_id"],
        )
        twice = [member for (member,) in paid] + [
            member
            for member, group in fees.grouped("member_id").items()
            if len(group) > 1
        ]
        if twice:
            raise ValidationError(
                self.env._(
                    "%(member)s has already paid the entry fee: it is paid once.",
                    member=twice[0].display_name,
                )
            )
        no_scheme = self.filtered(
            lambda c: c.kind == "contribution" and not c.fund_id.contribution_scheme_id
        )
        if no_scheme:
            raise UserError(
                self.env._(
                    "Fund %(fund)s has no contribution scheme.",
                    fund=no_scheme[0].fund_id.display_name,
                )
            )
        today = welfare_today(self)
        future = self.filtered(lambda c: c.date > today)
        if future:
            raise UserError(
                self.env._(
                    "Payments dated in the future cannot be confirmed: %(payments)s. "
                    "Check the year (B.E. = C.E. + 543).",
                    payments=", ".join(
                        f"{c.member_id.display_name} {c.date}" for c in future
                    ),
                )
            )

    def action_confirm(self):
        """Confirm many payments at once: receipts, periods and paid_until.

        Receipt numbers are drawn per fund in one query each; the payments of
        one member are chained in date order from the member's ``paid_until``;
        members are then updated with one write per distinct date.
        """
        self._check_confirmable()
        self.check_access("write")
        self.member_id.check_access("read")
        contributions = self.sorted(lambda c: (c.date, c.id))
        receipts = {}
        for fund, group in contributions.grouped("fund_id").items():
            receipts.update(
                zip(
                    group.ids,
                    fund._next_numbers("receipt_sequence_id", len(group)),
                    strict=True,
                )
            )
        new_paid_until = {}
        values = {}
        for contribution in contributions:
            vals = {"state": "confirmed", "receipt_number": receipts[contribution.id]}
            member = contribution.member_id
            if contribution.kind == "contribution":
                scheme = contribution.fund_id.contribution_scheme_id
                paid_until = new_paid_until.get(member.id, member.paid_until)
                start = periods.coverage_start(
                    paid_until, member.join_date, contribution.date
                )
                start, end, _days = periods.cover(
                    start, contribution.amount, scheme.amount, scheme.period
                )
                vals.update(period_start=start, period_end=end)
                new_paid_until[member.id] = end
            values[contribution.id] = vals
        # sudo: access was checked above for the whole batch; the writes are
        # grouped by the ORM into a few UPDATE queries at flush time. Nothing
        # written here is tracked: skip the chatter's per-write bookkeeping.
        for contribution in contributions.sudo().with_context(tracking_disable=True):
            contribution._workflow_write(values[contribution.id])
        self._update_members_paid_until(new_paid_until)
        self._check_entry_fee_once()
        return True

    def _update_members_paid_until(self, new_paid_until):
        """Write the members' paid_until (one write per distinct date), then arrears."""
        if not new_paid_until:
            return
        members = self.env["welfare.member"]
        by_date = {}
        for member_id, date in new_paid_until.items():
            by_date.setdefault(date, []).append(member_id)
        for date, ids in by_date.items():
            # sudo: officers update paid_until only through payments
            # paid_until is not tracked: without mail_notrack the chatter
            # reads every tracked field (and each member's contact) per write
            members.browse(ids).sudo().with_context(mail_notrack=True)._workflow_write(
                {"paid_until": date}
            )
        members.browse(list(new_paid_until)).sudo()._update_arrears()

    def action_cancel(self, reason):
        """Cancel confirmed payments: audited, and paid_until moves back.

        Later payments of the same member shift back to fill the gap, so the
        member's coverage is exactly what the remaining payments pay for.
        """
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling the payment."))
        wrong = self.filtered(lambda c: c.state != "confirmed")
        if wrong:
            raise UserError(
                self.env._(
                    "Only confirmed payments can be cancelled: %(payments)s.",
                    payments=", ".join(wrong.mapped("display_name")),
                )
            )
        self.check_access("write")
        self._workflow_write(
            {
                "state": "cancelled",
                "cancel_reason": reason,
                "cancelled_by_id": self.env.user.id,
            }
        )
        for contribution in self:
            contribution.message_post(
                body=self.env._("Payment cancelled. Reason: %(reason)s", reason=reason),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._rechain_members(self.filtered(lambda c: c.kind == "contribution"))
        return True

    def _rechain_members(self, cancelled):
        """Recompute periods of the members' remaining payments after a cancel."""
        new_paid_until = {}
        # sudo: the caller checked write access on the cancelled payments; only the
        # later payments of the same members (same fund) are moved back.
        Contribution = self.env["welfare.contribution"].sudo()
        for member, gone in cancelled.grouped("member_id").items():
            start = min(gone.mapped("period_start"))
            later = Contribution.search(
                [
                    ("member_id", "=", member.id),
                    ("kind", "=", "contribution"),
                    ("state", "=", "confirmed"),
                    ("period_start", ">=", start),
                ],
                order="period_start, id",
            )
            scheme = member.fund_id.contribution_scheme_id
            chained = periods.chain(
                start, later.mapped("amount"), scheme.amount, scheme.period
            )
            for contribution, (s, e, _d) in zip(later, chained, strict=True):
                contribution._workflow_write({"period_start": s, "period_end": e})
            if chained:
                end = chained[-1][1]
            elif Contribution.search_count(
                [
                    ("member_id", "=", member.id),
                    ("kind", "=", "contribution"),
                    ("state", "=", "confirmed"),
                    ("period_end", "<", start),
                ],
                limit=1,
            ):
                end = start - datetime.timedelta(days=1)
            else:
                end = False  # nothing paid any more
            new_paid_until[member.id] = end
        self._update_members_paid_until(new_paid_until)

    def action_open_cancel_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_contribution_cancel_wizard_action"
        )
        action["context"] = {"default_contribution_ids": self.ids}
        return action

    def action_print_receipt(self):
        return self.env.ref(
            "welfare_membership.action_report_contribution_receipt"
        ).report_action(self)
