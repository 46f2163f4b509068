from odoo.tests import HttpCase, tagged

from odoo.addons.welfare_membership.models.welfare_member_card import (
    CARD_VALID_STATES,
)


@tagged("post_install", "-at_install")
class TestMemberTour(HttpCase):
    """A demo member on a phone-sized screen, in the browser."""

    browser_size = "390x844"
    touch_enabled = True

    def test_member_follows_membership_and_asks_for_a_benefit(self):
        member = self.env.ref("welfare_membership.welfare_member_rop_mueang_00_demo")
        user = self.env.ref("welfare_portal.welfare_portal_user_member1_demo")
        self.assertEqual(user.partner_id, member.partner_id)
        self.assertIn(member.state, CARD_VALID_STATES)
        self.assertTrue(
            member.contribution_ids.filtered(lambda c: c.state == "confirmed")
        )
        Claim = self.env["welfare.claim"]
        before = Claim.search([("member_id", "=", member.id)])
        self.start_tour("/my", "welfare_portal_member", login="member1")
        new = Claim.search([("member_id", "=", member.id)]) - before
        self.assertEqual(len(new), 1)
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.description, "ขอรับสวัสดิการจากโทรศัพท์ ทดสอบระบบ")
        self.assertTrue(new.activity_ids)
