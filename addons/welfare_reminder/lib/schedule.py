"""When reminders are due: the day a member reaches a rung of the arrears
ladder, and whether that day is close enough to remind them.

A member is ``months`` months in arrears from the day ``months`` calendar
months after their last covered day (``arrears.months_in_arrears`` counts
whole months the same way): paid up to 31 January, a member is one month
behind from 28 February and three months behind from 30 April.
"""

import datetime

from dateutil.relativedelta import relativedelta


def last_covered_day(paid_until, join_date):
    """The last day paid for: ``paid_until``, or the day before joining."""
    if paid_until:
        return paid_until
    if join_date:
        return join_date - datetime.timedelta(days=1)
    return None


def threshold_day(paid_until, join_date, months):
    """The first day a member is ``months`` months in arrears (None: unknown)."""
    last = last_covered_day(paid_until, join_date)
    if last is None:
        return None
    return last + relativedelta(months=months)


def is_due(event_day, today, days_before):
    """A reminder of ``event_day`` goes out in the ``days_before`` days before it."""
    if event_day is None:
        return False
    return 0 < (event_day - today).days <= days_before
