from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareCashHandover(models.Model):
    """The cash of a collection day handed by the collector to the treasurer.

    The money taken in cash at a collection day is posted to *Cash with
    Collectors*; the handover moves it to the fund's *Cash on Hand*. It is
    signed either by both people confirming it in the system, each as
    themselves, or by a committee member recording the handover form both
    signed on paper (attached). Signed, it is numbered and posted; a wrong
    handover is cancelled with a reason and its entry reversed.
    """

    _name = "welfare.cash.handover"
    _description = "Cash Handover"
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
    collection_id = fields.Many2one(
        "welfare.collection",
        string="Collection Day",
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        domain="[('fund_id', '=', fund_id), ('state', '=', 'closed')]",
    )
    date = fields.Date(
        string="Handed Over On",
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
        help="Cash counted and handed over.",
    )
    giver_id = fields.Many2one(
        "res.users",
        string="Handed Over By",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The collector who hands the cash over.",
    )
    receiver_id = fields.Many2one(
        "res.users",
        string="Received By",
        required=True,
        tracking=True,
        help="The treasurer (or the committee member) who receives the cash.",
    )
    giver_confirmed_date = fields.Datetime(
        string="Confirmed by the Giver",
        readonly=True,
        copy=False,
    )
    receiver_confirmed_date = fields.Datetime(
        string="Confirmed by the Receiver",
        readonly=True,
        copy=False,
    )
    signed_form = fields.Binary(
        string="Signed Handover Form",
        attachment=True,
        copy=False,
        help="The handover form signed by both, scanned or photographed.",
    )
    signed_form_name = fields.Char(
        copy=False,
    )
    signed_recorded_by_id = fields.Many2one(
        "res.users",
        string="Signed Form Recorded By",
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        [
            ("draft", "To Sign"),
            ("done", "Signed and Posted"),
            ("cancelled", "Cancelled"),
        ],
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
    note = fields.Text()

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A handover must be positive."),
    ]

    @api.model
    def _get_workflow_fields(self):
        """Signatures, number and ledger links: set by the signing only."""
        return super()._get_workflow_fields() | {
            "name",
            "giver_confirmed_date",
            "receiver_confirmed_date",
            "signed_recorded_by_id",
            "move_id",
            "reversal_move_id",
            "cancel_reason",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if any(h.state != "draft" for h in self):
            # what was signed for is what the ledger holds
            guarded |= set(vals) - {"note"}
        elif any(h.giver_confirmed_date or h.receiver_confirmed_date for h in self):
            # once one side confirmed, the amount and the people are fixed
            guarded |= set(vals) & {
                "amount",
                "giver_id",
                "receiver_id",
                "collection_id",
                "date",
                "fund_id",
            }
        return guarded

    def _workflow_unlink_guarded(self):
        return self.filtered(lambda h: h.state != "draft")

    @api.onchange("collection_id")
    def _onchange_collection_id(self):
        for handover in self.filtered("collection_id"):
            handover.giver_id = handover.collection_id.collector_id
            handover.amount = handover.collection_id._cash_not_handed_over()

    @api.constrains("giver_id", "receiver_id")
    def _check_two_people(self):
        for handover in self:
            if handover.giver_id == handover.receiver_id:
                raise ValidationError(
                    self.env._(
                        "Cash is handed over from one person to another: the "
                        "receiver cannot be the collector who gives it."
                    )
                )

    @api.constrains("amount", "collection_id", "state")
    def _check_collection_cash(self):
        for handover in self.filtered(
            lambda h: h.collection_id and h.state != "cancelled"
        ):
            left = handover.collection_id._cash_not_handed_over(exclude=handover)
            if handover.currency_id.compare_amounts(handover.amount, left) > 0:
                raise ValidationError(
                    self.env._(
                        "Collection day %(day)s has %(left)s in cash not yet "
                        "handed over; a handover of %(amount)s is more than that.",
                        day=handover.collection_id.display_name,
                        left=left,
                        amount=handover.amount,
                    )
                )

    def _check_state(self, allowed):
        wrong = self.filtered(lambda h: h.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "Handover %(handover)s cannot do this in its present state.",
                    handover=wrong[0].display_name,
                )
            )

    def action_confirm_give(self):
        """The collector confirms, as themselves, the cash they handed over."""
        self._check_state(("draft",))
        for handover in self:
            if handover.giver_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(person)s, who hands the cash over, confirms giving it.",
                        person=handover.giver_id.name,
                    )
                )
            handover._workflow_write({"giver_confirmed_date": fields.Datetime.now()})
        self._post_when_signed()
        return True

    def action_confirm_receive(self):
        """The treasurer confirms, as themselves, the cash they received."""
        self._check_state(("draft",))
        for handover in self:
            if handover.receiver_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(person)s, who receives the cash, confirms "
                        "receiving it.",
                        person=handover.receiver_id.name,
                    )
                )
            handover._workflow_write({"receiver_confirmed_date": fields.Datetime.now()})
        self._post_when_signed()
        return True

    def action_record_signed_form(self):
        """A committee member records the handover form signed on paper."""
        self._check_state(("draft",))
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise UserError(
                self.env._("Only the committee records a handover signed on paper.")
            )
        unsigned = self.filtered(lambda h: not h.signed_form)
        if unsigned:
            raise UserError(
                self.env._(
                    "Attach the handover form signed by both people to %(handover)s "
                    "first.",
                    handover=unsigned[0].display_name,
                )
            )
        self._workflow_write({"signed_recorded_by_id": self.env.user.id})
        self._post()
        return True

    def _post_when_signed(self):
        self.filtered(
            lambda h: h.giver_confirmed_date and h.receiver_confirmed_date
        )._post()

    def _post(self):
        """Number the signed handovers and post Cash with Collectors -> Cash."""
        today = welfare_today(self)
        future = self.filtered(lambda h: h.date > today)
        if future:
            raise UserError(
                self.env._(
                    "A handover dated in the future cannot be signed: %(handover)s.",
                    handover=future[0].display_name,
                )
            )
        # the day's payments reach the ledger before its cash leaves the collector
        self.collection_id._welfare_post_pending()
        Numbers = self.env["welfare.document.sequence"]
        for fund, handovers in self.grouped("fund_id").items():
            fund._welfare_check_books()
            for handover in handovers:
                handover._workflow_write(
                    {
                        "name": Numbers._take_numbers(
                            fund, "welfare.cash.handover", handover.date
                        )[0]
                    }
                )
            moves = fund._welfare_post_moves(
                [h._prepare_welfare_move_values() for h in handovers]
            )
            for handover, move in zip(handovers, moves, strict=True):
                handover._workflow_write({"state": "done", "move_id": move.id})
                # a log note: the people signing need no e-mail address
                handover._message_log(
                    body=self.env._(
                        "Cash handed over: %(amount)s from %(giver)s to %(receiver)s.",
                        amount=handover.amount,
                        giver=handover.giver_id.name,
                        receiver=handover.receiver_id.name,
                    )
                )

    def _prepare_welfare_move_values(self):
        self.ensure_one()
        fund = self.fund_id
        accounts = fund._welfare_accounts()
        label = self.env._(
            "Cash handed over by %(giver)s to %(receiver)s",
            giver=self.giver_id.name,
            receiver=self.receiver_id.name,
        )
        return {
            "journal_id": fund._welfare_journal("cash").id,
            "date": self.date,
            "ref": self.name,
            "line_ids": [
                fields.Command.create(
                    {
                        "account_id": fund._welfare_account(
                            "cash", accounts=accounts
                        ).id,
                        "name": label,
                        "debit": self.amount,
                    }
                ),
                fields.Command.create(
                    {
                        "account_id": fund._welfare_account(
                            "cash_collector", accounts=accounts
                        ).id,
                        "name": label,
                        "credit": self.amount,
                    }
                ),
            ],
        }

    def action_cancel(self, reason=None):
        """Cancel a handover; a signed one gets its entry reversed."""
        self._check_state(("draft", "done"))
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise UserError(self.env._("Only the committee cancels a handover."))
        for handover in self:
            if handover.move_id:
                reversal = handover.fund_id._welfare_reverse_move(
                    handover.move_id,
                    self.env._("Reversal of %(entry)s", entry=handover.name),
                )
                handover._workflow_write({"reversal_move_id": reversal.id})
            handover._workflow_write(
                {"state": "cancelled", "cancel_reason": reason or False}
            )
        return True
