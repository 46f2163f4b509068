from odoo.tests import tagged

from .common import LineStandIn, ReminderCase


@tagged("post_install", "-at_install")
class TestReminderConsent(ReminderCase):
    """Reminders ask the member's consent to be contacted. The personal data
    addon (welfare_privacy) installs with the membership, so wherever reminders
    run its consent records answer."""

    def test_member_with_contact_consent_is_reminded(self):
        member = self._member()
        self.assertTrue(member._welfare_has_consent("contact"))
        with LineStandIn() as line:
            self._set_line_url(line.url)
            self._run()
        self.assertEqual(self._logs(member).channels, "email, sms, line")
        self.assertEqual(len(line.requests), 1)

    def test_member_without_contact_consent_gets_nothing_and_nothing_fails(self):
        member = self._member()
        member.consent_ids.filtered(lambda c: c.purpose == "contact").action_withdraw()
        with LineStandIn() as line:
            self._set_line_url(line.url)
            self._run()
        log = self._logs(member)
        self.assertFalse(log.channels)
        self.assertFalse(log.line_state)
        self.assertIn("No consent to be contacted", log.note)
        self.assertFalse(self._mails(member))
        self.assertFalse(self._sms(member))
        self.assertFalse(line.requests)
        # a single reminder row: the job does not try the member again
        self._run()
        self.assertEqual(len(self._logs(member)), 1)
