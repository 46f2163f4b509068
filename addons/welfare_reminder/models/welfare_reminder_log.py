import logging

import requests

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.models.welfare_contribution import PAYING_STATES

from ..lib import schedule

_logger = logging.getLogger(__name__)

LINE_PUSH_URL = "https://api.line.me/v2/bot/message/push"
LINE_URL_PARAM = "welfare_reminder.line_push_url"
BATCH_SIZE = 100
REASONS = [
    ("grace", "Before Grace"),
    ("suspension", "Before Suspension"),
    ("collection", "Before a Collection Day"),
]
#: the states a member must still be in for each arrears reminder
REASON_STATES = {"grace": ("active",), "suspension": ("active", "grace")}
LINE_STATES = [
    ("sending", "Not Confirmed: Check LINE"),
    ("sent", "Sent"),
    ("failed", "Failed"),
]


class WelfareReminderLog(models.Model):
    """One reminder of one member for one reason and day: sent once."""

    _name = "welfare.reminder.log"
    _description = "Member Reminder"
    _inherit = ["welfare.workflow.guard.mixin", "welfare.fund.owned.mixin"]
    _order = "id desc"

    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    reason = fields.Selection(
        REASONS,
        required=True,
        readonly=True,
    )
    due_date = fields.Date(
        string="Day",
        required=True,
        readonly=True,
        help="The day the member would fall into grace or suspension, or the "
        "collection day.",
    )
    channels = fields.Char(
        string="Sent By",
        readonly=True,
    )
    note = fields.Char(
        readonly=True,
    )
    line_state = fields.Selection(
        LINE_STATES,
        string="LINE",
        readonly=True,
        copy=False,
        help="A LINE push is recorded before it is made and confirmed after "
        "LINE answers. A reminder left unconfirmed (the job stopped while "
        "pushing) is never pushed again by the job: look in the fund's LINE "
        "Official Account chat whether the member received it.",
    )

    _sql_constraints = [
        (
            "member_reason_day_uniq",
            "unique(member_id, reason, due_date)",
            "A member is reminded once for each reason and day.",
        ),
    ]

    @api.model
    def _get_workflow_fields(self):
        """Everything: reminders are written by the sending job only."""
        return super()._get_workflow_fields() | {
            "member_id",
            "fund_id",
            "reason",
            "due_date",
            "channels",
            "note",
            "line_state",
        }

    def _workflow_unlink_guarded(self):
        return self

    # ------------------------------------------------------------------
    # What is due
    # ------------------------------------------------------------------
    @api.model
    def _reminder_candidates(self, today):
        """[(member id, reason, day)] due today, not yet sent, in a stable order."""
        Fund = self.env["welfare.fund"]
        funds = Fund.search(
            [
                "|",
                "|",
                ("reminder_email", "=", True),
                ("reminder_sms", "=", True),
                ("reminder_line", "=", True),
            ]
        )
        if not funds:
            return []
        days_of = {fund.id: fund.reminder_days_before for fund in funds}
        Member = self.env["welfare.member"].with_context(active_test=False)
        keys = []
        # before grace and suspension: read once, computed in Python
        members = Member.search(
            [("fund_id", "in", funds.ids), ("state", "in", ("active", "grace"))]
        )
        for member in members:
            scheme = member.fund_id.contribution_scheme_id
            if not scheme:
                continue
            for reason, months in (
                ("grace", scheme.grace_months),
                ("suspension", scheme.suspend_months),
            ):
                if member.state not in REASON_STATES[reason]:
                    continue
                day = schedule.threshold_day(
                    member.paid_until, member.join_date, months
                )
                if schedule.is_due(day, today, days_of[member.fund_id.id]):
                    keys.append((member.id, reason, day))
        # before each open collection day: the paying members of its village
        collections = self.env["welfare.collection"].search(
            [("fund_id", "in", funds.ids), ("state", "=", "open"), ("date", ">", today)]
        )
        for collection in collections:
            if not schedule.is_due(
                collection.date, today, days_of[collection.fund_id.id]
            ):
                continue
            domain = [
                ("fund_id", "=", collection.fund_id.id),
                ("state", "in", PAYING_STATES),
            ]
            if collection.village_no:
                domain.append(("village_no", "=", collection.village_no))
            keys.extend(
                (member_id, "collection", collection.date)
                for member_id in Member.search(domain).ids
            )
        keys = sorted(set(keys))
        if not keys:
            return []
        # those already sent, in one query
        self.env.cr.execute(
            SQL(
                "SELECT member_id, reason, due_date FROM welfare_reminder_log "
                "WHERE member_id IN %s",
                tuple({key[0] for key in keys}),
            )
        )
        sent = set(self.env.cr.fetchall())
        return [key for key in keys if key not in sent]

    # ------------------------------------------------------------------
    # Sending
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self, batch_size=BATCH_SIZE):
        """Scheduled job: one batch of reminders per call.

        Odoo's scheduler commits after each call and calls again while
        ``_notify_progress`` reports work remaining, so a batch is sent and
        recorded together; the unique (member, reason, day) key of the log
        keeps a reminder from going out twice, whatever stops the job.
        E-mails and SMS are queued in the batch's transaction; LINE pushes,
        which cannot be taken back, are made once the batch is committed
        (see ``_push_line_after_commit``). Returns the number of reminders
        still to send.
        """
        today = welfare_today(self)
        todo = self._reminder_candidates(today)
        batch, rest = todo[:batch_size], todo[batch_size:]
        if batch:
            self._send_batch(batch, today)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=len(rest))
        _logger.info("Reminders sent: %s, still to send: %s", len(batch), len(rest))
        return len(rest)

    @api.model
    def _send_batch(self, keys, today):
        members = self.env["welfare.member"].browse({key[0] for key in keys})
        self.env.flush_all()
        # the log rows first: a row another run holds is skipped
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO welfare_reminder_log
                       (member_id, fund_id, company_id, reason, due_date,
                        create_uid, create_date, write_uid, write_date)
                SELECT k.member_id, m.fund_id, m.company_id, k.reason, k.due_date,
                       %(uid)s, now() at time zone 'UTC', %(uid)s,
                       now() at time zone 'UTC'
                  FROM (SELECT unnest(%(members)s::int[]) AS member_id,
                               unnest(%(reasons)s::varchar[]) AS reason,
                               unnest(%(days)s::date[]) AS due_date) k
                  JOIN welfare_member m ON m.id = k.member_id
                ON CONFLICT (member_id, reason, due_date) DO NOTHING
                RETURNING id
                """,
                uid=self.env.uid,
                members=[key[0] for key in keys],
                reasons=[key[1] for key in keys],
                days=[key[2] for key in keys],
            )
        )
        logs = self.browse([row[0] for row in self.env.cr.fetchall()])
        channels_of = members.fund_id._reminder_channels()
        amounts = {}
        pushes = []
        for log in logs:
            member = log.member_id
            if member.id not in amounts:
                amounts.update(member._proposed_amounts(log.due_date))
            sent, notes, line_text = log._send(
                channels_of[member.fund_id.id], amounts[member.id]
            )
            log._workflow_write(
                {
                    "channels": ", ".join(sent) or False,
                    "note": "; ".join(notes)[:250] or False,
                    "line_state": "sending" if line_text else False,
                }
            )
            if line_text:
                pushes.append((log.id, line_text))
        if pushes:
            # pushed only once the rows saying "sending" are committed: a batch
            # that fails is rolled back before anything reached LINE
            self.env.cr.postcommit.add(lambda: self._push_line_after_commit(pushes))
        return logs

    def _push_line_after_commit(self, pushes):
        """Push the LINE reminders of a committed batch, each confirmed in a
        transaction of its own: ``pushes`` is [(log id, text)].

        A push whose confirmation is lost (the server stops, the database
        fails) leaves its row "sending": the job never pushes it again, the
        officer sees it unconfirmed and checks LINE.
        """
        for log_id, text in pushes:
            try:
                with self.env.registry.cursor() as cr:
                    log = self.with_env(self.env(cr=cr)).browse(log_id)
                    member = log.member_id.sudo()
                    error = log._line_push(member, text)
                    log._line_confirm(member, text, error)
            except Exception:
                _logger.exception(
                    "LINE reminder %s not confirmed: left for the officer to check",
                    log_id,
                )

    def _line_confirm(self, member, text, error):
        """Record what LINE answered on the reminder and the member's chatter."""
        self.ensure_one()
        if error:
            member.message_post(
                body=self.env._("LINE reminder not delivered: %(error)s", error=error),
                subtype_xmlid="mail.mt_note",
            )
            vals = {
                "line_state": "failed",
                "note": "; ".join(filter(None, [self.note, error]))[:250],
            }
        else:
            member.message_post(
                body=self.env._("LINE reminder sent: %(text)s", text=text),
                subtype_xmlid="mail.mt_note",
            )
            vals = {
                "line_state": "sent",
                "channels": ", ".join(filter(None, [self.channels, "line"])),
            }
        self._workflow_write(vals)

    def _template_context(self, amount):
        self.ensure_one()
        fmt = self.env["welfare.format"]
        return {
            "welfare_reason": self.reason,
            "welfare_day": fmt.thai_date(self.due_date),
            "welfare_amount": f"{amount:,.2f}",
        }

    def _send(self, channels, amount):
        """Send this reminder by each channel the fund and member allow.

        Returns (channels used, notes, text to push to LINE or None). A
        member without a channel gets nothing; a channel that fails is noted
        and does not stop the others. LINE is pushed after the batch is
        committed.
        """
        self.ensure_one()
        member = self.member_id.sudo()
        if not member._welfare_has_consent("contact"):
            # PDPA: a member who did not consent to be contacted (or withdrew
            # the consent) is reached by no channel; the log says why
            return (
                [],
                [self.env._("No consent to be contacted for reminders: nothing sent.")],
                None,
            )
        lang = member.lang or self.env.lang or "th_TH"
        ctx = dict(self._template_context(amount), lang=lang)
        sent, notes = [], []
        if "email" in channels and member.email and not member.reminder_optout_email:
            template = self.env.ref(f"welfare_reminder.mail_template_{self.reason}")
            template = template.with_context(**ctx)
            template.send_mail(
                member.id, email_layout_xmlid="mail.mail_notification_light"
            )
            subject = template._render_field("subject", member.ids)[member.id]
            body = template._render_field("body_html", member.ids)[member.id]
            member.message_post(
                body=body,
                subject=subject,
                subtype_xmlid="mail.mt_note",
            )
            sent.append("email")
        text_template = self.env.ref(f"welfare_reminder.sms_template_{self.reason}")
        text = line_text = None
        number = member._reminder_number()
        if "sms" in channels and number and not member.reminder_optout_sms:
            text = text_template.with_context(**ctx)._render_field(
                "body", member.ids, compute_lang=True
            )[member.id]
            member._message_sms(
                text, partner_ids=[], sms_numbers=[number], put_in_queue=True
            )
            sent.append("sms")
        if (
            "line" in channels
            and member.line_user_id
            and not member.reminder_optout_line
        ):
            if text is None:
                text = text_template.with_context(**ctx)._render_field(
                    "body", member.ids, compute_lang=True
                )[member.id]
            line_text = text
        if not sent and not notes and not line_text:
            notes.append(self.env._("No channel: nothing sent."))
        return sent, notes, line_text

    def _line_push(self, member, text):
        """Push ``text`` to the member's LINE; returns an error text or None."""
        # sudo: the fund's channel token is read to call LINE, never shown
        token = member.fund_id.sudo().line_channel_token
        url = (
            self.env["ir.config_parameter"].sudo().get_param(LINE_URL_PARAM)
            or LINE_PUSH_URL
        )
        try:
            response = requests.post(
                url,
                json={
                    "to": member.line_user_id,
                    "messages": [{"type": "text", "text": text[:5000]}],
                },
                headers={"Authorization": f"Bearer {token}"},
                timeout=10,
            )
        except requests.RequestException as error:
            return self.env._("LINE could not be reached (%(error)s)", error=error)
        if response.status_code != 200:
            return self.env._(
                "LINE answered %(status)s: %(body)s",
                status=response.status_code,
                body=response.text[:200],
            )
        return None
