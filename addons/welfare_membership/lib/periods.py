"""Contribution periods: what a payment covers under a day, month or year scheme.

A scheme asks ``rate`` baht per ``period`` ('day', 'month' or 'year'). A
member's ``paid_until`` is the last day their contributions cover. A payment
covers whole periods first, counted from the day after ``paid_until``; what is
left buys days at the scheme's daily rate (a month is 30 days' worth, a year
365), so partial payments are allowed and advance payments simply extend
``paid_until``. Fractions of a day's rate are not carried over.
"""

import datetime
import math

from dateutil.relativedelta import relativedelta

ONE_DAY = datetime.timedelta(days=1)
DAYS_WORTH = {"day": 1, "month": 30, "year": 365}
PERIODS = tuple(DAYS_WORTH)
#: instalments of each period in a year: a year's worth follows the scheme's
#: own period (12 x 30 baht a month = 360, not 365 days at 1 baht)
PER_YEAR = {"day": 365, "month": 12, "year": 1}
#: instalments of each period in a month (a daily scheme's month is 30 days)
PER_MONTH = {"day": 30, "month": 1, "year": 1 / 12}


def _check(rate, period):
    if period not in DAYS_WORTH:
        raise ValueError(f"unknown period {period!r}")
    if rate <= 0:
        raise ValueError("the rate of a scheme must be positive")


def _step(period, count):
    if period == "month":
        return relativedelta(months=count)
    if period == "year":
        return relativedelta(years=count)
    return relativedelta(days=count)


def daily_rate(rate, period):
    """Baht a day under the scheme: 30 a month -> 1 a day."""
    _check(rate, period)
    return rate / DAYS_WORTH[period]


def yearly_amount(rate, period):
    """A year's worth under the scheme: 1 a day -> 365, 30 a month -> 360."""
    _check(rate, period)
    return round(rate * PER_YEAR[period], 2)


def monthly_amount(rate, period):
    """A month's worth: 1 a day -> 30, 30 a month -> 30, 365 a year -> 30.42."""
    _check(rate, period)
    return round(rate * PER_MONTH[period], 2)


def coverage_start(paid_until, join_date, pay_date):
    """First day a new payment covers.

    The day after ``paid_until``; for a first payment, the join date or, for
    an applicant not yet joined, the payment date.
    """
    if paid_until:
        return paid_until + ONE_DAY
    return join_date or pay_date


def cover(start, amount, rate, period):
    """Period covered by ``amount`` baht from ``start``: (start, end, days).

    ``end`` is the last day covered (``start - 1 day`` when the amount buys
    not even one day). Whole periods are counted on the calendar from
    ``start`` (1 month from 31 January ends on 28 February); the remainder
    buys days at the daily rate.
    """
    _check(rate, period)
    if amount < 0:
        raise ValueError("a payment cannot be negative")
    # work in satang to avoid float drift: 45.00 / 30.00 must be exact
    amount_s = round(amount * 100)
    rate_s = round(rate * 100)
    whole = amount_s // rate_s
    rest = amount_s - whole * rate_s
    next_start = start + _step(period, whole)
    extra_days = (rest * DAYS_WORTH[period]) // rate_s
    next_start += datetime.timedelta(days=extra_days)
    end = next_start - ONE_DAY
    return start, end, (next_start - start).days


def price(start, end, rate, period):
    """Baht needed to cover ``start`` .. ``end`` (inclusive), whole periods first.

    The inverse of :func:`cover` for whole periods; partial periods are
    charged by the day and rounded up to the satang.
    """
    _check(rate, period)
    if end < start:
        return 0.0
    stop = end + ONE_DAY
    whole = 0
    if period != "day":
        while start + _step(period, whole + 1) <= stop:
            whole += 1
    days = (stop - (start + _step(period, whole))).days
    rate_s = round(rate * 100)
    amount_s = whole * rate_s + math.ceil(days * rate_s / DAYS_WORTH[period])
    return amount_s / 100


def proposed_amount(paid_until, join_date, today, rate, period):
    """Amount to propose at a collection: arrears to the current period, else one.

    A member behind pays up to the end of the current period counted from
    the first unpaid day (for a daily scheme: the current month); a member
    up to date pays one instalment ahead (a daily scheme's instalment is a
    month's worth).
    """
    _check(rate, period)
    start = coverage_start(paid_until, join_date, today)
    if start > today:
        return float(rate * (30 if period == "day" else 1))
    unit = "month" if period == "day" else period
    count = 1
    while start + _step(unit, count) <= today:
        count += 1
    return price(start, start + _step(unit, count) - ONE_DAY, rate, period)


def chain(start, payments, rate, period):
    """Periods of successive payments from ``start``: [(start, end, days), ...]."""
    result = []
    for amount in payments:
        s, e, d = cover(start, amount, rate, period)
        result.append((s, e, d))
        start = e + ONE_DAY
    return result
