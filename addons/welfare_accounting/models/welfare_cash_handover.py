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
    _inherit = ["welfare.cash.transfer.mixin"]
    _welfare_transfer = ("cash", "cash", "cash_collector")
    _welfare_posted_state = "done"

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
    )
    amount = fields.Monetary(
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
    note = fields.Text()

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A handover must be positive."),
    ]

    @api.model
    def _get_workflow_fields(self):
        """Signatures: set by the signing only."""
        return super()._get_workflow_fields() | {
            "giver_confirmed_date",
            "receiver_confirmed_date",
            "signed_recorded_by_id",
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
        self._welfare_number_and_post()
        for handover in self:
            # a log note: the people signing need no e-mail address
            handover._message_log(
                body=self.env._(
                    "Cash handed over: %(amount)s from %(giver)s to %(receiver)s.",
                    amount=handover.amount,
                    giver=handover.giver_id.name,
                    receiver=handover.receiver_id.name,
                )
            )

    def _welfare_transfer_label(self):
        return self.env._(
            "Cash handed over by %(giver)s to %(receiver)s",
            giver=self.giver_id.name,
            receiver=self.receiver_id.name,
        )
