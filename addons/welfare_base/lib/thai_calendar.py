"""The Thai calendar of the funds: Buddhist-era years, Thai month names,
CODI's fiscal year and whole years between two days.

Plain Python, no Odoo: the one home of these rules for every addon (models,
reports and the other addons' plain modules import it from here).

CODI's fiscal year runs 1 October - 30 September and is named by the C.E.
year in which it ends: fiscal year 2026 is 1 Oct 2025 - 30 Sep 2026 (shown
on documents as B.E. 2569).
"""

import datetime

#: Buddhist era = Christian era + 543
BE_OFFSET = 543

MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
MONTHS_SHORT = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]


def be_year(date):
    """The Buddhist-era year of a date (CE + 543)."""
    return date.year + BE_OFFSET


def thai_date(date, short=False):
    """'25 พฤศจิกายน 2569' (or '25 พ.ย. 2569' when short); '' for no date."""
    if not date:
        return ""
    if isinstance(date, datetime.datetime):
        date = date.date()
    months = MONTHS_SHORT if short else MONTHS
    return f"{date.day} {months[date.month - 1]} {be_year(date)}"


def fiscal_year_of(date):
    """CODI's fiscal year of a date, named by the C.E. year in which it ends."""
    return date.year + 1 if date.month >= 10 else date.year


def fiscal_year_bounds(year):
    """First and last day of the fiscal year ending on 30 September of ``year``."""
    year = int(year)
    return datetime.date(year - 1, 10, 1), datetime.date(year, 9, 30)


def completed_years(start, end):
    """Whole years from ``start`` to ``end``, an anniversary counting on its day
    (a birthday-style count: age, years of membership); 0 when either day is
    missing or ``end`` comes first."""
    if not start or not end or end < start:
        return 0
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years
