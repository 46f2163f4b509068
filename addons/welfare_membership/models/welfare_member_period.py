import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib.member_states import (
    ENDED_STATES as LEAVING_STATES,
    REJOIN_STATES,
)
from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareMemberPeriod(models.Model):
    """One period of membership of a member: from joining to leaving.

    A member who left (terminated, resigned) and comes back rejoins: a new
    period starts on the new join date, from which waiting periods are counted
    again; the earlier periods, with the member's payments and claims, stay on
    the member. Periods are made by the approval and the rejoining only.
    """

    _name = "welfare.member.period"
    _description = "Membership Period"
    _inherit = ["welfare.member.owned.mixin"]
    _order = "member_id, date_start desc, id desc"

    date_start = fields.Date(
        string="Joined",
        required=True,
    )
    date_end = fields.Date(
        string="Left",
        help="Empty for the current period.",
    )
    end_state = fields.Selection(
        [
            ("terminated", "Terminated"),
            ("resigned", "Resigned"),
            ("deceased", "Deceased"),
        ],
        string="Ended By",
    )
    paid_until = fields.Date(
        string="Paid Until at the End",
        help="How far the member's contributions reached when the period ended.",
    )
    note = fields.Text(
        string="Reason",
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Approved By",
    )
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
    )
    date_left = fields.Date(
        string="Left On",
        compute="_compute_is_current",
        help="The day the period ended: when the member left the fund.",
    )

    @api.depends("date_end", "member_id.state", "member_id.state_date")
    def _compute_is_current(self):
        for period in self:
            member = period.member_id
            left = member.state in LEAVING_STATES
            period.is_current = not period.date_end and not left
            period.date_left = period.date_end or (left and member.state_date)


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    period_ids = fields.One2many(
        "welfare.member.period",
        "member_id",
        string="Membership Periods",
        readonly=True,
        copy=False,
    )
    period_count = fields.Integer(
        string="Number of Periods",
        compute="_compute_period_count",
    )

    @api.depends("period_ids")
    def _compute_period_count(self):
        for member in self:
            member.period_count = len(member.period_ids)

    def _open_period(self, date_start, note):
        """A current period for each member, starting ``date_start``."""
        # sudo: periods are read-only for every user; this workflow of the
        # committee (approval, rejoining) writes them for these members only
        return (
            self.env["welfare.member.period"]
            .sudo()
            .create(
                [
                    {
                        "member_id": member.id,
                        "date_start": date_start or member.join_date,
                        "note": note,
                        "approved_by_id": self.env.user.id,
                    }
                    for member in self
                ]
            )
        )

    def action_approve(self):
        res = super().action_approve()
        self._open_period(False, self.env._("Membership approved."))
        return res

    def action_rejoin(self, join_date, reason):
        """The committee takes back members who left: a new membership period.

        The new period starts on ``join_date``: the member's join date becomes
        it, waiting periods of benefits are counted from it again, and nothing
        is owed from before it. The period that ended (and, for members from
        before periods were kept, the period from the first join date) is kept
        with its end, and the member's earlier payments and claims stay on
        record.
        """
        self._check_committee()
        self._check_reason(reason)
        wrong = self.filtered(lambda m: m.state not in REJOIN_STATES)
        if wrong:
            raise UserError(
                self.env._(
                    "Only members who were terminated or resigned can rejoin: "
                    "%(members)s.",
                    members=", ".join(wrong.mapped("display_name")),
                )
            )
        today = welfare_today(self)
        join_date = fields.Date.to_date(join_date) or today
        if join_date > today:
            raise UserError(self.env._("The new join date cannot be in the future."))
        for member in self:
            if join_date < (member.state_date or member.join_date or join_date):
                raise UserError(
                    self.env._(
                        "%(member)s left the fund on %(date)s: the new join "
                        "date must come after it.",
                        member=member.display_name,
                        date=member.state_date,
                    )
                )
        Period = self.env["welfare.member.period"].sudo()
        for member in self:
            # sudo: see _open_period; the period that ended is kept as it was
            periods = member.sudo().period_ids
            end_vals = {
                "date_end": member.state_date,
                "end_state": member.state,
                "paid_until": member.paid_until,
            }
            current = periods.filtered(lambda p: not p.date_end)
            if current:
                current.write(end_vals)
            elif not periods:
                # the period from before the suite kept periods
                Period.create(
                    dict(
                        end_vals,
                        member_id=member.id,
                        date_start=member.join_date or member.state_date,
                    )
                )
            member._workflow_write(
                {
                    "join_date": join_date,
                    # nothing is owed from before the new membership
                    "paid_until": join_date - datetime.timedelta(days=1),
                    "months_in_arrears": 0,
                    "approved_by_id": self.env.user.id,
                    "approved_date": today,
                    "resign_date": False,
                }
            )
        self._open_period(
            join_date,
            self.env._("Rejoined. Reason: %(reason)s", reason=reason),
        )
        self._set_state(
            "active",
            self.env._(
                "rejoined on %(date)s, a new membership period: %(reason)s",
                date=join_date.isoformat(),
                reason=reason,
            ),
        )
        self._update_arrears(today)
        return True
