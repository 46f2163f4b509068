import base64
import io
import json
from unittest.mock import patch
from urllib.parse import quote

from lxml import html as lxml_html

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.welfare_base.tests.report_reader import normalize, pdf_text

from ..lib import card_token
from .common_benefit import BenefitCase

REPORT = "welfare_membership.action_report_member_card"
REPORT_SINGLE = "welfare_membership.action_report_member_card_single"


class TestMemberCard(BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the PDF engine must not wait on this process's own web server for the
        # style sheets while the test holds the registry: point it nowhere
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        cls.member = cls._member(name="นายสมชาย ใจดี")

    def _token(self, member):
        return member.sudo().card_url.rsplit("/", 1)[1]

    def test_card_token_names_its_member(self):
        token = self._token(self.member)
        found = self.env["welfare.member"]._member_from_card_token(token)
        self.assertEqual(found, self.member)

    def test_reissued_card_revokes_the_old_token(self):
        old = self._token(self.member)
        self.member.with_user(self.officer).action_reissue_card()
        Member = self.env["welfare.member"]
        self.assertFalse(Member._member_from_card_token(old))
        self.assertEqual(
            Member._member_from_card_token(self._token(self.member)), self.member
        )

    def test_card_of_a_terminated_member_is_revoked(self):
        token = self._token(self.member)
        self.member.action_terminate("ค้างส่งเงินสมทบเกินกำหนด")
        self.assertFalse(self.env["welfare.member"]._member_from_card_token(token))

    def test_card_secret_is_kept_per_database(self):
        secret = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("welfare_membership.card_secret")
        )
        self.assertGreaterEqual(len(secret or ""), 40)
        forged = card_token.sign("guessed-secret", self.member.id, 1)
        self.assertFalse(self.env["welfare.member"]._member_from_card_token(forged))

    def test_card_code_finds_the_member_at_a_collection(self):
        code = self.member.sudo().card_url
        Member = self.env["welfare.member"]
        self.assertEqual(Member._find_by_card_code(code, self.fund), self.member)
        self.assertFalse(Member._find_by_card_code(code, self.other_fund))

    def test_qr_image_is_made_once_per_card_version(self):
        member = self.member.sudo()
        with patch.object(
            type(self.env["welfare.member"]),
            "_make_qr_png",
            autospec=True,
            side_effect=lambda self, text: base64.b64encode(b"png:" + text.encode()),
        ) as make:
            member._card_qr_data_uris()
            member._card_qr_data_uris()
            self.assertEqual(make.call_count, 1)
            member.action_reissue_card()
            member._card_qr_data_uris()
            self.assertEqual(make.call_count, 2)

    def test_qr_holds_the_verification_link(self):
        uris = self.member._card_qr_data_uris()
        png = base64.b64decode(uris[self.member.id].split(",", 1)[1])
        self.assertTrue(png.startswith(b"\x89PNG"))
        self.assertIn("/welfare/card/verify/", self.member.sudo().card_qr_url)

    def test_print_card_from_the_form_gives_one_card(self):
        action = self.member.with_user(self.officer).action_print_card()
        self.assertEqual(
            action["report_name"], "welfare_membership.report_member_card_single"
        )
        self.assertEqual(self.member.card_issue_date, self.today)

    def test_card_pdf_for_one_member(self):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT_SINGLE, self.member.ids)
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        # read back as printed: Thai, not mojibake
        self.assertIn(normalize("นายสมชาย ใจดี"), text)
        self.assertIn(normalize(self.fund.name), text)
        self.assertIn(self.member.member_number, text)
        fmt = self.env["welfare.format"]
        self.assertIn(normalize(fmt.thai_date(self.member.join_date)), text)
        self.assertNotIn("à¸", text)

    def test_card_sheet_pdf_for_fifty_members(self):
        members = self.env["welfare.member"]._workflow_create(
            [
                {
                    "fund_id": self.fund.id,
                    "name": f"นายสมาชิก ที่{i}",
                    "state": "active",
                    "join_date": self.today,
                }
                for i in range(50)
            ]
        )
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, members.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        # 10 cards per A4 sheet
        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 5)
        text = pdf_text(pdf)
        self.assertIn(normalize("นายสมาชิก ที่49"), text)
        self.assertEqual(text.count(normalize(self.fund.name)), 50)

    def test_card_sheet_shows_the_member_details(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, self.member.ids)[0]
            .decode()
        )
        self.assertIn("นายสมชาย ใจดี", html)
        self.assertIn(self.member.member_number, html)
        self.assertIn("data:image/png;base64,", html)
        be_year = str(self.member.join_date.year + 543)
        self.assertIn(be_year, html)


@tagged("post_install", "-at_install")
class TestCardVerificationPage(HttpCase, BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._member(name="นายสมชาย ใจดี")
        cls.url = cls.member.sudo().card_url
        cls.path = "/welfare/card/verify/" + cls.url.rsplit("/", 1)[1]

    def _get(self, path):
        self.opener.cookies.clear()
        return self.url_open(path, allow_redirects=False)

    def _assert_not_valid(self, response):
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(self.member.member_number, response.text)
        self.assertNotIn(self.fund.name, response.text)
        self.assertNotIn("ส***", response.text)

    def test_valid_card_shows_the_status(self):
        response = self._get(self.path)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.member.member_number, response.text)
        self.assertIn(self.fund.name, response.text)
        self.assertIn("นายส*** ใ***", response.text)
        self.assertNotIn("สมชาย", response.text)
        self.assertNotIn("Set-Cookie", response.headers)

    def test_forged_token_is_not_valid(self):
        forged = card_token.sign("not-the-secret", self.member.id, 1)
        self._assert_not_valid(self._get("/welfare/card/verify/" + forged))

    def test_altered_token_is_not_valid(self):
        token = self.path.rsplit("/", 1)[1]
        altered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
        self._assert_not_valid(self._get("/welfare/card/verify/" + altered))

    def test_garbage_is_not_valid(self):
        self._assert_not_valid(self._get("/welfare/card/verify/1"))

    def test_revoked_card_is_not_valid(self):
        self.member.action_reissue_card()
        response = self._get(self.path)
        self._assert_not_valid(response)
        self.assertNotIn("Set-Cookie", response.headers)

    def _member_in(self, state):
        member = self._member(name="นางสาวสมใจ รักดี", state=state)
        token = member.sudo().card_url.rsplit("/", 1)[1]
        return self._get("/welfare/card/verify/" + token)

    def test_page_is_a_standards_mode_html_document(self):
        response = self._get(self.path)
        # the doctype is markup, not text shown on the page (quirks mode)
        self.assertTrue(response.text.startswith("<!DOCTYPE html>"), response.text[:80])
        self.assertNotIn("&lt;!DOCTYPE", response.text)
        page = lxml_html.fromstring(response.content)
        self.assertNotIn("DOCTYPE", page.text_content())

    def test_suspended_card_is_genuine_but_not_shown_as_valid(self):
        response = self._member_in("suspended")
        self.assertEqual(response.status_code, 200)
        page = lxml_html.fromstring(response.content)
        box = page.xpath("//div[contains(@class, 'box')]")[0]
        self.assertIn("held", box.get("class").split())
        self.assertNotIn("ok", box.get("class").split())
        head = box.xpath(".//div[@class='head']")[0].text_content()
        self.assertNotIn("Valid member card", head)
        self.assertNotIn("บัตรสมาชิกถูกต้อง", head)
        self.assertIn(card_token.mask_name("นางสาวสมใจ รักดี"), response.text)

    def test_card_in_grace_period_is_still_valid(self):
        response = self._member_in("grace")
        page = lxml_html.fromstring(response.content)
        box = page.xpath("//div[contains(@class, 'box')]")[0]
        self.assertIn("ok", box.get("class").split())


@tagged("post_install", "-at_install")
class TestCardDownloadedAsPrinted(HttpCase, BenefitCase):
    """The card PDF as the web client's Print menu downloads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # wkhtmltopdf must not wait on this test's own server for style sheets
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        cls.officer.password = "ben_officer_pw"
        cls.members = cls._member(name="นายสมชาย ใจดี") | cls._member(
            name="นางสาวอำไพ สีหาราช"
        )

    def test_card_sheet_downloaded_by_the_officer_reads_in_thai(self):
        self.authenticate("ben_officer", "ben_officer_pw")
        ids = ",".join(map(str, self.members.ids))
        # the web client's download route; under tests Odoo renders HTML
        # unless the context asks for the real PDF
        context = json.dumps({"force_report_rendering": True})
        response = self.url_open(
            f"/report/pdf/welfare_membership.report_member_card/{ids}"
            f"?context={quote(context)}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Type"], "application/pdf", response.text[:500]
        )
        text = pdf_text(response.content)
        for member in self.members:
            self.assertIn(normalize(member.name), text)
            self.assertIn(member.member_number, text)
        self.assertIn(normalize(self.fund.name), text)
        self.assertNotIn("à¸", text)
