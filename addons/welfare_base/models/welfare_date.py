"""The funds' calendar day.

A fund keeps Thai days: a payment taken at 06:00 in Bangkok is dated that
day, whatever time zone the user who records it, the one who confirms it or
the server runs in. Every "today" of the suite comes from here, so that a
date given by one user is never "in the future" for another.
"""

from odoo import fields

FUND_TZ = "Asia/Bangkok"


def welfare_today(record, timestamp=None):
    """Today's date in Thailand (or the date of ``timestamp`` there)."""
    return fields.Date.context_today(record.with_context(tz=FUND_TZ), timestamp)
