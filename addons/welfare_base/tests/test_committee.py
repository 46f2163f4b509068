from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WelfareBaseCase


@tagged("post_install", "-at_install")
class TestCommittee(WelfareBaseCase):
    def _seat(self, partner, role, start, end=None, fund=None):
        return self.env["welfare.fund.committee"].create(
            {
                "fund_id": (fund or self.fund_a).id,
                "partner_id": partner.id,
                "role": role,
                "date_start": start,
                "date_end": end,
            }
        )

    def test_two_chairs_at_once_are_refused(self):
        self._seat(self.partner, "chair", date(2024, 1, 1), date(2027, 12, 31))
        with self.assertRaises(ValidationError):
            self._seat(self.partner2, "chair", date(2025, 6, 1), date(2028, 5, 31))

    def test_open_ended_chair_blocks_a_later_chair(self):
        self._seat(self.partner, "chair", date(2024, 1, 1))
        with self.assertRaises(ValidationError):
            self._seat(self.partner2, "chair", date(2030, 1, 1))

    def test_consecutive_chairs_are_allowed(self):
        self._seat(self.partner, "chair", date(2020, 1, 1), date(2023, 12, 31))
        seat = self._seat(self.partner2, "chair", date(2024, 1, 1))
        self.assertEqual(self.fund_a.chair_id, seat.partner_id)

    def test_chairs_of_two_funds_do_not_clash(self):
        self._seat(self.partner, "chair", date(2024, 1, 1))
        self._seat(self.partner2, "chair", date(2024, 1, 1), fund=self.fund_b)
        self.assertEqual(self.fund_b.chair_id, self.partner2)

    def test_several_members_and_one_chair(self):
        self._seat(self.partner, "chair", date(2024, 1, 1))
        self._seat(self.partner2, "member", date(2024, 1, 1))
        self._seat(self.partner2, "treasurer", date(2024, 1, 1))
        self.assertEqual(self.fund_a.committee_count, 3)

    def test_term_ending_before_it_starts_is_refused(self):
        with self.assertRaises(ValidationError):
            self._seat(self.partner, "member", date(2024, 1, 1), date(2023, 1, 1))

    def test_past_term_is_not_current(self):
        seat = self._seat(self.partner, "member", date(2019, 1, 1), date(2020, 1, 1))
        self.assertFalse(seat.is_current)
        current = self.env["welfare.fund.committee"].search(
            [("fund_id", "=", self.fund_a.id), ("is_current", "=", True)]
        )
        self.assertNotIn(seat, current)

    def test_meeting_counts_attendees_and_minutes(self):
        meeting = self.env["welfare.fund.meeting"].create(
            {
                "fund_id": self.fund_a.id,
                "name": "ประชุมใหญ่",
                "kind": "general_assembly",
                "attendee_ids": [(6, 0, (self.partner | self.partner2).ids)],
            }
        )
        self.assertEqual(meeting.attendee_count, 2)
        self.assertFalse(meeting.has_minutes)
        meeting.minutes = "<p>มติที่ประชุม</p>"
        self.assertTrue(meeting.has_minutes)
        meeting.attendee_count = 80
        self.assertEqual(meeting.attendee_count, 80)

    def test_new_meeting_proposes_the_fund_of_the_current_company(self):
        Meeting = self.env["welfare.fund.meeting"].with_company(self.fund_b.company_id)
        self.assertEqual(Meeting.default_get(["fund_id"])["fund_id"], self.fund_b.id)
        meeting = Meeting.with_context(default_fund_id=self.fund_a.id).create(
            {"name": "ประชุมกองทุน ก"}
        )
        self.assertEqual(meeting.fund_id, self.fund_a)
