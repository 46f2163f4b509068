from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin, role_users
from odoo.addons.welfare_membership.tests.common_membership import make_id

ROLES = [
    ("officer", "welfare_base.group_welfare_officer"),
    ("committee", "welfare_base.group_welfare_committee"),
    ("network", "welfare_base.group_welfare_network"),
    ("manager", "welfare_base.group_welfare_manager"),
    ("internal", "base.group_user"),
]


@tagged("post_install", "-at_install")
class TestIntegrityPortal(ForgedCallsMixin, TransactionCase):
    """A member's change request is answered by its buttons only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fund = cls.env["welfare.fund"].create(
            {"name": "กองทุนทดสอบคำขอ", "code": "T-POR-9"}
        )
        cls.member = cls.env["welfare.member"]._workflow_create(
            {
                "fund_id": cls.fund.id,
                "name": "นายสมชาย คำขอ",
                "national_id": make_id(88001),
                "state": "active",
                "mobile": "0811111111",
            }
        )
        cls.other_member = cls.env["welfare.member"]._workflow_create(
            {"fund_id": cls.fund.id, "name": "นายอื่น คำขอ", "state": "active"}
        )
        env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.users = role_users(env, cls.fund.company_id, ROLES, "integ_por")
        cls.users["portal"] = cls.member._portal_ensure_user()
        cls.users["portal_other"] = new_test_user(
            env,
            login="integ_por_portal_other",
            groups="base.group_portal",
            company_id=cls.fund.company_id.id,
            company_ids=[cls.fund.company_id.id],
        )

    def _make(self, key):
        return self.member._portal_request_change("beneficiaries", "เพิ่มลูกสาว")

    def _resolve(self, vals):
        resolved = dict(vals)
        for name, value in vals.items():
            if value == "officer_user":
                resolved[name] = self.users["officer"].id
            elif value == "other_member":
                resolved[name] = self.other_member.id
        return resolved

    def _honest_request(self):
        return {
            "member_id": self.member.id,
            "subject": "contact",
            "details": "ย้ายบ้าน",
        }

    def test_forged_writes_refused(self):
        self.assert_forged_writes_refused(
            [
                ("request", {"state": "done"}),
                ("request", {"state": "refused"}),
                ("request", {"decided_by_id": "officer_user"}),
                ("request", {"refuse_reason": "ไม่อนุมัติ"}),
                ("request", {"member_id": "other_member"}),
            ]
        )

    def test_forged_creates_refused(self):
        self.assert_forged_creates_refused(
            [
                ("welfare.member.change.request", "_honest_request", {"state": "done"}),
                (
                    "welfare.member.change.request",
                    "_honest_request",
                    {"decided_by_id": "officer_user"},
                ),
                ("welfare.member.change.request", "_honest_request", {}),
            ]
        )

    def test_requests_never_deleted(self):
        self.assert_never_deleted(["request"])
