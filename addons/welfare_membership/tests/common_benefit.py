import datetime

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class BenefitCase(TransactionCase):
    """Two funds with their users, and helpers to make members and claims."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Fund = cls.env["welfare.fund"]
        cls.fund = Fund.create({"name": "กองทุนทดสอบสวัสดิการ", "code": "T-BEN-1"})
        cls.other_fund = Fund.create({"name": "กองทุนอื่น", "code": "T-BEN-2"})
        cls.company = cls.fund.company_id
        cls.officer = cls._fund_user("ben_officer", "group_welfare_officer", cls.fund)
        cls.committee = cls._fund_user(
            "ben_committee", "group_welfare_committee", cls.fund
        )
        cls.other_officer = cls._fund_user(
            "ben_other_officer", "group_welfare_officer", cls.other_fund
        )
        cls.network = cls._fund_user("ben_network", "group_welfare_network", cls.fund)
        cls.today = welfare_today(cls.env["welfare.claim"])
        cls.Claim = cls.env["welfare.claim"]
        cls.Benefit = cls.env["welfare.benefit.type"]

    @classmethod
    def _fund_user(cls, login, group, fund):
        return new_test_user(
            cls.env,
            login=login,
            groups=f"welfare_base.{group}",
            company_id=fund.company_id.id,
            company_ids=[fund.company_id.id],
        )

    @classmethod
    def _member(cls, fund=None, years=3, **vals):
        fund = fund or cls.fund
        today = welfare_today(cls.env["welfare.member"])
        values = {
            "fund_id": fund.id,
            "name": "นายสมาชิก ทดสอบ",
            "state": "active",
            "join_date": today - datetime.timedelta(days=365 * years + 1),
            "birthdate": datetime.date(1970, 3, 1),
            # covered to the end of this month: paid up
            "paid_until": (today.replace(day=28) + datetime.timedelta(days=4)).replace(
                day=1
            )
            - datetime.timedelta(days=1),
        }
        values.update(vals)
        return cls.env["welfare.member"]._workflow_create(values)

    @classmethod
    def _benefit(cls, fund=None, **vals):
        values = {
            "fund_id": (fund or cls.fund).id,
            "name": vals.pop("name", "สวัสดิการทดสอบ"),
            "category": "other",
            "amount_type": "fixed",
            "amount": 1000.0,
            "require_paid_up": True,
        }
        values.update(vals)
        return cls.env["welfare.benefit.type"].create(values)

    def _claim(self, member, benefit, event_date=None, **vals):
        values = {
            "member_id": member.id,
            "benefit_type_id": benefit.id,
            "event_date": event_date or welfare_today(self.Claim),
        }
        values.update(vals)
        return self.Claim.create(values)

    def _approved(self, member, benefit, event_date=None, **vals):
        claim = self._claim(member, benefit, event_date, **vals)
        claim.action_submit()
        claim.with_user(self.committee).action_approve()
        return claim
