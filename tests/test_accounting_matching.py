import datetime

from odoo.addons.welfare_accounting.lib import matching as m
from odoo.addons.welfare_base.lib.thai_calendar import fiscal_year_bounds
from odoo.addons.welfare_membership.lib import periods

D = datetime.date


def test_member_of_exactly_one_year_on_30_september_counts():
    assert m.eligibility("active", D(2025, 9, 30), 2026, 0) == m.ELIGIBLE


def test_member_joined_the_day_after_the_cutoff_does_not_count():
    assert m.eligibility("active", D(2025, 10, 1), 2026, 0) == m.TOO_RECENT


def test_member_joined_on_29_february_counts_on_later_30_september():
    assert m.eligibility("active", D(2024, 2, 29), 2025, 0) == m.ELIGIBLE


def test_member_matched_three_times_is_capped():
    assert m.eligibility("active", D(2015, 1, 1), 2026, 3) == m.MAX_REACHED


def test_member_matched_twice_still_counts():
    assert m.eligibility("active", D(2015, 1, 1), 2026, 2) == m.ELIGIBLE


def test_member_not_active_does_not_count():
    for state in ("grace", "suspended", "terminated", "deceased", "applicant"):
        assert m.eligibility(state, D(2015, 1, 1), 2026, 0) == m.NOT_ACTIVE


def test_member_without_join_date_does_not_count():
    assert m.eligibility("active", None, 2026, 0) == m.TOO_RECENT


def test_rules_are_configurable():
    assert m.eligibility("active", D(2024, 9, 30), 2026, 4, max_times=5) == m.ELIGIBLE
    assert m.eligibility("active", D(2024, 10, 1), 2026, 0, min_years=2) == m.TOO_RECENT


def test_amount_matches_one_to_one_by_default():
    assert m.matching_amount(365) == 365.0


def test_amount_is_capped():
    assert m.matching_amount(500, cap=365) == 365.0


def test_amount_at_a_rate_rounds_to_the_satang():
    assert m.matching_amount(365, rate=0.333) == 121.55


def test_zero_cap_means_no_cap():
    assert m.matching_amount(1000, cap=0) == 1000.0


def test_build_lines_keeps_eligible_members_with_their_amounts():
    members = [
        {
            "id": 1,
            "state": "active",
            "join_date": D(2020, 5, 1),
            "times_matched": 1,
            "contributions": 365.0,
        },
        {
            "id": 2,
            "state": "active",
            "join_date": D(2025, 12, 1),
            "times_matched": 0,
            "contributions": 300.0,
        },
        {
            "id": 3,
            "state": "active",
            "join_date": D(2020, 5, 1),
            "times_matched": 3,
            "contributions": 365.0,
        },
        {
            "id": 4,
            "state": "active",
            "join_date": D(2020, 5, 1),
            "times_matched": 0,
            "contributions": 0.0,
        },
    ]
    lines, skipped = m.build_lines(members, 2026, cap=300)
    assert [(line["id"], line["amount"], line["years"]) for line in lines] == [
        (1, 300.0, 6)
    ]
    assert skipped == {2: m.TOO_RECENT, 3: m.MAX_REACHED, 4: m.NO_CONTRIBUTION}


def _price(start, end):
    return periods.price(start, end, 30, "month")


def test_payment_inside_the_year_counts_whole():
    fy = fiscal_year_bounds(2026)
    assert m.share_in_period(360, D(2025, 10, 1), D(2026, 9, 30), *fy) == 360


def test_arrears_paid_in_the_new_year_belong_to_the_old():
    fy = fiscal_year_bounds(2026)
    # July - September 2025 paid on any day: nothing of fiscal year 2026
    assert m.share_in_period(90, D(2025, 7, 1), D(2025, 9, 30), *fy) == 0


def test_payment_across_the_boundary_is_priced_by_the_scheme():
    fy = fiscal_year_bounds(2026)
    # 60 baht for September and October 2025: 30 in each fiscal year
    assert m.share_in_period(60, D(2025, 9, 1), D(2025, 10, 31), *fy, _price) == 30
    # without a price, shared by days: 31 of 61 days
    assert m.share_in_period(61, D(2025, 9, 1), D(2025, 10, 31), *fy) == 31


def test_advance_payment_counts_only_the_year_it_covers():
    fy = fiscal_year_bounds(2026)
    assert m.share_in_period(720, D(2025, 10, 1), D(2027, 9, 30), *fy, _price) == 360
