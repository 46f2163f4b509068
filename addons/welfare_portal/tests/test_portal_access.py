import base64
import json

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.welfare_base.tests.report_reader import normalize, pdf_text

from ..controllers.portal import RECEIPT_REPORT
from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalAccess(PortalCase):
    """A member's login sees their own membership, and nobody else's."""

    def _get(self, url, **kw):
        return self.url_open(url, timeout=60, **kw)

    def test_member_page_shows_own_status_and_payments(self):
        self.authenticate("por_member_a", "por_member_a")
        response = self._get("/my/welfare", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/welfare/{self.member_a.id}")
        )
        page = self._get(f"/my/welfare/{self.member_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.member_a.member_number, page.text)
        self.assertIn(self.pay_a.receipt_number, page.text)
        self.assertNotIn(self.pay_b.receipt_number, page.text)
        # the place where the payment addon puts its block
        self.assertIn('id="welfare_portal_payment"', page.text)
        # paid until, in Buddhist-era years
        be_year = str(self.member_a.paid_until.year + 543)
        self.assertIn(be_year, page.text)

    def test_other_members_records_are_not_found(self):
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "ใบรับรองแพทย์.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 secret"),
                    "res_model": "welfare.claim",
                    "res_id": self.claim_b.id,
                }
            )
        )
        self.authenticate("por_member_a", "por_member_a")
        urls = [
            f"/my/welfare/{self.member_b.id}",
            f"/my/welfare/{self.member_c.id}",
            f"/my/welfare/{self.member_b.id}/card",
            f"/my/welfare/{self.member_c.id}/card",
            f"/my/welfare/{self.member_b.id}/claim/new",
            f"/my/welfare/receipt/{self.pay_b.id}",
            f"/my/welfare/receipt/{self.pay_c.id}",
            f"/my/welfare/receipt/{self.pay_b.id}?download=1",
            f"/my/welfare/claim/{self.claim_b.id}",
            f"/my/welfare/claim/{self.claim_c.id}",
            "/my/welfare/99999999",
            "/my/welfare/receipt/99999999",
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self._get(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("สมหญิง", response.text)
                self.assertNotIn("สมศักดิ์", response.text)
        # the documents of another member's claim are not served either
        response = self._get(f"/web/content/{attachment.id}?download=true")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(b"secret", response.content)

    def test_change_request_on_another_member_is_refused(self):
        self.authenticate("por_member_a", "por_member_a")
        Request = self.env["welfare.member.change.request"]
        response = self.url_open(
            f"/my/welfare/{self.member_b.id}/request",
            data={
                "subject": "beneficiaries",
                "details": "เพิ่มผู้รับผลประโยชน์",
                "csrf_token": self._csrf_token(),
            },
            timeout=60,
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(Request.search([("member_id", "=", self.member_b.id)]))

    def _csrf_token(self):
        page = self._get(f"/my/welfare/{self.member_a.id}")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]

    def test_anonymous_visitor_is_sent_to_the_login(self):
        response = self._get(f"/my/welfare/{self.member_a.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_receipt_of_own_payment_is_downloaded(self):
        self.authenticate("por_member_a", "por_member_a")
        # under tests Odoo prints the report's HTML instead of the PDF (the
        # PDF printer would fetch its styles from this same test server)
        response = self._get(f"/my/welfare/receipt/{self.pay_a.id}?download=1")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn(
            self.pay_a.receipt_number, response.headers["Content-Disposition"]
        )
        self.assertIn("ใบเสร็จรับเงิน", response.text)
        self.assertIn(self.pay_a.receipt_number, response.text)
        self.assertIn("สมชาย", response.text)
        self.assertIn(str(self.pay_a.date.year + 543), response.text)

    def test_receipt_pdf_reads_back(self):
        # the same printing as the portal's, for real: what the member reads
        pdf = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(RECEIPT_REPORT, self.pay_a.ids)[0]
        )
        text = normalize(pdf_text(pdf))
        self.assertIn("ใบเสร็จรับเงิน", text)
        self.assertIn(self.pay_a.receipt_number, text)
        self.assertIn(normalize(self.member_a.name), text)
        self.assertIn(str(self.pay_a.date.year + 543), text)

    def test_rpc_reads_only_own_records(self):
        Member = self.env["welfare.member"].with_user(self.user_a)
        rows = Member.search_read([], ["name", "member_number"])
        self.assertEqual([row["id"] for row in rows], [self.member_a.id])
        payments = self.env["welfare.contribution"].with_user(self.user_a).search([])
        self.assertEqual(payments, self.pay_a)
        self.assertFalse(self.env["welfare.claim"].with_user(self.user_a).search([]))
        beneficiaries = (
            self.env["welfare.member.beneficiary"].with_user(self.user_a).search([])
        )
        self.assertFalse(beneficiaries)
        with self.assertRaises(AccessError):
            Member.browse(self.member_b.id).read(["name"])
        with self.assertRaises(AccessError):
            self.claim_b.with_user(self.user_a).read(["description"])
        # the national ID stays the staff's
        with self.assertRaises(AccessError):
            Member.browse(self.member_a.id).read(["national_id"])

    def test_json_rpc_search_read_as_member(self):
        self.authenticate("por_member_a", "por_member_a")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "welfare.member",
                "method": "search_read",
                "args": [[]],
                "kwargs": {"fields": ["name", "member_number"]},
            },
        }
        response = self.url_open(
            "/web/dataset/call_kw/welfare.member/search_read",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        result = response.json()["result"]
        self.assertEqual([row["id"] for row in result], [self.member_a.id])

    def test_rpc_writes_nothing(self):
        Member = self.env["welfare.member"].with_user(self.user_a)
        with self.assertRaises(AccessError):
            Member.browse(self.member_a.id).write({"phone": "0899999999"})
        with self.assertRaises(AccessError):
            self.env["welfare.claim"].with_user(self.user_a).create(
                {
                    "member_id": self.member_a.id,
                    "benefit_type_id": self.benefit.id,
                    "event_date": self.today,
                }
            )
        with self.assertRaises(AccessError):
            self.pay_a.with_user(self.user_a).unlink()

    def test_one_login_for_several_memberships(self):
        # the same person, member of a second fund: one contact, one login
        second = self.env["welfare.member"]._workflow_create(
            {
                "fund_id": self.other_fund.id,
                "partner_id": self.member_a.partner_id.id,
                "state": "active",
                "join_date": self.today,
            }
        )
        user = second._portal_ensure_user()
        self.assertEqual(user, self.user_a)
        self.assertIn(self.other_fund.company_id, user.company_ids)
        rows = self.env["welfare.member"].with_user(user).search([])
        self.assertEqual(rows, self.member_a | second)
        self.authenticate("por_member_a", "por_member_a")
        page = self._get("/my/welfare")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.fund.name, page.text)
        self.assertIn(self.other_fund.name, page.text)
        self.assertEqual(self._get(f"/my/welfare/{second.id}").status_code, 200)
        self.assertEqual(self._get(f"/my/welfare/{self.member_c.id}").status_code, 404)

    def test_member_card_shows_qr_of_own_card(self):
        self.authenticate("por_member_a", "por_member_a")
        page = self._get(f"/my/welfare/{self.member_a.id}/card")
        self.assertEqual(page.status_code, 200)
        self.assertIn('src="data:image/png;base64,', page.text)
        self.assertIn(self.member_a.member_number, page.text)
