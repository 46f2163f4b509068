import datetime

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class AccountingCase(TransactionCase):
    """Two funds with their books, members, users and helpers for money."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Fund = cls.env["welfare.fund"]
        cls.fund = Fund.create(
            {
                "name": "กองทุนบัญชีทดสอบ",
                "code": "T-ACC-1",
                "founding_date": datetime.date(2015, 1, 1),
            }
        )
        cls.other_fund = Fund.create({"name": "กองทุนบัญชีอื่น", "code": "T-ACC-2"})
        cls.company = cls.fund.company_id
        cls.fund.contribution_scheme_id.write(
            {"amount": 30.0, "period": "month", "entry_fee": 100.0}
        )
        cls.other_fund.contribution_scheme_id.write({"amount": 30.0, "period": "month"})
        cls.today = welfare_today(cls.env["welfare.fund"])
        cls.officer = cls._user("acc_officer", "welfare_base.group_welfare_officer")
        cls.committee = cls._user(
            "acc_committee", "welfare_base.group_welfare_committee"
        )
        cls.accountant = cls._user(
            "acc_accountant",
            "welfare_base.group_welfare_committee,account.group_account_user",
        )
        cls.other_accountant = cls._user(
            "acc_other_accountant",
            "welfare_base.group_welfare_committee,account.group_account_user",
            cls.other_fund,
        )
        cls.member = cls._member("นางสาวสมใจ ใจดี")
        cls.member2 = cls._member("นายสมศักดิ์ รักดี")
        cls.other_member = cls._member("นายคนอื่น ต่างกองทุน", fund=cls.other_fund)

    @classmethod
    def _user(cls, login, groups, fund=None):
        fund = fund or cls.fund
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=fund.company_id.id,
            company_ids=[fund.company_id.id],
        )

    @classmethod
    def _member(cls, name, fund=None, join_date=None, **vals):
        values = {
            "fund_id": (fund or cls.fund).id,
            "name": name,
            "state": "active",
            "join_date": join_date or datetime.date(2020, 1, 15),
            "birthdate": datetime.date(1970, 3, 1),
            # paid up: payments in the tests extend the cover, never catch up
            "paid_until": welfare_today(cls.env["welfare.member"])
            + datetime.timedelta(days=60),
        }
        values.update(vals)
        return cls.env["welfare.member"]._workflow_create(values)

    @classmethod
    def _payment(cls, member, amount=30.0, method="cash", date=None, **vals):
        values = {
            "fund_id": member.fund_id.id,
            "member_id": member.id,
            "amount": amount,
            "payment_method": method,
            "date": date or cls.today,
        }
        values.update(vals)
        return cls.env["welfare.contribution"].create(values)

    def _account(self, fund, category, benefit=False):
        return fund._welfare_account(category, benefit)

    def _lines(self, move, account):
        return move.line_ids.filtered(lambda line: line.account_id == account)
