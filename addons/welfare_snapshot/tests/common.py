import datetime

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.welfare_base.lib.thai_calendar import (
    fiscal_year_bounds,
    fiscal_year_of,
)
from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.tests.common_membership import make_id


class SnapshotCase(TransactionCase):
    """A Roi Et fund with members, payments and a paid claim this year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = welfare_today(cls.env["welfare.fund"])
        cls.year = fiscal_year_of(cls.today)
        cls.start, cls.end = fiscal_year_bounds(cls.year)
        cls.prev_start, cls.prev_end = fiscal_year_bounds(cls.year - 1)
        Sub = cls.env["welfare.subdistrict"]
        cls.fund = cls.env["welfare.fund"].create(
            {
                "name": "กองทุนสวัสดิการชุมชนตำบลทดสอบยอด",
                "code": "T-SNAP-1",
                "subdistrict_id": Sub.search([("code", "=", "450104")]).id,
                "founding_date": datetime.date(2010, 5, 1),
            }
        )
        cls.other_fund = cls.env["welfare.fund"].create(
            {
                "name": "กองทุนสวัสดิการชุมชนตำบลทดสอบอื่น",
                "code": "T-SNAP-2",
                "subdistrict_id": Sub.search([("code", "=", "400101")]).id,
                "founding_date": datetime.date(2012, 1, 1),
            }
        )
        cls.committee = new_test_user(
            cls.env,
            login="snap_committee",
            groups="welfare_base.group_welfare_committee",
            company_id=cls.fund.company_id.id,
            company_ids=[cls.fund.company_id.id],
        )
        cls._seed = 5000
        long_ago = datetime.date(2015, 1, 1)
        cls.general = cls._member(member_type="general", join_date=long_ago)
        cls.elderly = cls._member(member_type="elderly", join_date=long_ago)
        # joined this year: counts this year only
        cls.newcomer = cls._member(member_type="youth", join_date=cls.start)
        # resigned this year: active at the end of last year
        cls.resigned = cls._member(
            member_type="general",
            join_date=long_ago,
            state="resigned",
            state_date=cls.start,
            resign_date=cls.start,
        )
        cls._pay(cls.general, 365.0, cls.prev_start)
        cls._pay(cls.general, 365.0, cls.start)
        cls._pay(cls.elderly, 120.0, cls.start)
        cls._pay(cls.newcomer, 100.0, cls.start, kind="entry_fee")
        cls.benefit = cls.env["welfare.benefit.type"].create(
            {
                "fund_id": cls.fund.id,
                "name": "ค่าทำศพ",
                "category": "funeral",
                "amount_type": "fixed",
                "amount": 250.0,
                "require_paid_up": False,
            }
        )
        claim = cls.env["welfare.claim"].create(
            {
                "member_id": cls.elderly.id,
                "benefit_type_id": cls.benefit.id,
                "event_date": cls.today,
            }
        )
        claim.action_submit()
        claim.with_user(cls.committee).action_approve()
        claim._mark_paid({"payment_date": cls.today, "payment_method": "cash"})
        cls.Snapshot = cls.env["welfare.fund.snapshot"]

    @classmethod
    def _member(cls, fund=None, **vals):
        cls._seed += 1
        values = {
            "fund_id": (fund or cls.fund).id,
            "name_title": "mr",
            "first_name": f"สมาชิก{cls._seed}",
            "last_name": "ยอดรวม",
            "national_id": make_id(cls._seed),
            "state": "active",
            # paid up to the end of this month: no arrears
            "paid_until": (
                cls.today.replace(day=28) + datetime.timedelta(days=4)
            ).replace(day=1)
            - datetime.timedelta(days=1),
        }
        values.update(vals)
        return cls.env["welfare.member"]._workflow_create(values)

    @classmethod
    def _pay(cls, member, amount, date, kind="contribution"):
        payment = cls.env["welfare.contribution"].create(
            {
                "member_id": member.id,
                "amount": amount,
                "date": date,
                "kind": kind,
                "payment_method": "cash",
            }
        )
        payment.action_confirm()
        return payment

    def _snapshot(self, fund, year):
        return self.Snapshot.search(
            [("fund_id", "=", fund.id), ("fiscal_year", "=", year)]
        )
