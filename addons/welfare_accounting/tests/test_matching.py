import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AccountingCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestMatching(AccountingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Fiscal year 2026: 1 Oct 2025 - 30 Sep 2026, members counted on 30 Sep 2026.
        cls.on_cutoff = cls._member("นายครบปี พอดี", join_date=D(2025, 9, 30))
        cls.day_late = cls._member("นายขาดไป วันเดียว", join_date=D(2025, 10, 1))
        cls.thrice = cls._member(
            "นางสามครั้ง แล้ว", join_date=D(2015, 1, 1), codi_matched_before=3
        )
        cls.twice = cls._member(
            "นางสองครั้ง ยังได้", join_date=D(2015, 1, 1), codi_matched_before=2
        )
        members = cls.on_cutoff | cls.day_late | cls.thrice | cls.twice | cls.member
        payments = cls.env["welfare.contribution"]
        for member in members:
            payments |= cls._payment(member, 360.0, date=D(2025, 11, 1))
        payments |= cls._payment(cls.member, 100.0, date=D(2025, 9, 1))
        payments.action_confirm()

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
        line = request.line_ids.filtered(lambda line: line.member_id == self.member)
        # the payment of 1 September 2025 belongs to fiscal year 2025
        self.assertEqual(line.contributions, 360.0)
        self.assertEqual(line.amount, 300.0)
        self.assertEqual(request.amount_total, 300.0 * len(request.line_ids))

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
