"""A fund's identity is the administrators', its certification the network's."""

import datetime

from odoo.exceptions import UserError
from odoo.tests import TransactionCase

from ..models.welfare_date import welfare_today
from .forged_calls import role_users

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError

# (values, roles who may write them); every other role is refused
FUND_WRITES = [
    ({"certified": True}, {"network", "manager"}),
    ({"certification_date": datetime.date(2020, 1, 1)}, {"network", "manager"}),
    ({"certified_by": "คณะกรรมการจังหวัด"}, {"network", "manager"}),
    ({"code": "T-INT-X"}, {"manager"}),
    ({"state_id": "base.state_th_010"}, {"manager"}),
    ({"subdistrict_id": False}, {"manager"}),
    ({"name": "กองทุนเปลี่ยนชื่อ"}, {"officer", "committee", "manager"}),
    ({"phone": "043-111111"}, {"officer", "committee", "manager"}),
    ({"village_total": 12}, {"officer", "committee", "manager"}),
]


class TestIntegrityFund(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        roi_et = cls.env.ref("base.state_th_045")
        cls.fund = cls.env["welfare.fund"].create(
            {"name": "กองทุนทดสอบตัวตน", "code": "T-INT-1", "state_id": roi_et.id}
        )
        cls.users = role_users(
            cls.env,
            cls.fund.company_id,
            (
                ("officer", "welfare_base.group_welfare_officer"),
                ("committee", "welfare_base.group_welfare_committee"),
                ("network", "welfare_base.group_welfare_network"),
                ("manager", "welfare_base.group_welfare_manager"),
                ("portal", "base.group_portal"),
            ),
            "integrity_fund",
        )

    def _as(self, role):
        user = self.users[role]
        return self.fund.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def _resolve(self, vals):
        return {
            name: self.env.ref(value).id
            if isinstance(value, str) and value.startswith("base.")
            else value
            for name, value in vals.items()
        }

    def test_each_role_writes_only_its_part_of_the_fund(self):
        for vals, allowed in FUND_WRITES:
            vals = self._resolve(vals)
            for role in self.users:
                with self.subTest(vals=vals, role=role), self.env.cr.savepoint():
                    before = self.fund.read(list(vals))[0]
                    if role in allowed:
                        self._as(role).write(vals)
                        continue
                    with self.assertRaises(REFUSED):
                        self._as(role).write(vals)
                    self.fund.invalidate_recordset()
                    self.assertEqual(self.fund.read(list(vals))[0], before)

    def test_certification_records_who_and_when(self):
        self._as("network").write({"certified": True})
        self.assertTrue(self.fund.certified)
        self.assertEqual(self.fund.certified_user_id, self.users["network"])
        self.assertEqual(self.fund.certification_date, welfare_today(self.fund))

    def test_who_certified_cannot_be_forged(self):
        self._as("network").write(
            {"certified": True, "certified_user_id": self.users["manager"].id}
        )
        self.assertEqual(self.fund.certified_user_id, self.users["network"])

    def test_an_officer_cannot_certify_their_own_fund(self):
        with self.assertRaisesRegex(UserError, "Certified"):
            self._as("officer").write({"certified": True})
        self.assertFalse(self.fund.certified)

    def test_a_reviewer_cannot_rename_the_fund_or_its_contact(self):
        for vals in ({"name": "ชื่อใหม่"}, {"phone": "000"}, {"zone_id": False}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self._as("network").write(vals)
        self.assertEqual(self.fund.name, "กองทุนทดสอบตัวตน")
