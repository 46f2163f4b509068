"""A member's lifecycle: approval, resignation, death, termination,
reinstatement, and the arrears that move a member along the ladder
active → grace → suspended → terminated (and back on payment).

The arithmetic lives in ``lib/arrears.py`` and ``lib/periods.py``; the
methods here apply it to many members at once and log each move in their
chatter.
"""

import logging

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import age_bands, arrears, periods

_logger = logging.getLogger(__name__)

ARREARS_BATCH = 5000


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env)).get(
            state, state
        )

    def _set_state(self, new_state, reason):
        """Move the members to ``new_state`` and log the reason in their chatter.

        Works on many members at once: one write per previous state and one
        batch of chatter notes.
        """
        members = self.filtered(lambda m: m.state != new_state)
        if not members:
            return True
        today = welfare_today(self)
        new_label = self._state_label(new_state)
        bodies = {}
        for old_state in set(members.mapped("state")):
            group = members.filtered(lambda m, s=old_state: m.state == s)
            body = self.env._(
                "Status: %(old)s → %(new)s. Reason: %(reason)s",
                old=self._state_label(old_state),
                new=new_label,
                reason=reason or "-",
            )
            bodies.update(dict.fromkeys(group.ids, body))
            group.with_context(mail_notrack=True)._workflow_write(
                {"state": new_state, "state_date": today}
            )
        members._bulk_log_notes(bodies)
        return True

    def _check_committee(self):
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise UserError(
                self.env._("Only the fund committee may approve or reinstate members.")
            )

    def action_approve(self):
        self._check_committee()
        not_applicants = self.filtered(lambda m: m.state != "applicant")
        if not_applicants:
            raise UserError(
                self.env._(
                    "Only applicants can be approved: %(members)s.",
                    members=", ".join(not_applicants.mapped("display_name")),
                )
            )
        today = welfare_today(self)
        for member in self:
            member._workflow_write(
                {
                    "approved_by_id": self.env.user.id,
                    "approved_date": today,
                    "join_date": member.join_date or today,
                }
            )
        self._set_state(
            "active",
            self.env._("approved by %(user)s", user=self.env.user.name),
        )
        self._update_arrears(today)
        return True

    def action_resign(self, reason):
        self._check_reason(reason)
        ended = self.filtered(lambda m: m.state in ("resigned", "deceased"))
        if ended:
            raise UserError(
                self.env._(
                    "%(members)s already left the fund.",
                    members=", ".join(ended.mapped("display_name")),
                )
            )
        self._workflow_write({"resign_date": welfare_today(self)})
        return self._set_state("resigned", reason)

    def action_mark_deceased(self, death_date, reason):
        self._check_reason(reason)
        if not death_date:
            raise UserError(self.env._("Give the date of death."))
        self._workflow_write({"death_date": death_date})
        return self._set_state("deceased", reason)

    def action_terminate(self, reason):
        self._check_reason(reason)
        return self._set_state("terminated", reason)

    def action_reinstate(self, reason, payment_vals=None):
        """The committee brings a suspended or terminated member back.

        The arrears must be settled: paid, or waived by the committee
        (``welfare.arrears.waiver``): a member reinstated with the arrears
        still owed would be moved back along the ladder by the next arrears
        run or the first partial payment. A terminated member pays no more
        contributions, so the payment of the arrears may come with the
        reinstatement: ``payment_vals`` (amount, date, payment method) is
        recorded and confirmed for each member as they are reinstated, and
        the whole is refused when it does not cover the arrears.
        """
        self._check_committee()
        self._check_reason(reason)
        wrong = self.filtered(
            lambda m: m.state not in ("grace", "suspended", "terminated")
        )
        if wrong:
            raise UserError(
                self.env._(
                    "Only members in grace, suspended or terminated can be "
                    "reinstated: %(members)s.",
                    members=", ".join(wrong.mapped("display_name")),
                )
            )
        if payment_vals and payment_vals.get("amount"):
            # the reinstatement and its payment stand or fall together: a
            # refusal below rolls both back
            self._set_state("active", reason)
            self.env["welfare.contribution"].create(
                [dict(payment_vals, member_id=member.id) for member in self]
            ).action_confirm()
        owing = self._arrears_left()
        if owing:
            raise UserError(
                self.env._(
                    "%(members)s still owe contributions: record the payment of "
                    "the arrears, or have the committee waive them, before "
                    "reinstating.",
                    members=", ".join(
                        self.env._(
                            "%(member)s (%(months)s months)",
                            member=member.display_name,
                            months=months,
                        )
                        for member, months in owing.items()
                    ),
                )
            )
        self._set_state("active", reason)
        self._update_arrears()
        return True

    def _check_reason(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for this change of status."))

    def action_open_status_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_member_status_wizard_action"
        )
        action["context"] = {
            "default_member_ids": self.ids,
            "default_action": self.env.context.get("status_action", "resign"),
        }
        return action

    # ------------------------------------------------------------------
    # Contributions and arrears
    # ------------------------------------------------------------------
    def _proposed_amounts(self, date):
        """{member id: amount to propose at a collection on ``date``}."""
        result = {}
        for member in self:
            scheme = member.fund_id.contribution_scheme_id
            if not scheme:
                result[member.id] = 0.0
                continue
            result[member.id] = periods.proposed_amount(
                member.paid_until, member.join_date, date, scheme.amount, scheme.period
            )
        return result

    def _update_arrears(self, today=None):
        """Recompute months in arrears and move members along the ladder.

        Set-based: values are computed in Python from one read of the
        members, written with one query per distinct value, and state moves
        are grouped by target state.
        """
        today = today or welfare_today(self)
        by_months = {}
        moves = {}
        for member in self:
            months = arrears.months_in_arrears(
                member.paid_until, member.join_date, today
            )
            if member.state == "applicant":
                months = 0
            if months != member.months_in_arrears:
                by_months.setdefault(months, []).append(member.id)
            scheme = member.fund_id.contribution_scheme_id
            if not scheme:
                continue
            target = arrears.next_state(
                member.state,
                months,
                scheme.grace_months,
                scheme.suspend_months,
                scheme.terminate_months,
            )
            if target != member.state:
                moves.setdefault(target, []).append(member.id)
        members = self.browse()
        for months, ids in by_months.items():
            # not tracked: without mail_notrack the chatter would register the
            # members for tracking here and, at commit, log the status moves
            # below a second time, one message and two queries per member
            members.browse(ids).with_context(mail_notrack=True)._workflow_write(
                {"months_in_arrears": months}
            )
        for target, ids in moves.items():
            group = members.browse(ids)
            if target == "active":
                reason = self.env._("arrears paid")
            else:
                reason = self.env._(
                    "%(months)s months in arrears on %(date)s",
                    months="/".join(sorted({str(m.months_in_arrears) for m in group})),
                    date=today.isoformat(),
                )
            group._set_state(target, reason)
        return moves

    @api.model
    def _cron_update_arrears(self, batch_size=ARREARS_BATCH):
        """Daily job: arrears and ages of every current member, in batches."""
        today = welfare_today(self)
        self._update_ages(today)
        self.env.cr.execute(
            "SELECT id FROM welfare_member WHERE state IN %s ORDER BY id",
            (arrears.MANAGED,),
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        cron = self.env["ir.cron"]
        done = 0
        for start in range(0, len(ids), batch_size):
            batch = self.browse(ids[start : start + batch_size])
            for company, members in batch.grouped("company_id").items():
                members.with_company(company)._update_arrears(today)
            done += len(batch)
            cron._notify_progress(done=done, remaining=len(ids) - done)
            self.env.flush_all()
            self.env.invalidate_all()
        _logger.info("Arrears updated for %s members", done)
        return True

    @api.model
    def _update_ages(self, today):
        """Ages (and bands) of members whose age changed, in one query."""
        self.flush_model(["birthdate", "age", "age_band"])
        bands = SQL(" ").join(
            SQL("WHEN ages.a <= %s THEN %s", oldest, key)
            for oldest, key in age_bands.UPPER_BANDS
        )
        self.env.cr.execute(
            SQL(
                """
            WITH ages AS (
                SELECT id, date_part('year', age(%(today)s::date, birthdate))::int AS a
                  FROM welfare_member
                 WHERE birthdate IS NOT NULL
            )
            UPDATE welfare_member m
               SET age = ages.a,
                   age_band = CASE %(bands)s ELSE %(last)s END
              FROM ages
             WHERE m.id = ages.id AND m.age IS DISTINCT FROM ages.a
            """,
                today=today,
                bands=bands,
                last=age_bands.LAST_BAND,
            )
        )
        self.invalidate_model(["age", "age_band"])
