from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import WelfareBaseCase


@tagged("post_install", "-at_install")
class TestFundIsolation(WelfareBaseCase):
    """A user of fund A can neither read nor write anything of fund B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting_b = cls.env["welfare.fund.meeting"].create(
            {"fund_id": cls.fund_b.id, "name": "ประชุมกองทุน ข"}
        )
        cls.seat_b = cls.env["welfare.fund.committee"].create(
            {"fund_id": cls.fund_b.id, "partner_id": cls.partner.id, "role": "chair"}
        )
        cls.officer = cls._user(
            "officer_a", "welfare_base.group_welfare_officer", cls.fund_a
        )
        cls.committee = cls._user(
            "committee_a", "welfare_base.group_welfare_committee", cls.fund_a
        )
        cls.network = new_test_user(
            cls.env,
            login="network_roiet",
            groups="welfare_base.group_welfare_network",
            company_id=cls.fund_a.company_id.id,
            company_ids=[(6, 0, cls.fund_a.company_id.ids)],
        )
        cls.network.welfare_state_ids = cls.roi_et
        cls.plain = cls._user("plain_a", "base.group_user", cls.fund_a)

    def _assert_cannot_touch_fund_b(self, user):
        Fund = self.env["welfare.fund"].with_user(user)
        self.assertNotIn(self.fund_b, Fund.search([]))
        with self.assertRaises(AccessError):
            self.fund_b.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.fund_b.with_user(user).write({"phone": "000"})
        with self.assertRaises(AccessError):
            self.meeting_b.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.seat_b.with_user(user).write({"village_no": "9"})
        with self.assertRaises(AccessError):
            self.env["welfare.fund.meeting"].with_user(user).create(
                {"fund_id": self.fund_b.id, "name": "แทรก"}
            )

    def test_officer_works_on_own_fund_only(self):
        meeting = (
            self.env["welfare.fund.meeting"]
            .with_user(self.officer)
            .create({"fund_id": self.fund_a.id, "name": "ประชุมกองทุน ก"})
        )
        self.assertEqual(meeting.company_id, self.fund_a.company_id)
        self.fund_a.with_user(self.officer).write({"phone": "043-111111"})
        self._assert_cannot_touch_fund_b(self.officer)

    def test_committee_works_on_own_fund_only(self):
        self.assertEqual(
            self.env["welfare.fund"].with_user(self.committee).search([]), self.fund_a
        )
        self._assert_cannot_touch_fund_b(self.committee)

    def test_network_sees_funds_of_its_province_only(self):
        self.assertIn(self.fund_c.company_id, self.network.company_ids)
        Fund = (
            self.env["welfare.fund"]
            .with_user(self.network)
            .with_context(allowed_company_ids=self.network.company_ids.ids)
        )
        visible = Fund.search([])
        self.assertIn(self.fund_a, visible)
        self.assertIn(self.fund_c, visible)
        self.assertNotIn(self.fund_b, visible)
        self._assert_cannot_touch_fund_b(self.network)

    def test_network_sees_its_funds_without_switching_companies(self):
        # Logged in with one company ticked, the reviewer still gets the directory
        # of every fund of their provinces.
        Fund = (
            self.env["welfare.fund"]
            .with_user(self.network)
            .with_context(allowed_company_ids=self.fund_a.company_id.ids)
        )
        visible = Fund.search([])
        self.assertIn(self.fund_c, visible)
        self.assertNotIn(self.fund_b, visible)
        self.assertEqual(visible.state_id, self.roi_et)

    def test_new_fund_in_network_province_reaches_network_users(self):
        fund = self.Fund.create(
            {"name": "กองทุนใหม่ร้อยเอ็ด", "code": "T-RE", "state_id": self.roi_et.id}
        )
        self.assertIn(fund.company_id, self.network.company_ids)

    def test_network_reads_committees_but_cannot_change_them(self):
        seat = self.env["welfare.fund.committee"].create(
            {"fund_id": self.fund_c.id, "partner_id": self.partner.id, "role": "member"}
        )
        user_seat = seat.with_user(self.network).with_context(
            allowed_company_ids=self.network.company_ids.ids
        )
        self.assertEqual(user_seat.role, "member")
        with self.assertRaises(AccessError):
            user_seat.write({"role": "advisor"})

    def test_only_managers_create_funds_and_change_configuration(self):
        for user in (self.officer, self.committee, self.network):
            with self.assertRaises(AccessError):
                self.env["welfare.fund"].with_user(user).create(
                    {"name": "x", "code": "X"}
                )
            with self.assertRaises(AccessError):
                self.env["welfare.zone"].with_user(user).create(
                    {"name": "โซนใหม่", "state_id": self.roi_et.id}
                )
            with self.assertRaises(AccessError):
                self.env.ref("welfare_base.region_north").with_user(user).write(
                    {"name": "x"}
                )

    def test_plain_internal_user_sees_no_fund(self):
        with self.assertRaises(AccessError):
            self.env["welfare.fund"].with_user(self.plain).search([])
