"""The public card check attacked: only a genuine, current card shows anything.

Every other request gets the same 404 page without member data, and the page
never sets a cookie that would log anyone in.
"""

import datetime
from urllib.parse import quote

from odoo.tests import HttpCase, tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import card_token

VERIFY = "/welfare/card/verify/"


@tagged("post_install", "-at_install")
class TestHardeningCardVerify(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Fund = cls.env["welfare.fund"]
        cls.fund = Fund.create({"name": "กองทุนบัตรปลอม", "code": "HD-CARD-1"})
        cls.other_fund = Fund.create({"name": "กองทุนบัตรอื่น", "code": "HD-CARD-2"})
        today = welfare_today(cls.env["welfare.member"])
        Member = cls.env["welfare.member"]
        values = {
            "state": "active",
            "join_date": datetime.date(2020, 1, 1),
            "birthdate": datetime.date(1970, 1, 1),
            "paid_until": today + datetime.timedelta(days=60),
        }
        cls.member = Member._workflow_create(
            dict(values, fund_id=cls.fund.id, name="นายสมปอง บัตรจริง")
        )
        cls.other = Member._workflow_create(
            dict(values, fund_id=cls.other_fund.id, name="นางสมศรี กองทุนอื่น")
        )
        cls.secret = Member._card_secret()

    def _token(self, member):
        return card_token.sign(self.secret, member.id, member.card_version)

    def _get(self, path):
        return self.url_open(path, allow_redirects=False)

    def assertNothingShown(self, response, *members, route_served=True):
        self.assertEqual(response.status_code, 404, response.url)
        body = response.text
        for member in members or (self.member,):
            for secret in (member.member_number, member.name, member.fund_id.name):
                self.assertNotIn(secret, body)
            self.assertNotIn(card_token.mask_name(member.name), body)
        self.assertNoLoginCookie(response, route_served)

    def assertNoLoginCookie(self, response, route_served=True):
        if route_served:
            # the card page itself creates no session at all
            self.assertNotIn("session_id", response.cookies)
            self.assertFalse(response.headers.get("Set-Cookie"), response.url)
            return
        # Odoo's own "not found" answer may open an anonymous session: it must
        # not be logged in (the backend still asks for a login)
        session = response.cookies.get("session_id")
        if session:
            backend = self.opener.get(
                self.base_url() + "/odoo",
                cookies={"session_id": session},
                allow_redirects=False,
                timeout=30,
            )
            self.assertIn(backend.status_code, (302, 303))
            self.assertIn("/web/login", backend.headers.get("Location", ""))

    # ------------------------------------------------------------------
    def test_genuine_card_shows_the_member_and_sets_no_cookie(self):
        response = self._get(VERIFY + self._token(self.member))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.member.member_number, response.text)
        self.assertNotIn(self.member.name, response.text)  # only the masked name
        self.assertNoLoginCookie(response)

    def test_forged_token_of_the_right_shape_shows_nothing(self):
        forged = card_token.sign("guessed-secret", self.member.id, 1)
        self.assertEqual(len(forged), card_token.TOKEN_LENGTH)
        self.assertNothingShown(self._get(VERIFY + forged))

    def test_truncated_and_extended_tokens_show_nothing(self):
        token = self._token(self.member)
        for bad in (token[:-1], token[:10], token + "A", token + token):
            with self.subTest(bad=bad[:12]):
                self.assertNothingShown(self._get(VERIFY + bad))

    def test_altered_tokens_show_nothing(self):
        token = self._token(self.member)
        for index in (0, 5, 11, 20, len(token) - 1):
            flipped = "A" if token[index] != "A" else "B"
            bad = token[:index] + flipped + token[index + 1 :]
            with self.subTest(index=index):
                self.assertNothingShown(self._get(VERIFY + bad))

    def test_another_members_id_under_a_genuine_signature_shows_nothing(self):
        genuine = card_token.verify(self.secret, self._token(self.member))
        self.assertEqual(genuine, (self.member.id, self.member.card_version))
        # the id part of the other member's token, the MAC part of this one
        mine, theirs = self._token(self.member), self._token(self.other)
        spliced = theirs[:16] + mine[16:]
        self.assertNothingShown(self._get(VERIFY + spliced), self.member, self.other)

    def test_card_replayed_after_reissue_shows_nothing(self):
        old = self._token(self.member)
        self.member.action_reissue_card()
        self.assertNothingShown(self._get(VERIFY + old))
        self.assertEqual(self._get(VERIFY + self._token(self.member)).status_code, 200)

    def test_card_of_a_member_who_left_shows_nothing(self):
        token = self._token(self.member)
        self.member.action_resign("ย้ายออกนอกพื้นที่")
        self.assertNothingShown(self._get(VERIFY + token))

    def test_card_of_a_deleted_member_shows_nothing(self):
        member = self.env["welfare.member"]._workflow_create(
            {"fund_id": self.fund.id, "name": "นายลบแล้ว ทดสอบ", "state": "active"}
        )
        token = self._token(member)
        member.unlink()
        response = self._get(VERIFY + token)
        self.assertEqual(response.status_code, 404)
        self.assertNoLoginCookie(response)

    def test_traversal_sql_and_odd_strings_show_nothing(self):
        for bad in (
            "..%2F..%2F..%2Fetc%2Fpasswd",
            "../../web/database/manager",
            quote("' OR '1'='1' --"),
            quote("1; DROP TABLE welfare_member"),
            quote("<script>alert(1)</script>"),
            quote("บัตรสมาชิก😀"),
            "%00",
            "A" * 4000,
        ):
            with self.subTest(bad=bad[:20]):
                response = self._get(VERIFY + bad)
                self.assertNotIn("<script>alert(1)</script>", response.text)
                self.assertNothingShown(
                    response, self.member, self.other, route_served=False
                )

    def test_only_get_is_served(self):
        response = self.url_open(
            VERIFY + self._token(self.member), data={"x": "1"}, allow_redirects=False
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(self.member.member_number, response.text)

    def test_card_of_another_fund_does_not_find_a_member_at_a_collection(self):
        Member = self.env["welfare.member"]
        code = self.other.sudo().card_url
        self.assertFalse(Member._find_by_card_code(code, self.fund))
        self.assertEqual(Member._find_by_card_code(code, self.other_fund), self.other)

    def test_unknown_and_known_but_invalid_tokens_cost_the_same_queries(self):
        """The lookup does the same work whether or not the member exists.

        Wall-clock time is not measured; the number of queries is the work.
        """
        Member = self.env["welfare.member"]
        revoked = self._token(self.member)
        self.member.action_reissue_card()
        resigned_member = self.env["welfare.member"]._workflow_create(
            {"fund_id": self.fund.id, "name": "นายลาออก ทดสอบ", "state": "resigned"}
        )
        unknown_id = self.env["welfare.member"].search([], order="id desc", limit=1)
        tokens = {
            "forged": card_token.sign("guessed-secret", self.member.id, 1),
            "malformed": "not-a-token",
            "unknown member": card_token.sign(self.secret, unknown_id.id + 1000, 1),
            "revoked card": revoked,
            "member who left": self._token(resigned_member),
        }
        Member._card_secret()  # the secret is cached like in a running server
        counts = {}
        for label, token in tokens.items():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.assertFalse(Member._member_from_card_token(token), label)
            counts[label] = self.env.cr.sql_log_count - before
        self.assertEqual(len(set(counts.values())), 1, counts)
