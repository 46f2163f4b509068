import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import arrears, periods

STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("cancelled", "Cancelled"),
]


class WelfareArrearsWaiver(models.Model):
    """The committee's decision to waive a member's arrears.

    Recorded with its reason and the meeting that decided it; once approved,
    the member's contributions count as covered up to ``waived_until``
    without a payment, so the arrears job and the next payments no longer
    see the waived months. A reinstatement whose arrears were not paid rests
    on such a decision.
    """

    _name = "welfare.arrears.waiver"
    _description = "Arrears Waiver"
    _inherit = [
        "welfare.request.mixin",
        "welfare.member.owned.mixin",
        "mail.thread",
    ]
    _order = "id desc"
    _workflow_initial = {"state": ("draft",)}
    _request_decided_by_field = "approved_by_id"
    _request_decided_date_field = "approved_date"

    member_id = fields.Many2one(
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    member_paid_until = fields.Date(
        related="member_id.paid_until",
        string="Member Paid Until",
    )
    state = fields.Selection(
        STATES,
        string="Status",
        default="draft",
    )
    waived_until = fields.Date(
        string="Arrears Waived Up To",
        required=True,
        tracking=True,
        default=lambda self: self._default_waived_until(),
        help="The member's contributions count as covered up to this day "
        "without a payment (by default the end of last month: the current "
        "month is due at the next collection day).",
    )
    reason = fields.Text(
        required=True,
        tracking=True,
        help="Why the committee waives the arrears (illness, disaster, poverty...).",
    )
    meeting_id = fields.Many2one(
        "welfare.fund.meeting",
        string="Decided at Meeting",
        tracking=True,
        ondelete="restrict",
        check_company=True,
        domain="[('fund_id', '=', fund_id)]",
        help="The committee meeting whose minutes record the decision.",
    )
    paid_until_before = fields.Date(
        string="Paid Until Before",
        readonly=True,
        copy=False,
    )
    months_waived = fields.Integer(
        readonly=True,
        copy=False,
    )
    amount_waived = fields.Monetary(
        string="Contributions Waived",
        readonly=True,
        copy=False,
        help="What the waived days would have cost under the fund's scheme.",
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Decided By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_date = fields.Date(
        string="Decision Date",
        readonly=True,
        copy=False,
    )

    @api.model
    def _default_waived_until(self):
        return welfare_today(self).replace(day=1) - datetime.timedelta(days=1)

    @api.depends("member_id", "waived_until")
    def _compute_display_name(self):
        for waiver in self:
            waiver.display_name = self.env._(
                "Arrears waiver of %(member)s up to %(date)s",
                member=waiver.member_id.name or "",
                date=waiver.waived_until or "",
            )

    # ------------------------------------------------------------------
    # Workflow guard
    # ------------------------------------------------------------------
    @api.model
    def _get_workflow_fields(self):
        """The decision and its figures: set by the approval only."""
        return super()._get_workflow_fields() | {
            "paid_until_before",
            "months_waived",
            "amount_waived",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if any(waiver.state != "draft" for waiver in self):
            # a decision is kept as it was taken
            guarded |= set(vals) & {"member_id", "waived_until", "reason", "meeting_id"}
        return guarded

    def _workflow_unlink_guarded(self):
        return self.filtered(lambda waiver: waiver.state != "draft")

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_approve(self):
        """The committee waives the arrears: the member counts as covered up to
        ``waived_until``, and the arrears ladder is updated at once."""
        self.env["welfare.member"]._check_committee()
        self._request_check_open(
            lambda names: self.env._("Only draft waivers can be approved.")
        )
        today = welfare_today(self)
        for waiver in self:
            member = waiver.member_id
            if not waiver.meeting_id:
                raise UserError(
                    self.env._(
                        "Name the committee meeting that decided to waive the "
                        "arrears of %(member)s.",
                        member=member.display_name,
                    )
                )
            if not (waiver.reason or "").strip():
                raise UserError(self.env._("Give the reason for waiving the arrears."))
            if waiver.waived_until > today:
                raise UserError(
                    self.env._(
                        "Arrears are waived up to a day that has come, not "
                        "%(date)s: contributions to come are paid.",
                        date=waiver.waived_until,
                    )
                )
            if member.state not in ("active", "grace", "suspended", "terminated"):
                raise UserError(
                    self.env._(
                        "%(member)s is not a member whose arrears can be waived.",
                        member=member.display_name,
                    )
                )
            before = member.paid_until
            last = before or (
                member.join_date and member.join_date - datetime.timedelta(days=1)
            )
            if not last or waiver.waived_until <= last:
                raise UserError(
                    self.env._(
                        "%(member)s owes nothing up to %(date)s: there is nothing "
                        "to waive.",
                        member=member.display_name,
                        date=waiver.waived_until,
                    )
                )
            scheme = member.fund_id.contribution_scheme_id
            amount = (
                periods.price(
                    last + datetime.timedelta(days=1),
                    waiver.waived_until,
                    scheme.amount,
                    scheme.period,
                )
                if scheme
                else 0.0
            )
            waiver._request_decide(
                "approved",
                paid_until_before=before,
                months_waived=arrears.months_in_arrears(
                    before, member.join_date, waiver.waived_until
                ),
                amount_waived=amount,
            )
            # the waiver covers the days as a payment would
            member._workflow_write({"paid_until": waiver.waived_until})
            member._bulk_log_note(
                self.env._(
                    "Arrears up to %(date)s waived by the committee (%(meeting)s). "
                    "Reason: %(reason)s",
                    date=waiver.waived_until,
                    meeting=waiver.meeting_id.display_name,
                    reason=waiver.reason,
                )
            )
        self.member_id._update_arrears(today)
        return True

    def action_cancel(self):
        self._request_check_open(
            lambda names: self.env._(
                "An approved waiver is the committee's decision: it is kept, "
                "never cancelled."
            )
        )
        self._workflow_write({"state": "cancelled"})
        return True


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    waiver_ids = fields.One2many(
        "welfare.arrears.waiver",
        "member_id",
        string="Arrears Waivers",
        readonly=True,
        copy=False,
    )

    def _arrears_left(self, today=None):
        """{member: months in arrears} of the members the scheme would not
        leave active: those whose arrears were neither paid nor waived."""
        today = today or welfare_today(self)
        left = {}
        for member in self:
            scheme = member.fund_id.contribution_scheme_id
            months = arrears.months_in_arrears(
                member.paid_until, member.join_date, today
            )
            if scheme and (
                arrears.ladder_state(
                    months,
                    scheme.grace_months,
                    scheme.suspend_months,
                    scheme.terminate_months,
                )
                != "active"
            ):
                left[member] = months
        return left

    def action_new_waiver(self):
        """A draft waiver of this member's arrears, for the committee."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Waive Arrears"),
            "res_model": "welfare.arrears.waiver",
            "view_mode": "form",
            "target": "current",
            "context": {"default_member_id": self.id},
        }
