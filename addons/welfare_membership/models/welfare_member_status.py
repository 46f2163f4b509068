from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.welfare_base.lib.member_states import ENDED_STATES
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from .welfare_member import STATES


class WelfareMemberStatus(models.Model):
    """One change of a member's status: from which state, to which, on which day.

    Written by the member's lifecycle (every write that changes ``state``:
    approval, the arrears job, resignation, death, termination,
    reinstatement), read by the documents that count members as they stood
    on a past day (the fund status form and the provincial summary of a
    fiscal year). Nobody writes it by hand.
    """

    _name = "welfare.member.status"
    _description = "Member Status Change"
    _order = "member_id, date, id"

    member_id = fields.Many2one(
        "welfare.member",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
    )
    date = fields.Date(
        required=True,
        index=True,
    )
    old_state = fields.Selection(
        STATES,
        string="From",
    )
    state = fields.Selection(
        STATES,
        string="To",
        required=True,
    )


class WelfareMember(models.Model):
    """The status history of members, and their counts on a past day."""

    _inherit = "welfare.member"

    status_history_ids = fields.One2many(
        "welfare.member.status",
        "member_id",
        string="Status History",
        readonly=True,
    )

    def write(self, vals):
        changed = {}
        if "state" in vals:
            changed = {
                member.id: member.state
                for member in self
                if member.state != vals["state"]
            }
        result = super().write(vals)
        if changed:
            day = fields.Date.to_date(vals.get("state_date")) or welfare_today(self)
            # sudo: the history is written by the lifecycle only; nobody holds
            # create rights on it, whoever made the change.
            self.env["welfare.member.status"].sudo().create(
                [
                    {
                        "member_id": member.id,
                        "company_id": member.company_id.id,
                        "date": day,
                        "old_state": changed[member.id],
                        "state": member.state,
                    }
                    for member in self
                    if member.id in changed
                ]
            )
        return result

    @api.model
    def _states_on(self, funds, day):
        """Every member of ``funds`` who had joined by ``day``, with their
        status on that day: ``[(member id, fund id, join date, member type,
        state)]``, in one query.

        The status is the one the latest change up to ``day`` set; before a
        member's first recorded change, the state that change left; for a
        member with no recorded change, today's state (a member who left
        counts as current until the day recorded for leaving).
        """
        self.flush_model()
        self.env["welfare.member.status"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                WITH last AS (
                    SELECT DISTINCT ON (h.member_id) h.member_id, h.state
                      FROM welfare_member_status h
                      JOIN welfare_member m ON m.id = h.member_id
                     WHERE m.fund_id = ANY(%(funds)s) AND h.date <= %(day)s
                     ORDER BY h.member_id, h.date DESC, h.id DESC
                ), first AS (
                    SELECT DISTINCT ON (h.member_id) h.member_id, h.old_state
                      FROM welfare_member_status h
                      JOIN welfare_member m ON m.id = h.member_id
                     WHERE m.fund_id = ANY(%(funds)s) AND h.date > %(day)s
                     ORDER BY h.member_id, h.date, h.id
                )
                SELECT m.id, m.fund_id, m.join_date, m.member_type,
                       CASE
                           WHEN last.member_id IS NOT NULL THEN last.state
                           WHEN first.member_id IS NOT NULL THEN first.old_state
                           WHEN m.state IN %(ended)s
                                AND COALESCE(m.death_date, m.resign_date,
                                             m.state_date) > %(day)s
                               THEN 'active'
                           ELSE m.state
                       END
                  FROM welfare_member m
                  LEFT JOIN last ON last.member_id = m.id
                  LEFT JOIN first ON first.member_id = m.id
                 WHERE m.fund_id = ANY(%(funds)s) AND m.join_date <= %(day)s
                 ORDER BY m.id
                """,
                funds=funds.ids,
                day=day,
                ended=ENDED_STATES,
            )
        )
        return self.env.cr.fetchall()
