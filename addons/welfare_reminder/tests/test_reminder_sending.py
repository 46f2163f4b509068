import datetime
from unittest.mock import patch

from odoo.tests import tagged

from .common import LineStandIn, ReminderCase


@tagged("post_install", "-at_install")
class TestReminderSending(ReminderCase):
    def test_member_about_to_fall_into_grace_is_reminded_by_every_channel(self):
        member = self._member()
        with LineStandIn() as line:
            self._set_line_url(line.url)
            self._run()
        log = self._logs(member)
        self.assertEqual(log.reason, "grace")
        self.assertEqual(log.channels, "email, sms, line")
        mail = self._mails(member)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.fund.name, mail.subject)
        self.assertEqual(mail.state, "outgoing")
        sms = self._sms(member)
        self.assertEqual(len(sms), 1)
        self.assertIn(member.member_number, sms.body)
        self.assertEqual(len(line.requests), 1)
        request = line.requests[0]
        self.assertEqual(request["authorization"], "Bearer test-channel-token")
        self.assertEqual(request["json"]["to"], member.line_user_id)
        self.assertIn(member.member_number, request["json"]["messages"][0]["text"])
        # each message is on the member's chatter
        messages = member.message_ids
        self.assertEqual(len(messages.filtered(lambda m: m.message_type == "sms")), 1)
        self.assertTrue(messages.filtered(lambda m: mail.subject == m.subject))
        self.assertTrue(
            messages.filtered(
                lambda m: member.member_number in (m.body or "") and "LINE" in m.body
            )
        )

    def test_reminders_are_in_thai_for_thai_members(self):
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"].search(
            [("name", "=", "welfare_reminder")]
        )._update_translations(["th_TH"])
        member = self._member(lang="th_TH", line_user_id=False)
        self._run()
        self.assertIn("กรุณาชำระ", self._sms(member).body)
        self.assertIn(str(self.today.year + 543)[:2], self._sms(member).body)

    def test_second_run_sends_nothing_again(self):
        member = self._member()
        with LineStandIn() as line:
            self._set_line_url(line.url)
            self._run()
            self._run()
        self.assertEqual(len(self._logs(member)), 1)
        self.assertEqual(len(self._mails(member)), 1)
        self.assertEqual(len(self._sms(member)), 1)
        self.assertEqual(len(line.requests), 1)

    def test_opt_out_is_respected_per_channel(self):
        member = self._member(reminder_optout_sms=True, reminder_optout_line=True)
        with LineStandIn() as line:
            self._set_line_url(line.url)
            self._run()
        self.assertEqual(self._logs(member).channels, "email")
        self.assertFalse(self._sms(member))
        self.assertFalse(line.requests)

    def test_member_without_any_channel_gets_nothing_and_nothing_fails(self):
        member = self._member(email=False, mobile=False, line_user_id=False)
        self._run()
        log = self._logs(member)
        self.assertFalse(log.channels)
        self.assertTrue(log.note)
        self.assertFalse(self._mails(member) or self._sms(member))

    def test_channels_the_fund_does_not_enable_are_not_used(self):
        self.fund.write({"reminder_sms": False, "reminder_line": False})
        member = self._member()
        self._run()
        self.assertEqual(self._logs(member).channels, "email")
        self.assertFalse(self._sms(member))

    def test_line_failure_is_noted_and_other_channels_go_out(self):
        member = self._member()
        with LineStandIn(status=401) as line:
            self._set_line_url(line.url)
            self._run()
        log = self._logs(member)
        self.assertEqual(log.channels, "email, sms")
        self.assertIn("401", log.note)
        self.assertEqual(len(line.requests), 1)

    def test_member_far_from_grace_is_not_reminded_yet(self):
        member = self._member(days_to_grace=40)
        self._run()
        self.assertFalse(self._logs(member))

    def test_members_are_reminded_before_a_collection_day_of_their_village(self):
        near = self._member(days_to_grace=60, village_no="3")
        elsewhere = self._member(days_to_grace=60, village_no="4")
        collection = self.env["welfare.collection"].create(
            {
                "fund_id": self.fund.id,
                "date": self.today + datetime.timedelta(days=2),
                "village_no": "3",
            }
        )
        self._set_line_url("http://127.0.0.1:9/unused")
        self.fund.reminder_line = False
        self._run()
        log = self._logs(near)
        self.assertEqual(log.reason, "collection")
        self.assertEqual(log.due_date, collection.date)
        self.assertFalse(self._logs(elsewhere))

    def test_job_works_in_batches_and_resumes_where_it_stopped(self):
        self.fund.reminder_line = False
        members = self.env["welfare.member"].browse(
            [self._member().id for _i in range(5)]
        )
        Log = self.env["welfare.reminder.log"]
        self.assertEqual(self._run(batch_size=2), 3)
        self.assertEqual(Log.search_count([("member_id", "in", members.ids)]), 2)
        self.assertEqual(self._run(batch_size=2), 1)
        self.assertEqual(self._run(batch_size=2), 0)
        self.assertEqual(self._run(batch_size=2), 0)
        self.assertEqual(Log.search_count([("member_id", "in", members.ids)]), 5)
        for member in members:
            self.assertEqual(len(self._mails(member)), 1)


@tagged("post_install", "-at_install")
class TestLinePushOnce(ReminderCase):
    """A LINE push cannot be taken back: it is made once the batch that
    records it is committed, and never made twice."""

    def _log_model(self):
        return type(self.env["welfare.reminder.log"])

    def test_a_batch_that_fails_reaches_line_only_on_the_run_that_commits(self):
        member = self._member()
        Log = self._log_model()
        send_batch = Log._send_batch

        def send_then_fail(log_model, keys, today):
            send_batch(log_model, keys, today)
            raise RuntimeError("the batch fails after sending")

        with LineStandIn() as line:
            self._set_line_url(line.url)
            with (
                patch.object(Log, "_send_batch", send_then_fail),
                self.assertRaises(RuntimeError),
                self.cr.savepoint(),
            ):
                self.env["welfare.reminder.log"].sudo()._cron_send_reminders()
            self._fail()
            self.assertFalse(line.requests)
            self.assertFalse(self._logs(member))
            self._run()
            self._run()
        self.assertEqual(len(line.requests), 1)
        log = self._logs(member)
        self.assertEqual(log.line_state, "sent")
        self.assertEqual(log.channels, "email, sms, line")

    def test_a_push_left_unconfirmed_is_never_pushed_again(self):
        member = self._member()
        Log = self._log_model()
        with LineStandIn() as line:
            self._set_line_url(line.url)
            with (
                patch.object(
                    Log, "_line_confirm", side_effect=RuntimeError("database gone")
                ),
                self.assertLogs(
                    "odoo.addons.welfare_reminder.models.welfare_reminder_log",
                    level="ERROR",
                ),
            ):
                self._run()
            self.assertEqual(len(line.requests), 1)
            self._run()
        # pushed once; the officer sees it unconfirmed and checks LINE
        self.assertEqual(len(line.requests), 1)
        log = self._logs(member)
        self.assertEqual(log.line_state, "sending")
        self.assertEqual(log.channels, "email, sms")
        labels = dict(log._fields["line_state"]._description_selection(self.env))
        self.assertIn("Check LINE", labels[log.line_state])


@tagged("post_install", "-at_install")
class TestReminderDemo(ReminderCase):
    def test_the_demo_job_runs_clean_without_line(self):
        demo_fund = self.env.ref("welfare_base.welfare_fund_rop_mueang_demo")
        self.assertNotIn("line", demo_fund._reminder_channels()[demo_fund.id])
        self._run()
        logs = self.env["welfare.reminder.log"].search([("fund_id", "=", demo_fund.id)])
        self.assertFalse(logs.filtered("line_state"))
        self.assertFalse(logs.filtered(lambda log: "LINE" in (log.note or "")))
