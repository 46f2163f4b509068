import re

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestChangeRequest(PortalCase):
    """Beneficiaries are read-only on the portal: members ask the office."""

    def _send(self, subject, details):
        self.authenticate("por_member_b", "por_member_b")
        page = self.url_open(f"/my/welfare/{self.member_b.id}", timeout=60)
        self.assertIn("เด็กหญิงแก้ว ใจดี", page.text)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            f"/my/welfare/{self.member_b.id}/request",
            data={"csrf_token": csrf, "subject": subject, "details": details},
            timeout=60,
        )

    def test_member_asks_and_the_officer_gets_a_todo(self):
        response = self._send("beneficiaries", "เพิ่มนางสาวแก้วตา ใจดี ลูกสาว 50%")
        self.assertEqual(response.status_code, 200)
        request = self.member_b.change_request_ids
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.subject, "beneficiaries")
        self.assertEqual(request.activity_ids.user_id, self.officer)
        # the beneficiaries themselves are unchanged until the office acts
        self.assertEqual(
            self.member_b.beneficiary_ids.mapped("name"), ["เด็กหญิงแก้ว ใจดี"]
        )
        self.assertIn("เพิ่มนางสาวแก้วตา", response.text)

    def test_officer_marks_done_or_refuses_with_a_reason(self):
        member = self.member_b.with_user(self.user_b)
        first = member._portal_request_change("contact", "ย้ายบ้านไปหมู่ 5")
        second = member._portal_request_change("beneficiaries", "ตัดชื่อหลาน")
        first.with_user(self.officer).action_done()
        self.assertEqual(first.sudo().state, "done")
        self.assertEqual(first.sudo().decided_by_id, self.officer)
        self.assertFalse(first.sudo().activity_ids)
        with self.assertRaises(UserError):
            second.with_user(self.officer).action_refuse("")
        second.with_user(self.officer).action_refuse("ต้องมาลงชื่อที่สำนักงาน")
        self.assertEqual(second.sudo().state, "refused")
        with self.assertRaises(UserError):
            second.with_user(self.officer).action_done()
        # the member reads the answer on their page
        self.authenticate("por_member_b", "por_member_b")
        page = self.url_open(f"/my/welfare/{self.member_b.id}", timeout=60)
        self.assertIn("ต้องมาลงชื่อที่สำนักงาน", page.text)

    def test_empty_request_refused(self):
        member = self.member_b.with_user(self.user_b)
        with self.assertRaises(UserError):
            member._portal_request_change("beneficiaries", "   ")
        with self.assertRaises(UserError):
            member._portal_request_change("salary", "ขอเงินเดือน")
        self.assertFalse(self.member_b.change_request_ids)
