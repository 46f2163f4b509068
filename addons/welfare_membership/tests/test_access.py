import datetime

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_membership import MembershipCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestAccess(MembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._member()

    def test_officer_of_another_fund_cannot_see_the_members(self):
        members = self.Member.with_user(self.other_officer)
        self.assertFalse(members.search([("id", "=", self.member.id)]))
        with self.assertRaises(AccessError):
            members.browse(self.member.id).read(["name"])

    def test_officer_of_another_fund_cannot_pay_for_the_members(self):
        with self.assertRaises(AccessError):
            self.Contribution.with_user(self.other_officer).create(
                {"member_id": self.member.id, "amount": 30, "date": D(2025, 1, 2)}
            )

    def test_officer_of_another_fund_cannot_confirm_their_payments(self):
        payment = self.Contribution.create(
            {"member_id": self.member.id, "amount": 30, "date": D(2025, 1, 2)}
        )
        with self.assertRaises(AccessError):
            payment.with_user(self.other_officer).action_confirm()

    def test_officer_of_the_fund_reads_the_full_national_id(self):
        member = self.member.with_user(self.officer)
        self.assertEqual(member.national_id, self.member.national_id)
        self.assertNotIn("x", member.national_id_display)

    def test_network_reviewer_sees_the_national_id_masked(self):
        network = self._fund_user("mem_network2", "group_welfare_network", self.fund)
        member = self.member.with_user(network)
        self.assertTrue(member.national_id_display.startswith("x-xxxx"))
        with self.assertRaises(AccessError):
            member.read(["national_id"])

    def test_network_reviewer_cannot_change_members(self):
        network = self._fund_user("mem_network3", "group_welfare_network", self.fund)
        with self.assertRaises(AccessError):
            self.member.with_user(network).write({"village_no": "9"})
