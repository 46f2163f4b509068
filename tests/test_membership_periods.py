import datetime

import pytest

from odoo.addons.welfare_membership.lib import periods as p

D = datetime.date


def test_day_scheme_one_baht_a_day():
    assert p.cover(D(2025, 1, 1), 31, 1, "day") == (D(2025, 1, 1), D(2025, 1, 31), 31)


def test_month_scheme_whole_months_follow_the_calendar():
    start, end, _days = p.cover(D(2025, 1, 31), 30, 30, "month")
    assert end == D(2025, 2, 27)  # 31 January + 1 month = 28 February, exclusive


def test_month_scheme_partial_payment_buys_days():
    assert p.cover(D(2025, 2, 1), 45, 30, "month")[1] == D(2025, 3, 15)


def test_year_scheme_whole_and_partial():
    assert p.cover(D(2025, 1, 1), 365, 365, "year")[1] == D(2025, 12, 31)
    assert p.cover(D(2025, 1, 1), 400, 365, "year")[1] == D(2026, 2, 4)


def test_payment_too_small_for_a_day_covers_nothing():
    start, end, days = p.cover(D(2025, 1, 1), 0.5, 1, "day")
    assert days == 0 and end == D(2024, 12, 31)


def test_satang_amounts_do_not_drift():
    # 0.1 baht a day, 3.1 baht = 31 days exactly
    assert p.cover(D(2025, 1, 1), 3.1, 0.1, "day")[2] == 31


def test_coverage_starts_after_paid_until_else_at_joining():
    assert p.coverage_start(D(2025, 1, 31), D(2020, 1, 1), D(2025, 3, 1)) == D(
        2025, 2, 1
    )
    assert p.coverage_start(None, D(2025, 1, 10), D(2025, 3, 1)) == D(2025, 1, 10)
    assert p.coverage_start(False, None, D(2025, 3, 1)) == D(2025, 3, 1)


def test_chain_links_payments_end_to_start():
    periods = p.chain(D(2025, 1, 1), [31, 28], 1, "day")
    assert periods[1][0] == D(2025, 2, 1)
    assert periods[1][1] == D(2025, 2, 28)


def test_price_inverts_cover_for_whole_periods():
    assert p.price(D(2025, 2, 1), D(2025, 4, 30), 30, "month") == 90
    assert p.price(D(2025, 2, 1), D(2025, 3, 31), 1, "day") == 59


def test_proposed_amount_for_a_member_behind_is_the_arrears():
    amount = p.proposed_amount(D(2025, 1, 31), D(2020, 1, 1), D(2025, 3, 10), 1, "day")
    assert amount == 59  # February and March


def test_proposed_amount_for_a_member_paid_up_is_one_instalment():
    assert p.proposed_amount(D(2025, 3, 31), None, D(2025, 3, 10), 1, "day") == 30
    assert p.proposed_amount(D(2025, 12, 31), None, D(2025, 3, 10), 365, "year") == 365


@pytest.mark.parametrize(("rate", "period"), [(0, "day"), (1, "week")])
def test_bad_scheme_is_refused(rate, period):
    with pytest.raises(ValueError):
        p.cover(D(2025, 1, 1), 10, rate, period)


def test_a_year_of_a_monthly_scheme_is_twelve_instalments():
    # 30 baht a month: a year's worth is 12 x 30 = 360, not 365 days at 1 baht
    assert p.yearly_amount(30, "month") == 360
    assert p.yearly_amount(1, "day") == 365
    assert p.yearly_amount(365, "year") == 365


def test_a_month_of_each_scheme():
    assert p.monthly_amount(1, "day") == 30
    assert p.monthly_amount(30, "month") == 30
    assert p.monthly_amount(360, "year") == 30
