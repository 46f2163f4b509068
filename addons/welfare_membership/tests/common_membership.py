import datetime

from odoo.tests import TransactionCase, new_test_user

from ..lib import thai_id


def make_id(seed):
    """A valid national ID built from a number (deterministic test data)."""
    return thai_id.make(f"1{seed:011d}"[:12])


class MembershipCase(TransactionCase):
    """Two funds, their users, and helpers to make members and payments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Fund = cls.env["welfare.fund"]
        cls.fund = Fund.create({"name": "กองทุนทดสอบสมาชิก", "code": "T-MEM-1"})
        cls.other_fund = Fund.create({"name": "กองทุนทดสอบอื่น", "code": "T-MEM-2"})
        cls.scheme = cls.fund.contribution_scheme_id
        cls.scheme.entry_fee = 100.0
        cls.officer = cls._fund_user("mem_officer", "group_welfare_officer", cls.fund)
        cls.committee = cls._fund_user(
            "mem_committee", "group_welfare_committee", cls.fund
        )
        cls.other_officer = cls._fund_user(
            "mem_other_officer", "group_welfare_officer", cls.other_fund
        )
        cls.Member = cls.env["welfare.member"]
        cls.Contribution = cls.env["welfare.contribution"]
        cls._seed = 1000

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
    def _member(cls, fund=None, **vals):
        cls._seed += 1
        values = {
            "fund_id": (fund or cls.fund).id,
            "name_title": "mr",
            "first_name": f"สมาชิก{cls._seed}",
            "last_name": "ทดสอบ",
            "national_id": make_id(cls._seed),
            "state": "active",
            "join_date": datetime.date(2024, 1, 1),
        }
        values.update(vals)
        return cls.env["welfare.member"]._workflow_create(values)

    def _pay(self, member, amount, date, kind="contribution", method="cash"):
        payment = self.Contribution.create(
            {
                "member_id": member.id,
                "amount": amount,
                "date": date,
                "kind": kind,
                "payment_method": method,
            }
        )
        payment.action_confirm()
        return payment
