import datetime

import pytest

from odoo.addons.welfare_membership.lib import arrears
from odoo.addons.welfare_reminder.lib import schedule

D = datetime.date


@pytest.mark.parametrize(
    ("paid_until", "months", "day"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 1, 31), 3, D(2026, 4, 30)),
        (D(2026, 3, 15), 1, D(2026, 4, 15)),
        (D(2025, 12, 31), 3, D(2026, 3, 31)),
    ],
)
def test_threshold_day_is_the_first_day_of_that_many_months_behind(
    paid_until, months, day
):
    assert schedule.threshold_day(paid_until, None, months) == day
    assert arrears.months_in_arrears(paid_until, None, day) == months
    before = day - datetime.timedelta(days=1)
    assert arrears.months_in_arrears(paid_until, None, before) == months - 1


def test_member_who_never_paid_counts_from_joining():
    assert schedule.threshold_day(None, D(2026, 1, 1), 1) == D(2026, 1, 31)
    assert schedule.threshold_day(None, None, 1) is None


@pytest.mark.parametrize(
    ("days_left", "due"),
    [(-1, False), (0, False), (1, True), (7, True), (8, False)],
)
def test_reminder_goes_out_in_the_days_before_only(days_left, due):
    today = D(2026, 5, 10)
    assert schedule.is_due(today + datetime.timedelta(days=days_left), today, 7) is due
    assert schedule.is_due(None, today, 7) is False
