import datetime

from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AccountingCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestMatching(AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Fiscal year 2026: 1 Oct 2025 - 30 Sep 2026, members counted on 30 Sep 2026.
        # The scheme asks 30 baht a month: 360 paid on 1 Nov 2025 by a member
        # paid until 30 Sep 2025 covers exactly fiscal year 2026.
        fy2025_end = D(2025, 9, 30)
        cls.on_cutoff = cls._member(
            "นายครบปี พอดี", join_date=D(2025, 9, 30), paid_until=fy2025_end
        )
        cls.day_late = cls._member(
            "นายขาดไป วันเดียว", join_date=D(2025, 10, 1), paid_until=fy2025_end
        )
        cls.thrice = cls._member(
            "นางสามครั้ง แล้ว",
            join_date=D(2015, 1, 1),
            codi_matched_before=3,
            paid_until=fy2025_end,
        )
        cls.twice = cls._member(
            "นางสองครั้ง ยังได้",
            join_date=D(2015, 1, 1),
            codi_matched_before=2,
            paid_until=fy2025_end,
        )
        # paid until 31 Aug 2025: 30 baht on 1 Sep 2025 pays September 2025
        # (fiscal year 2025), then 360 pays fiscal year 2026
        cls.payer = cls._member(
            "นางสาวจ่ายครบ ทั้งปี", join_date=D(2015, 1, 1), paid_until=D(2025, 8, 31)
        )
        payments = cls._payment(cls.payer, 30.0, date=D(2025, 9, 1))
        members = cls.on_cutoff | cls.day_late | cls.thrice | cls.twice | cls.payer
        for member in members:
            payments |= cls._payment(member, 360.0, date=D(2025, 11, 1))
        payments.action_confirm()
        # active members as of today, whatever today's arrears say: the
        # request counts members active when it is made
        members._workflow_write({"state": "active"})

    def _request(self, **vals):
        values = {"fund_id": self.fund.id, "fiscal_year": 2026}
        values.update(vals)
        request = self.env["welfare.matching.request"].create(values)
        request.action_compute_lines()
        return request

    def test_member_of_exactly_one_year_on_30_september_counts(self):
        request = self._request()
        self.assertIn(self.on_cutoff, request.line_ids.member_id)

    def test_member_joined_on_1_october_waits_a_year(self):
        request = self._request()
        self.assertNotIn(self.day_late, request.line_ids.member_id)

    def test_member_matched_three_times_is_left_out(self):
        request = self._request()
        self.assertNotIn(self.thrice, request.line_ids.member_id)
        self.assertIn(self.twice, request.line_ids.member_id)

    def test_amount_is_the_year_contributions_capped(self):
        request = self._request(cap_per_member=300.0)
        line = request.line_ids.filtered(lambda line: line.member_id == self.payer)
        # the payment of 1 September 2025 pays for fiscal year 2025
        self.assertEqual(line.contributions, 360.0)
        self.assertEqual(line.amount, 300.0)
        self.assertEqual(request.amount_total, 300.0 * len(request.line_ids))

    def test_new_request_caps_members_at_the_fund_setting(self):
        # no cap given: the fund's, 365 baht by default, not "no cap"
        self.assertEqual(self.fund.codi_matching_cap, 365.0)
        request = self._request(rate=2.0)
        self.assertEqual(request.cap_per_member, 365.0)
        line = request.line_ids.filtered(lambda line: line.member_id == self.payer)
        self.assertEqual(line.amount, 365.0)
        self.fund.codi_matching_cap = 200.0
        other = self._request(fiscal_year=2027)
        self.assertEqual(other.cap_per_member, 200.0)

    def test_fund_matching_cap_is_the_administrators_setting(self):
        with self.assertRaises(UserError):
            self.fund.with_user(self.committee).write({"codi_matching_cap": 0.0})
        self.assertEqual(self.fund.codi_matching_cap, 365.0)

    def test_second_request_for_the_same_year_and_round_is_refused(self):
        first = self._request()
        with self.assertRaisesRegex(ValidationError, "round 1"):
            self._request(matching_round=first.matching_round)

    def test_the_next_request_of_a_year_takes_the_next_round(self):
        first = self._request()
        second = self._request()
        self.assertEqual((first.matching_round, second.matching_round), (1, 2))

    def test_a_cancelled_request_may_be_made_again(self):
        first = self._request()
        first.action_cancel()
        again = self._request(matching_round=first.matching_round)
        self.assertEqual(again.matching_round, 1)

    def test_database_refuses_a_second_request_for_a_round(self):
        first = self._request()
        with (
            self.assertRaises(UniqueViolation),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            # past the ORM's check: the database itself refuses
            self.cr.execute(
                "INSERT INTO welfare_matching_request "
                "(name, fund_id, company_id, fiscal_year, matching_round, date, "
                "rate, min_years, max_times, state) "
                "SELECT '/', fund_id, company_id, fiscal_year, matching_round, "
                "date, rate, min_years, max_times, 'draft' "
                "FROM welfare_matching_request WHERE id = %s",
                [first.id],
            )

    def test_arrears_paid_late_count_for_the_year_they_pay_for(self):
        # paid until 30 June 2025; on 15 Oct 2025 (fiscal year 2026) pays the
        # arrears of July-September 2025 (90) and the year ahead (360)
        late = self._member(
            "นายค้างส่ง มาจ่าย", join_date=D(2015, 1, 1), paid_until=D(2025, 6, 30)
        )
        self._payment(late, 450.0, date=D(2025, 10, 15)).action_confirm()
        late._workflow_write({"state": "active"})
        line = self._request().line_ids.filtered(lambda line: line.member_id == late)
        self.assertEqual(line.contributions, 360.0)
        previous = self._request(fiscal_year=2025).line_ids
        self.assertEqual(
            previous.filtered(lambda line: line.member_id == late).contributions,
            90.0,
        )

    def test_advance_payments_count_for_the_years_ahead(self):
        # paid on 20 Sep 2025 (fiscal year 2025) for October 2025 - September
        # 2027: half of it pays fiscal year 2026, the rest fiscal year 2027
        ahead = self._member(
            "นางจ่ายล่วงหน้า สองปี", join_date=D(2015, 1, 1), paid_until=D(2025, 9, 30)
        )
        self._payment(ahead, 720.0, date=D(2025, 9, 20)).action_confirm()
        ahead._workflow_write({"state": "active"})
        self.assertEqual(ahead.paid_until, D(2027, 9, 30))
        line = self._request().line_ids.filtered(lambda line: line.member_id == ahead)
        self.assertEqual(line.contributions, 360.0)
        self.assertNotIn(ahead, self._request(fiscal_year=2025).line_ids.member_id)

    def test_receiving_the_money_posts_the_round_grant(self):
        request = self._request(matching_round=4)
        request.action_submit()
        grant = request._record_receipt(request.amount_total, D(2026, 10, 15), "พอช.")
        self.assertEqual(request.state, "received")
        self.assertEqual(grant.source, "codi_matching")
        self.assertEqual(grant.matching_round, 4)
        self.assertEqual(grant.state, "posted")
        self.assertEqual(grant.move_id.company_id, self.company)

    def test_receiving_counts_one_matching_per_member(self):
        request = self._request()
        request.action_submit()
        before = self.twice.codi_matched_count
        request._record_receipt(request.amount_total, D(2026, 10, 15))
        self.twice.invalidate_recordset(["codi_matched_count"])
        self.assertEqual(self.twice.codi_matched_count, before + 1)
        self.assertEqual(self.day_late.codi_matched_count, 0)

    def test_third_matching_closes_the_member_next_year(self):
        request = self._request()
        request.action_submit()
        request._record_receipt(request.amount_total, D(2026, 10, 15))
        next_year = self._request(fiscal_year=2027)
        self.assertNotIn(self.twice, next_year.line_ids.member_id)

    def test_submitting_an_empty_request_is_refused(self):
        request = self.env["welfare.matching.request"].create(
            {"fund_id": self.other_fund.id, "fiscal_year": 2026}
        )
        with self.assertRaises(UserError):
            request.action_submit()
