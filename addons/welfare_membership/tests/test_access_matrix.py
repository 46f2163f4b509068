import datetime

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_base.tests.access_matrix import AccessMatrixMixin

from ..lib import thai_id

OWN_ALL = {"own": "rwcu", "other": ""}
OWN_RWC = {"own": "rwc", "other": ""}
OWN_READ = {"own": "r", "other": ""}

# The specification: who may do what on a fund's members, money and claims.
# Every role not listed may do nothing, on either side of the fund boundary.
MATRIX = {
    "welfare.member": {
        "officer": OWN_RWC,
        "committee": OWN_RWC,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.member.beneficiary": {
        "officer": OWN_ALL,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.member.dependant": {
        "officer": OWN_ALL,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    # periods are made by the approval and the rejoining only
    "welfare.member.period": {
        "officer": OWN_READ,
        "committee": OWN_READ,
        "network": OWN_READ,
        "manager": OWN_READ,
    },
    # officers prepare a waiver; the committee approves it (workflow)
    "welfare.arrears.waiver": {
        "officer": OWN_ALL,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.contribution.scheme": {
        "officer": OWN_READ,
        "committee": OWN_READ,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.contribution": {
        "officer": OWN_ALL,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.collection": {
        "officer": OWN_ALL,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.benefit.type": {
        "officer": OWN_READ,
        "committee": OWN_RWC,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.benefit.tier": {
        "officer": OWN_READ,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    "welfare.claim": {
        "officer": OWN_ALL,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
    },
    # payee lines are made by the committee's approval only
    "welfare.claim.payee": {
        "officer": OWN_READ,
        "committee": OWN_READ,
        "network": OWN_READ,
        "manager": OWN_READ,
    },
}

# Sensitive fields: the roles that read them on their own fund's records.
# Every other role gets an AccessError, even where it reads the record.
SENSITIVE = {
    ("welfare.member", "national_id"): {"officer", "committee", "manager"},
    ("welfare.member.beneficiary", "national_id"): {"officer", "committee", "manager"},
    ("welfare.claim", "health_details"): {"officer", "committee", "manager"},
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    """Members, money and claims: every role, both sides of a fund boundary."""

    MATRIX = MATRIX
    MATRIX_READ_FIELDS = {
        "welfare.member": ["name", "member_number", "state", "national_id_display"],
        "welfare.claim": ["name", "state", "amount_requested"],
        "welfare.contribution": ["receipt_number", "amount", "state"],
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.own_fund, cls.other_fund = cls.env["welfare.fund"].create(
            [
                {"name": "กองทุนตารางสมาชิก ก", "code": "MXM-A"},
                {"name": "กองทุนตารางสมาชิก ข", "code": "MXM-B"},
            ]
        )
        cls.today = welfare_today(cls.env["welfare.member"])
        cls._serial = 0
        cls.members = {fund: cls._new_member(fund) for fund in cls._matrix_funds()}
        cls.benefits = {
            fund: cls.env["welfare.benefit.type"].create(
                {
                    "fund_id": fund.id,
                    "name": "สวัสดิการตาราง",
                    "category": "other",
                    "amount_type": "fixed",
                    "amount": 500.0,
                    "require_paid_up": False,
                }
            )
            for fund in cls._matrix_funds()
        }
        cls._setup_matrix_users()

    @classmethod
    def _matrix_funds(cls):
        return cls.own_fund, cls.other_fund

    @classmethod
    def _next(cls):
        cls._serial += 1
        return cls._serial

    @classmethod
    def _new_member(cls, fund):
        n = cls._next()
        # a member the committee approved long ago, as the registry holds it
        return cls.env["welfare.member"]._workflow_create(
            dict(
                cls._member_vals(fund, n),
                state="active",
                join_date=datetime.date(2020, 1, 1),
            )
        )

    @classmethod
    def _member_vals(cls, fund, n):
        return {
            "fund_id": fund.id,
            "first_name": f"ตาราง{n}",
            "last_name": "สิทธิ์",
            "national_id": thai_id.make(f"3{fund.id:04d}{n:07d}"),
            "birthdate": datetime.date(1970, 1, 1),
            "health_consent": True,
        }

    def _claim_vals(self, fund):
        # a new member each time: one claim per member, benefit and day
        return {
            "member_id": self._new_member(fund).id,
            "benefit_type_id": self.benefits[fund].id,
            "event_date": self.today,
            "health_details": "ผลตรวจ",
        }

    def _matrix_create_vals(self, model, fund):
        n = self._next()
        member = self.members[fund]
        if model == "welfare.member":
            return self._member_vals(fund, n)
        if model == "welfare.member.beneficiary":
            return {"member_id": member.id, "name": f"ทายาท {n}", "share": 100.0}
        if model == "welfare.member.dependant":
            return {"member_id": member.id, "name": f"บุตร {n}"}
        if model == "welfare.member.period":
            return {"member_id": member.id, "date_start": self.today}
        if model == "welfare.arrears.waiver":
            return {"member_id": member.id, "reason": f"เหตุผล {n}"}
        if model == "welfare.contribution.scheme":
            return {"fund_id": fund.id, "name": f"วันละบาท {n}", "amount": 30.0}
        if model == "welfare.contribution":
            return {"member_id": member.id, "amount": 30.0, "date": self.today}
        if model == "welfare.collection":
            return {"fund_id": fund.id, "date": self.today}
        if model == "welfare.benefit.type":
            return {
                "fund_id": fund.id,
                "name": f"สวัสดิการ {n}",
                "category": "birth",
                "amount_type": "fixed",
                "amount": 500.0,
            }
        if model == "welfare.benefit.tier":
            return {
                "benefit_type_id": self.benefits[fund].id,
                "min_years": n,
                "amount": 100.0,
            }
        if model == "welfare.claim":
            return self._claim_vals(fund)
        if model == "welfare.claim.payee":
            claim = self.env["welfare.claim"].create(self._claim_vals(fund))
            return {"claim_id": claim.id, "partner_id": member.partner_id.id}
        raise NotImplementedError(model)

    def _matrix_record(self, model, fund):
        vals = self._matrix_create_vals(model, fund)
        if model == "welfare.member.beneficiary":
            # a new member each time: shares of one member must add up to 100
            vals["member_id"] = self._new_member(fund).id
        if model == "welfare.claim.payee":
            # as the approval makes them
            return self.env[model]._workflow_create(vals)
        return self.env[model].create(vals)

    def _matrix_write_vals(self, model, role):
        n = self._next()
        return {
            "welfare.member": {"phone": "0812345678"},
            "welfare.member.beneficiary": {"name": f"ทายาทแก้ไข {n}"},
            "welfare.member.dependant": {"name": f"บุตรแก้ไข {n}"},
            "welfare.member.period": {"note": f"แก้ไข {n}"},
            "welfare.arrears.waiver": {"reason": f"เหตุผลแก้ไข {n}"},
            "welfare.contribution.scheme": {"name": f"แผนแก้ไข {n}"},
            "welfare.contribution": {"payment_reference": "REF-1"},
            "welfare.collection": {"village_no": "5"},
            "welfare.benefit.type": {"name": f"สวัสดิการแก้ไข {n}"},
            "welfare.benefit.tier": {"amount": 200.0},
            "welfare.claim": {"description": "แก้ไข"},
            "welfare.claim.payee": {"share": 50.0},
        }[model]

    def test_matrix_member(self):
        self._check_access_matrix("welfare.member")

    def test_matrix_beneficiary(self):
        self._check_access_matrix("welfare.member.beneficiary")

    def test_matrix_dependant(self):
        self._check_access_matrix("welfare.member.dependant")

    def test_matrix_member_period(self):
        self._check_access_matrix("welfare.member.period")

    def test_matrix_arrears_waiver(self):
        self._check_access_matrix("welfare.arrears.waiver")

    def test_matrix_contribution_scheme(self):
        self._check_access_matrix("welfare.contribution.scheme")

    def test_matrix_contribution(self):
        self._check_access_matrix("welfare.contribution")

    def test_matrix_collection(self):
        self._check_access_matrix("welfare.collection")

    def test_matrix_benefit_type(self):
        self._check_access_matrix("welfare.benefit.type")

    def test_matrix_benefit_tier(self):
        self._check_access_matrix("welfare.benefit.tier")

    def test_matrix_claim(self):
        self._check_access_matrix("welfare.claim")

    def test_matrix_claim_payee(self):
        self._check_access_matrix("welfare.claim.payee")

    def test_sensitive_fields_only_for_the_funds_own_staff(self):
        fund = self.own_fund
        records = {
            "welfare.member": self.members[fund],
            "welfare.member.beneficiary": self._matrix_record(
                "welfare.member.beneficiary", fund
            ),
            "welfare.claim": self._matrix_record("welfare.claim", fund),
        }
        records["welfare.member.beneficiary"].national_id = thai_id.make("310170012345")
        for (model, fname), allowed in SENSITIVE.items():
            for role in self._matrix_roles():
                record = self._matrix_env_model(model, role).browse(records[model].id)
                with self.subTest(model=model, field=fname, role=role):
                    if role in allowed:
                        self.assertTrue(record.read([fname])[0][fname])
                    else:
                        with self.assertRaises(AccessError):
                            record.read([fname])

    def test_network_sees_national_ids_masked(self):
        member = self._matrix_env_model("welfare.member", "network").browse(
            self.members[self.own_fund].id
        )
        display = member.national_id_display
        self.assertTrue(display.startswith("x-xxxx-xxxxx-"))
        self.assertNotIn(self.members[self.own_fund].national_id[:10], display)

    def test_other_funds_chatter_contacts_and_documents_stay_hidden(self):
        member = self.members[self.other_fund]
        member.message_post(body="บันทึกของกองทุนอื่น", message_type="comment")
        claim = self._matrix_record("welfare.claim", self.other_fund)
        document = self.env["ir.attachment"].create(
            {
                "name": "ใบรับรองแพทย์.pdf",
                "raw": b"%PDF-1.4 test",
                "res_model": "welfare.claim",
                "res_id": claim.id,
            }
        )
        for role in self._matrix_roles():
            with self.subTest(role=role):
                user = self.matrix_users[role]
                Message = self.env["mail.message"].with_user(user)
                self.assertFalse(
                    Message.search(
                        [("model", "=", "welfare.member"), ("res_id", "=", member.id)]
                    )
                )
                with self.assertRaises(AccessError):
                    member.partner_id.with_user(user).read(["name", "phone"])
                with self.assertRaises(AccessError):
                    document.with_user(user).read(["datas"])

    def test_claim_documents_only_for_the_funds_staff(self):
        claim = self._matrix_record("welfare.claim", self.own_fund)
        document = self.env["ir.attachment"].create(
            {
                "name": "ใบรับรองแพทย์.pdf",
                "raw": b"%PDF-1.4 test",
                "res_model": "welfare.claim",
                "res_id": claim.id,
            }
        )
        claim.attachment_ids = document
        for role in self._matrix_roles():
            user_document = document.with_user(self.matrix_users[role]).with_context(
                allowed_company_ids=self.matrix_users[role].company_ids.ids
            )
            with self.subTest(role=role):
                if role in ("officer", "committee", "manager"):
                    self.assertTrue(user_document.read(["datas"])[0]["datas"])
                else:
                    with self.assertRaises(AccessError):
                        user_document.read(["datas"])
        # the reviewer still reads the claim itself, without its documents
        network_claim = self._matrix_env_model("welfare.claim", "network").browse(
            claim.id
        )
        self.assertEqual(network_claim.state, "draft")
        with self.assertRaises(AccessError):
            network_claim.read(["attachment_ids"])
