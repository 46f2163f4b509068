import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.welfare_base.lib import thai_calendar

from .common import AccountingCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestNumbering(AccountingCase):
    """Claims, grants and matching requests are numbered within their fund
    and Buddhist-era year, with no number shared between funds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.be = thai_calendar.be_year(cls.today)
        cls.benefits = {
            fund: cls.env["welfare.benefit.type"].create(
                {
                    "fund_id": fund.id,
                    "name": "สวัสดิการทดสอบเลขที่",
                    "category": "other",
                    "amount_type": "fixed",
                    "amount": 500.0,
                }
            )
            for fund in (cls.fund, cls.other_fund)
        }

    def _claim(self, member):
        return self.env["welfare.claim"].create(
            {
                "member_id": member.id,
                "benefit_type_id": self.benefits[member.fund_id].id,
                "event_date": self.today,
            }
        )

    def _grant(self, fund, date):
        grant = self.env["welfare.grant"].create(
            {
                "fund_id": fund.id,
                "source": "donation",
                "date": date,
                "amount": 1000.0,
            }
        )
        grant.action_post()
        return grant

    def test_claims_are_numbered_within_each_fund_and_be_year(self):
        first = self._claim(self.member)
        second = self._claim(self.member2)
        elsewhere = self._claim(self.other_member)
        self.assertEqual(first.name, f"สค.{self.be}/0001")
        self.assertEqual(second.name, f"สค.{self.be}/0002")
        # the other fund's first claim is its own number one
        self.assertEqual(elsewhere.name, f"สค.{self.be}/0001")

    def test_many_claims_created_at_once_are_consecutive(self):
        claims = self.env["welfare.claim"].create(
            [
                {
                    "member_id": member.id,
                    "benefit_type_id": self.benefits[member.fund_id].id,
                    "event_date": self.today - datetime.timedelta(days=days),
                }
                for member in (self.member, self.member2)
                for days in (1, 2)
            ]
        )
        self.assertEqual(
            claims.mapped("name"),
            [f"สค.{self.be}/{n:04d}" for n in (1, 2, 3, 4)],
        )

    def test_a_number_of_a_rolled_back_claim_is_given_again(self):
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            self._claim(self.member)
            raise RuntimeError("the claim is not saved")
        self.assertEqual(self._claim(self.member).name, f"สค.{self.be}/0001")

    def test_grants_take_the_be_year_of_the_money_received(self):
        old = self._grant(self.fund, D(2025, 11, 3))
        new = self._grant(self.fund, D(2026, 1, 5))
        again = self._grant(self.fund, D(2026, 2, 5))
        other = self._grant(self.other_fund, D(2026, 2, 5))
        self.assertEqual(
            [old.name, new.name, again.name, other.name],
            ["อด.2568/0001", "อด.2569/0001", "อด.2569/0002", "อด.2569/0001"],
        )

    def test_matching_requests_take_the_be_fiscal_year(self):
        Request = self.env["welfare.matching.request"]
        first = Request.create({"fund_id": self.fund.id, "fiscal_year": 2026})
        second = Request.create({"fund_id": self.fund.id, "fiscal_year": 2026})
        other = Request.create({"fund_id": self.other_fund.id, "fiscal_year": 2026})
        self.assertEqual(
            [first.name, second.name, other.name],
            ["คส.2569/0001", "คส.2569/0002", "คส.2569/0001"],
        )

    def test_deleting_the_last_draft_claim_gives_its_number_back(self):
        first = self._claim(self.member)
        last = self._claim(self.member2)
        self.assertEqual(last.name, f"สค.{self.be}/0002")
        last.unlink()
        # the next claim takes the number given back: no gap in the fund
        self.assertEqual(self._claim(self.member2).name, f"สค.{self.be}/0002")
        self.assertEqual(first.name, f"สค.{self.be}/0001")

    def test_a_draft_claim_before_the_last_is_cancelled_not_deleted(self):
        first = self._claim(self.member)
        self._claim(self.member2)
        with self.assertRaisesRegex(UserError, "only the last numbers"):
            first.unlink()
        self.assertTrue(first.exists())
        first.action_cancel()
        self.assertEqual(first.state, "cancelled")
        self.assertEqual(first.name, f"สค.{self.be}/0001")

    def test_deleting_the_last_matching_request_gives_its_number_back(self):
        Request = self.env["welfare.matching.request"]
        first = Request.create({"fund_id": self.fund.id, "fiscal_year": 2026})
        second = Request.create({"fund_id": self.fund.id, "fiscal_year": 2026})
        with self.assertRaisesRegex(UserError, "only the last numbers"):
            first.unlink()
        (first | second).unlink()
        again = Request.create({"fund_id": self.fund.id, "fiscal_year": 2026})
        self.assertEqual(again.name, "คส.2569/0001")
