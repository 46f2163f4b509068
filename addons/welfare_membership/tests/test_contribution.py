import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from .common_membership import MembershipCase

D = datetime.date


@tagged("post_install", "-at_install")
@freeze_time("2025-02-15")
class TestContribution(MembershipCase):
    def test_day_scheme_first_payment_covers_from_join_date(self):
        member = self._member(join_date=D(2025, 1, 1))
        payment = self._pay(member, 31, D(2025, 1, 5))
        self.assertEqual(
            (payment.period_start, payment.period_end), (D(2025, 1, 1), D(2025, 1, 31))
        )
        self.assertEqual(member.paid_until, D(2025, 1, 31))

    def test_advance_payment_extends_paid_until(self):
        member = self._member(join_date=D(2025, 1, 1), paid_until=D(2025, 1, 31))
        payment = self._pay(member, 365, D(2025, 1, 20))
        self.assertEqual(payment.period_start, D(2025, 2, 1))
        self.assertEqual(member.paid_until, D(2026, 1, 31))

    def test_month_scheme_covers_calendar_months_and_partial_days(self):
        self.scheme.write({"amount": 30.0, "period": "month"})
        member = self._member(join_date=D(2025, 1, 1), paid_until=D(2025, 1, 31))
        payment = self._pay(member, 75, D(2025, 2, 1))
        # two months (February, March) then 15 baht = 15 days of April
        self.assertEqual(payment.period_end, D(2025, 4, 15))

    def test_year_scheme_partial_payment_buys_days(self):
        self.scheme.write({"amount": 365.0, "period": "year"})
        member = self._member(join_date=D(2025, 1, 1))
        payment = self._pay(member, 500, D(2025, 1, 1))
        # one year, then 135 baht = 135 days
        self.assertEqual(payment.period_end, D(2026, 5, 15))

    def test_payments_of_one_member_in_one_batch_are_chained(self):
        member = self._member(join_date=D(2025, 1, 1))
        first = self.Contribution.create(
            {"member_id": member.id, "amount": 31, "date": D(2025, 1, 2)}
        )
        second = self.Contribution.create(
            {"member_id": member.id, "amount": 28, "date": D(2025, 1, 3)}
        )
        (first | second).action_confirm()
        self.assertEqual(second.period_start, D(2025, 2, 1))
        self.assertEqual(member.paid_until, D(2025, 2, 28))

    def test_cancelling_the_latest_payment_moves_paid_until_back(self):
        member = self._member(join_date=D(2025, 1, 1))
        self._pay(member, 31, D(2025, 1, 2))
        last = self._pay(member, 28, D(2025, 2, 2))
        last.action_cancel("รับเงินซ้ำ")
        self.assertEqual(last.state, "cancelled")
        self.assertEqual(member.paid_until, D(2025, 1, 31))

    def test_cancelling_an_earlier_payment_shifts_later_ones_back(self):
        member = self._member(join_date=D(2025, 1, 1))
        first = self._pay(member, 31, D(2025, 1, 2))
        second = self._pay(member, 28, D(2025, 2, 2))
        first.action_cancel("ผิดคน")
        self.assertEqual(
            (second.period_start, second.period_end), (D(2025, 1, 1), D(2025, 1, 28))
        )
        self.assertEqual(member.paid_until, D(2025, 1, 28))

    def test_cancelling_the_only_payment_leaves_nothing_paid(self):
        member = self._member(join_date=D(2025, 1, 1))
        payment = self._pay(member, 31, D(2025, 1, 2))
        payment.action_cancel("ผิดคน")
        self.assertFalse(member.paid_until)

    def test_cancellation_is_audited(self):
        member = self._member()
        payment = self._pay(member, 30, D(2025, 1, 2))
        payment.with_user(self.officer).action_cancel("พิมพ์จำนวนผิด")
        self.assertEqual(payment.cancel_reason, "พิมพ์จำนวนผิด")
        self.assertEqual(payment.cancelled_by_id, self.officer)
        self.assertIn("พิมพ์จำนวนผิด", payment.message_ids[0].body)

    def test_cancellation_needs_a_reason(self):
        payment = self._pay(self._member(), 30, D(2025, 1, 2))
        with self.assertRaises(UserError):
            payment.action_cancel("")

    def test_confirmed_payment_cannot_be_edited(self):
        payment = self._pay(self._member(), 30, D(2025, 1, 2))
        with self.assertRaises(UserError):
            payment.amount = 60

    def test_entry_fee_is_paid_once(self):
        member = self._member(join_date=D(2025, 2, 1))
        fee = self._pay(member, 100, D(2025, 1, 2), kind="entry_fee")
        self.assertTrue(member.entry_fee_paid)
        self.assertFalse(fee.period_start)
        self.assertFalse(member.paid_until)
        with self.assertRaises(ValidationError):
            self._pay(member, 100, D(2025, 1, 3), kind="entry_fee")

    def test_cancelled_entry_fee_can_be_paid_again(self):
        member = self._member(join_date=D(2025, 2, 1))
        self._pay(member, 100, D(2025, 1, 2), kind="entry_fee").action_cancel("ผิด")
        again = self._pay(member, 100, D(2025, 1, 3), kind="entry_fee")
        self.assertEqual(again.state, "confirmed")

    def test_receipt_numbers_are_unique_and_per_fund(self):
        member = self._member(join_date=D(2025, 1, 1))
        other = self._member(fund=self.other_fund, join_date=D(2025, 1, 1))
        first = self._pay(member, 30, D(2025, 1, 2))
        second = self._pay(member, 30, D(2025, 1, 3))
        elsewhere = self._pay(other, 30, D(2025, 1, 3))
        self.assertNotEqual(first.receipt_number, second.receipt_number)
        self.assertTrue(elsewhere.receipt_number)
        self.assertNotEqual(
            self.fund.receipt_sequence_id, self.other_fund.receipt_sequence_id
        )

    def test_leaver_cannot_pay(self):
        member = self._member()
        member.action_resign("ลาออก")
        payment = self.Contribution.create(
            {"member_id": member.id, "amount": 30, "date": D(2025, 1, 2)}
        )
        with self.assertRaises(UserError):
            payment.action_confirm()

    def test_member_behind_is_proposed_the_arrears(self):
        member = self._member(join_date=D(2025, 1, 1), paid_until=D(2025, 1, 31))
        proposed = member._proposed_amounts(D(2025, 3, 10))[member.id]
        # February and March: 28 + 31 days at 1 baht
        self.assertEqual(proposed, 59.0)

    def test_member_paid_up_is_proposed_one_instalment(self):
        member = self._member(join_date=D(2025, 1, 1), paid_until=D(2025, 3, 31))
        self.assertEqual(member._proposed_amounts(D(2025, 3, 10))[member.id], 30.0)


@tagged("post_install", "-at_install")
class TestFundDay(MembershipCase):
    """The suite's dates are Thai days, whatever the users' time zones."""

    @freeze_time("2025-03-31 23:30:00")  # 06:30 on 1 April in Bangkok
    def test_a_payment_dated_by_one_user_is_confirmed_by_another(self):
        member = self._member()
        self.env.user.tz = "Europe/Brussels"
        self.officer.tz = False  # UTC
        payment = self.Contribution.create(
            {"member_id": member.id, "amount": 30.0, "kind": "contribution"}
        )
        self.assertEqual(payment.date, datetime.date(2025, 4, 1))
        payment.with_user(self.officer).action_confirm()
        self.assertEqual(payment.state, "confirmed")

    @freeze_time("2025-12-31 18:00:00")
    def test_today_is_the_date_in_thailand(self):
        self.env.user.tz = "UTC"
        self.assertEqual(welfare_today(self.Member), datetime.date(2026, 1, 1))
