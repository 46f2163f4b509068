"""CODI matching: who counts and how much, for one fiscal year.

Plain Python, no Odoo. CODI's fiscal year runs 1 October - 30 September and is
named by the CE year in which it ends: fiscal year 2026 is 1 Oct 2025 - 30 Sep 2026.
A member counts when active, a member for at least ``min_years`` full years on
30 September, and matched fewer than ``max_times`` times before.
"""

from decimal import ROUND_HALF_UP, Decimal

from odoo.addons.welfare_base.lib.thai_calendar import (
    completed_years,
    fiscal_year_bounds,
)

MIN_YEARS = 1
MAX_TIMES = 3
#: default cap of the matching asked for one member in a year: the classic
#: scheme's year, one baht a day (365 baht), matched 1:1
DEFAULT_CAP = 365.0
ELIGIBLE_STATES = ("active",)

# Reasons a member does not count (keys for the translated labels of the model).
ELIGIBLE = "eligible"
NOT_ACTIVE = "not_active"
TOO_RECENT = "too_recent"
MAX_REACHED = "max_reached"
NO_CONTRIBUTION = "no_contribution"

CENT = Decimal("0.01")


def cutoff_date(fiscal_year):
    """30 September of the fiscal year: the day membership years are counted on."""
    return fiscal_year_bounds(fiscal_year)[1]


def eligibility(
    state,
    join_date,
    fiscal_year,
    times_matched,
    min_years=MIN_YEARS,
    max_times=MAX_TIMES,
    states=ELIGIBLE_STATES,
):
    """Why a member counts for the fiscal year's matching, or why not.

    Returns one of ELIGIBLE, NOT_ACTIVE, TOO_RECENT, MAX_REACHED.
    """
    if state not in states:
        return NOT_ACTIVE
    years = completed_years(join_date, cutoff_date(fiscal_year))
    if not join_date or years < min_years:
        return TOO_RECENT
    if (times_matched or 0) >= max_times:
        return MAX_REACHED
    return ELIGIBLE


def share_in_period(amount, start, end, date_from, date_to, price=None):
    """Part of a payment covering ``start`` .. ``end`` that pays for days of
    ``date_from`` .. ``date_to``: contributions count for the period they pay
    for, not the day they were paid (arrears paid late belong to the years
    they cover, advance payments to the years ahead).

    ``price(start, end)``, when given, is the scheme's price of a stretch of
    days: when it prices the whole payment exactly, the part inside is priced
    the same way (30 baht a month covering September and October: 30 in each
    year). Otherwise the payment is shared by days. Rounded to the satang.
    """
    if not amount or not start or not end or end < start:
        return 0.0
    low, high = max(start, date_from), min(end, date_to)
    if high < low:
        return 0.0
    if start >= date_from and end <= date_to:
        return float(amount)
    if price is not None and abs(price(start, end) - amount) < 0.005:
        return min(float(price(low, high)), float(amount))
    days = (high - low).days + 1
    total = (end - start).days + 1
    share = Decimal(str(amount)) * days / total
    return float(share.quantize(CENT, rounding=ROUND_HALF_UP))


def matching_amount(contributions, rate=1.0, cap=0.0):
    """Matching money for one member: contributions x rate, at most ``cap`` (0 = none).

    Rounded to the satang, never negative.
    """
    amount = Decimal(str(contributions or 0)) * Decimal(str(rate or 0))
    if cap and Decimal(str(cap)) > 0:
        amount = min(amount, Decimal(str(cap)))
    amount = max(amount, Decimal(0))
    return float(amount.quantize(CENT, rounding=ROUND_HALF_UP))


def build_lines(members, fiscal_year, rate=1.0, cap=0.0, **rules):
    """Eligible members and their amounts, in the order given.

    ``members`` is an iterable of dicts with keys ``id``, ``state``, ``join_date``,
    ``times_matched`` and ``contributions`` (their contributions of the year).
    Returns ``(lines, skipped)``: ``lines`` are dicts with ``id``, ``years``,
    ``times_matched``, ``contributions`` and ``amount``; ``skipped`` maps each
    member id left out to its reason. A member with no contribution in the year
    is left out (NO_CONTRIBUTION): there is nothing to match.
    """
    lines, skipped = [], {}
    cutoff = cutoff_date(fiscal_year)
    for member in members:
        reason = eligibility(
            member["state"],
            member["join_date"],
            fiscal_year,
            member.get("times_matched", 0),
            **rules,
        )
        amount = matching_amount(member.get("contributions"), rate, cap)
        if reason == ELIGIBLE and amount <= 0:
            reason = NO_CONTRIBUTION
        if reason != ELIGIBLE:
            skipped[member["id"]] = reason
            continue
        lines.append(
            {
                "id": member["id"],
                "years": completed_years(member["join_date"], cutoff),
                "times_matched": member.get("times_matched", 0),
                "contributions": member.get("contributions") or 0.0,
                "amount": amount,
            }
        )
    return lines, skipped
