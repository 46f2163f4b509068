import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PortalCase

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@tagged("post_install", "-at_install")
class TestClaimRequest(PortalCase):
    """A member asks for a benefit from their phone; the office gets a draft."""

    def _csrf(self, url):
        page = self.url_open(url, timeout=60)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]

    def _claims(self, member):
        return self.env["welfare.claim"].search([("member_id", "=", member.id)])

    def test_request_arrives_as_draft_claim_with_documents_and_todo(self):
        self.authenticate("por_member_a", "por_member_a")
        url = f"/my/welfare/{self.member_a.id}/claim/new"
        event = self.today - datetime.timedelta(days=2)
        response = self.url_open(
            url,
            data={
                "csrf_token": self._csrf(url),
                "benefit_type_id": str(self.benefit.id),
                "event_date": event.isoformat(),
                "description": "ภรรยาคลอดบุตรที่โรงพยาบาลอำเภอ",
            },
            files=[
                ("documents", ("สูติบัตร.pdf", PDF, "application/pdf")),
                ("documents", ("รูปถ่าย.png", PNG, "image/png")),
            ],
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        claim = self._claims(self.member_a)
        self.assertEqual(len(claim), 1)
        self.assertTrue(
            response.url.endswith(f"/my/welfare/claim/{claim.id}?message=sent")
        )
        self.assertEqual(claim.state, "draft")
        self.assertEqual(claim.benefit_type_id, self.benefit)
        self.assertEqual(claim.event_date, event)
        self.assertEqual(
            sorted(claim.attachment_ids.mapped("name")), ["รูปถ่าย.png", "สูติบัตร.pdf"]
        )
        self.assertEqual(
            set(claim.attachment_ids.mapped("mimetype")),
            {"application/pdf", "image/png"},
        )
        activity = claim.activity_ids
        self.assertEqual(activity.user_id, self.officer)
        note = claim.message_ids.filtered(
            lambda m: m.author_id == self.member_a.partner_id
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(len(note.attachment_ids), 2)
        # the member follows it on their claim's page
        self.assertIn(claim.name, response.text)

    def test_health_documents_refused_without_health_consent(self):
        self.assertFalse(self.member_a.health_consent)
        self.authenticate("por_member_a", "por_member_a")
        url = f"/my/welfare/{self.member_a.id}/claim/new"
        response = self.url_open(
            url,
            data={
                "csrf_token": self._csrf(url),
                "benefit_type_id": str(self.health_benefit.id),
                "event_date": self.today.isoformat(),
                "description": "นอนโรงพยาบาล 3 คืน",
                "health_details": "ไข้เลือดออก",
            },
            files=[("documents", ("ใบรับรองแพทย์.pdf", PDF, "application/pdf"))],
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_welfare_error", response.text)
        # the form is shown again with what the member typed
        self.assertIn("นอนโรงพยาบาล 3 คืน</textarea>", response.text)
        self.assertFalse(self._claims(self.member_a))
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "welfare.claim"), ("name", "=", "ใบรับรองแพทย์.pdf")]
            )
        )

    def test_health_claim_without_consent_is_sent_to_the_office(self):
        # what happened in a hospital claim is health data: without consent
        # the member is told to consent or to ask the office, nothing is kept
        member = self.member_a.with_user(self.user_a)
        with self.assertRaisesRegex(UserError, "consent to keep health data"):
            member._portal_file_claim(
                self.health_benefit.id, self.today, "นอนโรงพยาบาล 2 คืน", units=2
            )
        self.assertFalse(self._claims(self.member_a))

    def test_health_details_kept_with_health_consent(self):
        self.member_a.write({"health_consent": True, "health_consent_date": self.today})
        member = self.member_a.with_user(self.user_a)
        claim = member._portal_file_claim(
            self.health_benefit.id,
            self.today,
            "นอนโรงพยาบาล 2 คืน",
            files=[("ใบรับรองแพทย์.pdf", "application/pdf", PDF)],
            health_details="ไข้เลือดออก โรงพยาบาลร้อยเอ็ด",
            units=2,
        )
        claim = claim.sudo()
        self.assertEqual(claim.health_details, "ไข้เลือดออก โรงพยาบาลร้อยเอ็ด")
        self.assertEqual(claim.attachment_ids.mapped("name"), ["ใบรับรองแพทย์.pdf"])
        # the member does not read the health documents back through RPC
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.user_a).search(
                [("res_model", "=", "welfare.claim"), ("res_id", "=", claim.id)]
            )

    def test_benefit_of_another_fund_refused(self):
        member = self.member_a.with_user(self.user_a)
        with self.assertRaises(UserError):
            member._portal_file_claim(self.other_benefit.id, self.today, "ขอรับ")
        self.assertFalse(self._claims(self.member_a))

    def test_event_in_the_future_refused(self):
        member = self.member_a.with_user(self.user_a)
        with self.assertRaises(UserError):
            member._portal_file_claim(
                self.benefit.id, self.today + datetime.timedelta(days=1), "ขอรับ"
            )
        self.assertFalse(self._claims(self.member_a))

    def test_other_files_than_photos_and_pdf_refused(self):
        member = self.member_a.with_user(self.user_a)
        with self.assertRaises(UserError):
            member._portal_file_claim(
                self.benefit.id,
                self.today,
                "ขอรับ",
                files=[("script.html", "text/html", b"<script>alert(1)</script>")],
            )
        self.assertFalse(self._claims(self.member_a))

    def test_second_request_for_the_same_event_refused(self):
        member = self.member_a.with_user(self.user_a)
        member._portal_file_claim(self.benefit.id, self.today, "ขอรับครั้งแรก")
        with self.assertRaises(UserError):
            member._portal_file_claim(self.benefit.id, self.today, "ขอรับซ้ำ")
        self.assertEqual(len(self._claims(self.member_a)), 1)
