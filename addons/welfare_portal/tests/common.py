import datetime

from odoo.tests import HttpCase, new_test_user

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.tests.common_membership import make_id


class PortalCase(HttpCase):
    """Two funds; members with portal logins, and a member of another fund."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Fund = cls.env["welfare.fund"]
        cls.fund = Fund.create({"name": "กองทุนทดสอบพอร์ทัล", "code": "T-POR-1"})
        cls.other_fund = Fund.create({"name": "กองทุนพอร์ทัลอื่น", "code": "T-POR-2"})
        cls.today = welfare_today(cls.env["welfare.member"])
        cls.officer = new_test_user(
            cls.env(context=dict(cls.env.context, no_reset_password=True)),
            login="por_officer",
            groups="welfare_base.group_welfare_officer",
            company_id=cls.fund.company_id.id,
            company_ids=[cls.fund.company_id.id],
        )
        cls.fund.portal_officer_id = cls.officer
        cls._seed = 7000
        cls.member_a = cls._member(first_name="สมชาย", phone="081-234-5601")
        cls.member_b = cls._member(first_name="สมหญิง", phone="0812345602")
        cls.member_c = cls._member(
            fund=cls.other_fund, first_name="สมศักดิ์", phone="0812345603"
        )
        cls.user_a = cls._portal_user(cls.member_a, "por_member_a")
        cls.user_b = cls._portal_user(cls.member_b, "por_member_b")
        cls.user_c = cls._portal_user(cls.member_c, "por_member_c")
        cls.pay_a = cls._pay(cls.member_a, 360.0)
        cls.pay_b = cls._pay(cls.member_b, 360.0)
        cls.pay_c = cls._pay(cls.member_c, 360.0)
        cls.benefit = cls._benefit(cls.fund, name="สวัสดิการคลอดบุตร", category="birth")
        cls.health_benefit = cls._benefit(
            cls.fund, name="ค่านอนโรงพยาบาล", category="hospital"
        )
        cls.other_benefit = cls._benefit(cls.other_fund, name="สวัสดิการกองทุนอื่น")
        cls.claim_b = cls.env["welfare.claim"].create(
            {
                "member_id": cls.member_b.id,
                "benefit_type_id": cls.benefit.id,
                "event_date": cls.today - datetime.timedelta(days=3),
                "description": "คลอดบุตรคนที่สอง",
            }
        )
        cls.claim_c = cls.env["welfare.claim"].create(
            {
                "member_id": cls.member_c.id,
                "benefit_type_id": cls.other_benefit.id,
                "event_date": cls.today - datetime.timedelta(days=3),
            }
        )
        cls.env["welfare.member.beneficiary"].create(
            {"member_id": cls.member_b.id, "name": "เด็กหญิงแก้ว ใจดี", "share": 100.0}
        )

    @classmethod
    def _member(cls, fund=None, **vals):
        cls._seed += 1
        values = {
            "fund_id": (fund or cls.fund).id,
            "name_title": "mr",
            "first_name": f"สมาชิก{cls._seed}",
            "last_name": "ทดสอบพอร์ทัล",
            "national_id": make_id(cls._seed),
            "birthdate": datetime.date(1975, 6, 15),
            "state": "active",
            "join_date": cls.today - datetime.timedelta(days=800),
            # paid up to last month: the payment below brings them up to date
            "paid_until": cls.today - datetime.timedelta(days=40),
        }
        values.update(vals)
        return cls.env["welfare.member"]._workflow_create(values)

    @classmethod
    def _portal_user(cls, member, login):
        user = member._portal_ensure_user()
        user.write({"login": login, "password": login})
        return user

    @classmethod
    def _pay(cls, member, amount):
        payment = cls.env["welfare.contribution"].create(
            {
                "member_id": member.id,
                "amount": amount,
                "date": cls.today - datetime.timedelta(days=20),
            }
        )
        payment.action_confirm()
        return payment

    @classmethod
    def _benefit(cls, fund, **vals):
        values = {
            "fund_id": fund.id,
            "category": "other",
            "amount_type": "fixed",
            "amount": 1000.0,
        }
        values.update(vals)
        return cls.env["welfare.benefit.type"].create(values)
