import datetime
import re

from odoo.tests import tagged

from odoo.addons.sms.tests.common import MockSMS
from odoo.addons.welfare_membership.tests.common_membership import make_id

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestSignup(PortalCase, MockSMS):
    """A member gets their login on a public page, with a code sent by SMS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_d = cls._member(first_name="สมปอง", mobile="089-111-2233")
        cls.Signup = cls.env["welfare.portal.signup"]

    def _csrf(self):
        page = self.url_open("/welfare/portal/signup", timeout=60)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _ask(self, national_id, birthdate, phone):
        return self.url_open(
            "/welfare/portal/signup/code",
            data={
                "csrf_token": self._csrf(),
                "national_id": national_id,
                "birthdate": birthdate,
                "phone": phone,
            },
            timeout=60,
        )

    def _ask_d(self):
        return self._ask(self.member_d.sudo().national_id, "1975-06-15", "0891112233")

    @staticmethod
    def _token(response):
        return re.search(r'name="token" value="([^"]+)"', response.text).group(1)

    def _post(self, url, **data):
        return self.url_open(url, data=dict(data, csrf_token=self._csrf()), timeout=60)

    def _sms_code(self):
        bodies = self._new_sms.mapped("body")
        self.assertEqual(len(bodies), 1, bodies)
        return re.search(r"\b(\d{6})\b", bodies[0]).group(1)

    def test_member_gets_a_code_and_sets_a_password(self):
        with self.mockSMSGateway():
            response = self._ask_d()
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_welfare_code_sent", response.text)
        self.assertEqual(self._new_sms.number, "0891112233")
        code = self._sms_code()
        token = self._token(response)
        # the code is kept as a keyed hash only
        request = self.Signup.sudo().search([("member_id", "=", self.member_d.id)])
        self.assertEqual(len(request), 1)
        self.assertNotIn(code, request.code_hash)
        self.assertNotIn(token, request.token_hash)
        response = self._post("/welfare/portal/signup/verify", token=token, code=code)
        self.assertIn("o_welfare_signup_password", response.text)
        response = self._post(
            "/welfare/portal/signup/password",
            token=token,
            password="รหัสลับ2569",
            confirm="รหัสลับ2569",
        )
        self.assertIn("o_welfare_signup_done", response.text)
        user = self.member_d.portal_user_id
        self.assertTrue(user.share)
        self.assertEqual(user.login, "0891112233")
        self.assertIn(user.login, response.text)
        self.authenticate(user.login, "รหัสลับ2569")
        page = self.url_open("/my/welfare", timeout=60)
        self.assertTrue(page.url.endswith(f"/my/welfare/{self.member_d.id}"))
        # the request is used: the same code and token open nothing again
        response = self._post(
            "/welfare/portal/signup/password",
            token=token,
            password="อีกรหัสหนึ่ง99",
            confirm="อีกรหัสหนึ่ง99",
        )
        self.assertIn("o_welfare_error", response.text)

    def test_unknown_details_get_the_same_answer_and_no_sms(self):
        with self.mockSMSGateway():
            known = self._ask_d()
            unknown = self._ask(make_id(99001), "1975-06-15", "0891112233")
            wrong_birth = self._ask(
                self.member_d.sudo().national_id, "1976-06-15", "0891112233"
            )
            wrong_phone = self._ask(
                self.member_d.sudo().national_id, "1975-06-15", "0891112234"
            )
        self.assertEqual(len(self._new_sms), 1, "one SMS: to the matching member")

        def page(response):
            text = re.sub(r'value="[^"]*"', 'value=""', response.text)
            return re.sub(r"<script.*?</script>", "", text, flags=re.S)

        for other in (unknown, wrong_birth, wrong_phone):
            self.assertEqual(other.status_code, known.status_code)
            self.assertEqual(page(other), page(known))
        # a request that matched no member never opens, whatever the code
        response = self._post(
            "/welfare/portal/signup/verify", token=self._token(unknown), code="123456"
        )
        self.assertIn("o_welfare_error", response.text)

    def test_wrong_codes_end_the_request(self):
        with self.mockSMSGateway():
            response = self._ask_d()
        code = self._sms_code()
        token = self._token(response)
        wrong = f"{(int(code) + 1) % 1000000:06d}"
        for _i in range(self.Signup.MAX_ATTEMPTS):
            self.assertFalse(self.Signup._verify_code(token, wrong))
        # the right code comes too late
        self.assertFalse(self.Signup._verify_code(token, code))
        self.assertFalse(self.member_d.portal_user_id)

    def test_expired_code_refused(self):
        with self.mockSMSGateway():
            response = self._ask_d()
        code = self._sms_code()
        request = self.Signup.sudo().search([("member_id", "=", self.member_d.id)])
        request.expires_at = request.expires_at - datetime.timedelta(minutes=11)
        self.assertFalse(self.Signup._verify_code(self._token(response), code))

    def test_requests_limited_per_national_id(self):
        number = self.member_d.sudo().national_id
        Limit = self.env["welfare.portal.rate.limit"]
        with self.mockSMSGateway():
            for _i in range(self.Signup.LIMIT_PER_ID):
                self.assertTrue(
                    self.Signup._request_code(
                        number, self.member_d.birthdate, "0891112233", "10.0.0.1"
                    )
                )
            # from another address too: the ID is what is counted
            self.assertFalse(
                self.Signup._request_code(
                    number, self.member_d.birthdate, "0891112233", "10.0.0.2"
                )
            )
        self.assertEqual(len(self._new_sms), self.Signup.LIMIT_PER_ID)
        self.assertTrue(Limit.sudo().search_count([]))

    def test_requests_limited_per_address(self):
        with self.mockSMSGateway():
            for i in range(self.Signup.LIMIT_PER_IP):
                self.assertTrue(
                    self.Signup._request_code(
                        make_id(99100 + i),
                        datetime.date(1980, 1, 1),
                        "0800000000",
                        "10.9.9.9",
                    )
                )
            self.assertFalse(
                self.Signup._request_code(
                    make_id(99200), datetime.date(1980, 1, 1), "0800000000", "10.9.9.9"
                )
            )

    def test_page_says_too_many_requests(self):
        for _i in range(self.Signup.LIMIT_PER_ID):
            self._ask(make_id(99300), "1980-01-01", "0800000000")
        response = self._ask(make_id(99300), "1980-01-01", "0800000000")
        self.assertIn("o_welfare_error", response.text)
        self.assertNotIn("o_welfare_code_sent", response.text)

    def test_malformed_national_id_refused_with_a_message(self):
        response = self._ask("1234", "1980-01-01", "0800000000")
        self.assertIn("o_welfare_error", response.text)
        self.assertFalse(self.Signup.sudo().search_count([]))
