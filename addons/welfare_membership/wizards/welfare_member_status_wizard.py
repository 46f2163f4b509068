import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..models.welfare_contribution import PAYMENT_METHODS


class WelfareMemberStatusWizard(models.TransientModel):
    """Asks the reason (and date) of a change of a member's status."""

    _name = "welfare.member.status.wizard"
    _description = "Change Member Status"

    member_ids = fields.Many2many(
        "welfare.member",
        string="Members",
        required=True,
    )
    fund_id = fields.Many2one(
        "welfare.fund",
        compute="_compute_fund_id",
    )
    action = fields.Selection(
        [
            ("resign", "Resignation"),
            ("deceased", "Death"),
            ("terminate", "Termination"),
            ("reinstate", "Reinstatement"),
            ("rejoin", "Rejoining"),
        ],
        required=True,
        default="resign",
    )
    date = fields.Date(
        default=welfare_today,
        help="Date of death, for a death; the new join date, for a rejoining: "
        "waiting periods of benefits are counted from it again.",
    )
    reason = fields.Text(
        required=True,
    )
    arrears_outcome = fields.Selection(
        [
            ("paid", "The Arrears Were Paid"),
            ("waived", "The Committee Waives the Arrears"),
        ],
        string="Arrears",
        default="paid",
        help="A reinstated member must not owe the months that ended the "
        "membership: either the member paid them (record the payment first), "
        "or the committee waives them by a decision recorded with its meeting.",
    )
    payment_amount = fields.Float(
        string="Arrears Paid Now",
        digits=(16, 2),
        help="The arrears the member pays with the reinstatement (a terminated "
        "member pays no contribution before): recorded and confirmed as a "
        "payment. Proposed: what is owed up to the end of this month. Leave 0 "
        "when the arrears were already paid.",
    )
    payment_method = fields.Selection(
        PAYMENT_METHODS,
        default="cash",
    )
    meeting_id = fields.Many2one(
        "welfare.fund.meeting",
        string="Decided at Meeting",
        domain="[('fund_id', '=', fund_id)]",
    )
    waived_until = fields.Date(
        string="Arrears Waived Up To",
        default=lambda self: (
            welfare_today(self).replace(day=1) - datetime.timedelta(days=1)
        ),
    )

    @api.onchange("member_ids", "action")
    def _onchange_propose_payment(self):
        if self.action == "reinstate" and len(self.member_ids) == 1:
            member = self.member_ids._origin
            owed = member._arrears_left() and member._proposed_amounts(
                welfare_today(self)
            )
            self.payment_amount = owed[member.id] if owed else 0.0

    @api.depends("member_ids")
    def _compute_fund_id(self):
        for wizard in self:
            wizard.fund_id = wizard.member_ids.fund_id[:1]

    def action_apply(self):
        self.ensure_one()
        members = self.member_ids
        if self.action == "resign":
            members.action_resign(self.reason)
        elif self.action == "deceased":
            members.action_mark_deceased(self.date, self.reason)
        elif self.action == "terminate":
            members.action_terminate(self.reason)
        elif self.action == "rejoin":
            members.action_rejoin(self.date, self.reason)
        else:
            self._reinstate(members)
        return {"type": "ir.actions.act_window_close"}

    def _reinstate(self, members):
        members._check_committee()
        if self.arrears_outcome == "waived":
            if not self.meeting_id:
                raise UserError(
                    self.env._("Name the committee meeting that waived the arrears.")
                )
            owing = members._arrears_left()
            self.env["welfare.arrears.waiver"].create(
                [
                    {
                        "member_id": member.id,
                        "waived_until": self.waived_until,
                        "reason": self.reason,
                        "meeting_id": self.meeting_id.id,
                    }
                    for member in owing
                ]
            ).action_approve()
            reason = self.env._(
                "%(reason)s (arrears waived by the committee, %(meeting)s)",
                reason=self.reason,
                meeting=self.meeting_id.display_name,
            )
        else:
            reason = self.env._("%(reason)s (arrears paid)", reason=self.reason)
            if self.payment_amount > 0:
                members.action_reinstate(
                    reason,
                    {
                        "amount": self.payment_amount,
                        "date": welfare_today(self),
                        "payment_method": self.payment_method or "cash",
                    },
                )
                return
        members.action_reinstate(reason)
