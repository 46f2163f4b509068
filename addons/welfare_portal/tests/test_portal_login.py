from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.sms.tests.common import MockSMS

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalLogin(PortalCase, MockSMS):
    """The office gives a member a login from the member's form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_e = cls._member(first_name="สมใจ", mobile="+66 86 555 4433")

    def test_officer_gives_a_login_and_the_member_gets_an_sms(self):
        with self.mockSMSGateway():
            self.member_e.with_user(self.officer).action_grant_portal_access()
        user = self.member_e.portal_user_id
        self.assertTrue(user)
        self.assertEqual(user.login, "0865554433")
        self.assertEqual(user.partner_id, self.member_e.partner_id)
        self.assertEqual(user.groups_id, self.env.ref("base.group_portal"))
        self.assertEqual(user.company_ids, self.fund.company_id)
        self.assertEqual(self._new_sms.number, "0865554433")
        self.assertIn("0865554433", self._new_sms.body)
        self.assertIn("/welfare/portal/signup", self._new_sms.body)
        self.assertIn("0865554433", self.member_e.message_ids[0].body)
        # the login sees its member only
        self.assertEqual(
            self.env["welfare.member"].with_user(user).search([]), self.member_e
        )

    def test_same_phone_gets_the_member_number_as_login(self):
        # husband and wife share a phone: the second login is the member number
        other = self._member(first_name="สมหมาย", mobile="0865554433")
        with self.mockSMSGateway():
            (self.member_e | other).with_user(self.officer).action_grant_portal_access()
        self.assertEqual(self.member_e.portal_user_id.login, "0865554433")
        self.assertEqual(
            other.portal_user_id.login, f"t-por-1-{other.member_number}".lower()
        )

    def test_member_without_phone_refused(self):
        member = self._member(first_name="ไม่มีโทรศัพท์")
        with self.assertRaises(UserError):
            member.with_user(self.officer).action_grant_portal_access()
        self.assertFalse(member.portal_user_id)

    def test_former_member_refused(self):
        member = self._member(first_name="ลาออกแล้ว", mobile="0861234567")
        member._workflow_write({"state": "resigned"})
        with self.assertRaises(UserError):
            member.with_user(self.officer).action_grant_portal_access()
        self.assertFalse(member.portal_user_id)

    def test_officer_of_another_fund_cannot_give_a_login(self):
        other_officer = new_test_user(
            self.env(context=dict(self.env.context, no_reset_password=True)),
            login="por_other_officer",
            groups="welfare_base.group_welfare_officer",
            company_id=self.other_fund.company_id.id,
            company_ids=[self.other_fund.company_id.id],
        )
        with self.assertRaises(AccessError):
            self.member_e.with_user(other_officer).action_grant_portal_access()
        self.assertFalse(self.member_e.portal_user_id)

    def test_closed_login_no_longer_works(self):
        self.member_a.with_user(self.officer).action_revoke_portal_access()
        self.assertFalse(self.user_a.active)
        self.assertFalse(self.member_a.portal_user_id)
        response = self.url_open(
            "/web/login",
            data={
                "login": "por_member_a",
                "password": "por_member_a",
                "csrf_token": self._login_csrf(),
            },
            timeout=60,
        )
        self.assertNotIn("/my", response.url)

    def _login_csrf(self):
        import re

        page = self.url_open("/web/login", timeout=60)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
