import datetime

import pytest

from odoo.addons.welfare_base.lib import thai_calendar as tc

D = datetime.date


def test_thai_date_uses_buddhist_era_and_thai_months():
    assert tc.thai_date(D(2026, 11, 25)) == "25 พฤศจิกายน 2569"
    assert tc.thai_date(D(2026, 1, 2), short=True) == "2 ม.ค. 2569"
    assert tc.thai_date(datetime.datetime(2026, 1, 2, 23, 0)) == "2 มกราคม 2569"
    assert tc.thai_date(False) == ""


def test_buddhist_era_is_christian_era_plus_543():
    assert tc.be_year(D(2026, 1, 1)) == 2569


def test_fiscal_year_runs_october_to_september():
    assert tc.fiscal_year_of(D(2026, 9, 30)) == 2026
    assert tc.fiscal_year_of(D(2026, 10, 1)) == 2027
    assert tc.fiscal_year_bounds(2026) == (D(2025, 10, 1), D(2026, 9, 30))
    assert tc.fiscal_year_bounds("2026") == (D(2025, 10, 1), D(2026, 9, 30))


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (D(2020, 1, 15), D(2025, 1, 14), 4),
        (D(2020, 1, 15), D(2025, 1, 15), 5),  # the anniversary counts on its day
        (D(2024, 2, 29), D(2025, 2, 28), 0),
        (D(2024, 2, 29), D(2025, 9, 30), 1),
        (D(2025, 10, 1), D(2025, 9, 30), 0),  # not yet
        (None, D(2025, 9, 30), 0),
        (D(2025, 9, 30), None, 0),
    ],
)
def test_completed_years_count_as_birthdays_do(start, end, years):
    assert tc.completed_years(start, end) == years
