import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class LineStandIn:
    """A local stand-in of LINE's push endpoint: records what it is sent."""

    def __init__(self, status=200):
        self.requests = []
        self.status = status
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 -- http.server's name
                size = int(self.headers.get("Content-Length", 0))
                stand_in.requests.append(
                    {
                        "path": self.path,
                        "authorization": self.headers.get("Authorization"),
                        "json": json.loads(self.rfile.read(size) or b"{}"),
                    }
                )
                self.send_response(stand_in.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v2/bot/message/push"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


class ReminderCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # LINE is pushed after the batch is committed, from cursors of its own:
        # in tests they share the test's transaction, as in Odoo's HttpCase
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)
        cls.fund = cls.env["welfare.fund"].create(
            {"name": "กองทุนทดสอบแจ้งเตือน", "code": "T-REM-1"}
        )
        cls.fund.write(
            {
                "reminder_email": True,
                "reminder_sms": True,
                "reminder_line": True,
                "reminder_days_before": 7,
                "line_channel_token": "test-channel-token",
            }
        )
        cls.fund.contribution_scheme_id.write({"amount": 30.0, "period": "month"})
        cls.today = welfare_today(cls.env["welfare.fund"])
        cls.officer = new_test_user(
            cls.env,
            login="rem_officer",
            groups="welfare_base.group_welfare_officer",
            company_id=cls.fund.company_id.id,
            company_ids=[cls.fund.company_id.id],
        )
        cls._seq = 0
        # nothing in the tests reaches LINE: each test names its stand-in
        cls.env["ir.config_parameter"].sudo().set_param(
            "welfare_reminder.line_push_url", "http://127.0.0.1:9/v2/bot/message/push"
        )

    @classmethod
    def _member(cls, days_to_grace=5, **vals):
        """An active member who falls into grace (a month behind) in about that
        many days (a day or two less at the end of a month)."""
        cls._seq += 1
        grace_day = cls.today + datetime.timedelta(days=days_to_grace)
        paid_until = grace_day - relativedelta(months=1)
        values = {
            "fund_id": cls.fund.id,
            "name": f"นางทดสอบ แจ้งเตือน{cls._seq}",
            "state": "active",
            "join_date": datetime.date(2020, 1, 1),
            "paid_until": paid_until,
            "email": f"member{cls._seq}@example.com",
            "mobile": f"08100000{cls._seq:02d}",
            "line_user_id": f"U{cls._seq:032d}",
        }
        values.update(vals)
        member = cls.env["welfare.member"]._workflow_create(values)
        if "welfare.consent" in cls.env:
            # with the personal data addon, reminders need the member's
            # consent to be contacted (recorded with the member's form)
            cls.env["welfare.consent"].create(
                {"member_id": member.id, "purpose": "contact"}
            )
        return member

    def _set_line_url(self, url):
        self.env["ir.config_parameter"].sudo().set_param(
            "welfare_reminder.line_push_url", url
        )

    def _run(self, batch_size=100):
        """One call of the job, then what its commit by the scheduler does."""
        remaining = (
            self.env["welfare.reminder.log"]
            .sudo()
            ._cron_send_reminders(batch_size=batch_size)
        )
        self._commit()
        return remaining

    def _commit(self):
        """What the scheduler's commit does after a call: the work done after
        the commit (LINE pushes) runs, in cursors of its own."""
        self.env.flush_all()
        self.env.cr.postcommit.run()
        self.env.invalidate_all()

    def _fail(self):
        """What the scheduler does when a call fails: its work is rolled back."""
        self.env.cr.postcommit.clear()
        self.env.invalidate_all()

    def _logs(self, member):
        return self.env["welfare.reminder.log"].search([("member_id", "=", member.id)])

    def _mails(self, member):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", member.partner_id.ids)]
        )

    def _sms(self, member):
        return self.env["sms.sms"].search(
            [
                ("mail_message_id.model", "=", "welfare.member"),
                ("mail_message_id.res_id", "=", member.id),
            ]
        )
