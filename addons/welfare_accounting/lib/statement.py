"""The receipts and payments statement in CODI's categories.

Plain Python, no Odoo: the model sums the ledger by category and hands the sums
here, which orders them, totals them and checks the admin-cost share.
"""

from decimal import ROUND_HALF_UP, Decimal

from odoo.addons.welfare_base.lib.thai_calendar import fiscal_year_of

#: CODI's categories of the fund chart's accounts (``account.account``'s
#: ``welfare_codi_category``), in the order of CODI's financial report:
#: assets, the fund's balance, receipts, payments.
CATEGORIES = [
    ("cash", "Cash"),
    ("cash_collector", "Cash with Collectors"),
    ("bank", "Bank Deposits"),
    ("investment", "Other Investments"),
    ("fund_balance", "Fund Balance"),
    ("contribution", "Member Contributions"),
    ("codi_seed", "CODI Seed Grant"),
    ("codi_matching", "State Matching through CODI"),
    ("local_government", "Local Government"),
    ("other_government", "Other Government Agencies"),
    ("entry_fee", "Entry Fees"),
    ("donation", "Donations"),
    ("interest", "Bank Interest"),
    ("other_income", "Other Income"),
    ("benefit", "Benefits Paid"),
    ("staff", "Staff"),
    ("travel", "Travel"),
    ("stationery", "Stationery"),
    ("meeting", "Meetings and Activities"),
    ("other_expense", "Other Expenses"),
]
ASSET_CATEGORIES = ("cash", "cash_collector", "bank", "investment")
# Money moved between the fund's own cash and bank: shown as transfers,
# never as receipts or payments.
TRANSFER_KINDS = ("handover", "deposit")
RECEIPT_CATEGORIES = (
    "contribution",
    "codi_seed",
    "codi_matching",
    "local_government",
    "other_government",
    "entry_fee",
    "donation",
    "interest",
    "other_income",
)
PAYMENT_CATEGORIES = (
    "benefit",
    "staff",
    "travel",
    "stationery",
    "meeting",
    "other_expense",
)
# Payments that are the running costs of the fund, not benefits to members.
ADMIN_CATEGORIES = ("staff", "travel", "stationery", "meeting", "other_expense")
ADMIN_LIMIT = 20.0
#: The three legs of a fund's money (กองทุน 3 ขา) in receipt categories:
#: members, the state through CODI, local government.
LEGS = {
    "members": ("contribution", "entry_fee"),
    "codi": ("codi_seed", "codi_matching"),
    "local": ("local_government",),
}

CENT = Decimal("0.01")


def money(value):
    """A float rounded to the satang."""
    return float(Decimal(str(value or 0)).quantize(CENT, rounding=ROUND_HALF_UP))


def admin_share(admin_total, receipts_total):
    """Admin costs as a percentage of the period's receipts (0 when nothing came in)."""
    if not receipts_total:
        return 0.0
    return money(100.0 * admin_total / receipts_total)


def build(opening, closing, receipts, payments, limit=ADMIN_LIMIT, transfers=None):
    """Totals of a statement.

    ``opening`` and ``closing`` map asset categories to balances; ``receipts`` and
    ``payments`` map categories to the period's amounts (missing ones count 0).
    The returned dict has every category in CODI's order, the totals, the
    admin-cost share, whether it is over ``limit``, and ``difference``: what
    moved the cash and bank other than these receipts and payments (0 for a
    ledger that holds only the fund's postings). ``transfers`` maps
    TRANSFER_KINDS to the period's cash handed by collectors to the fund and
    cash deposited in the bank: moves between the fund's own assets, listed
    apart, in neither the receipts nor the payments.
    """
    transfers = transfers or {}
    receipts_total = money(sum(receipts.get(c, 0.0) for c in RECEIPT_CATEGORIES))
    payments_total = money(sum(payments.get(c, 0.0) for c in PAYMENT_CATEGORIES))
    admin_total = money(sum(payments.get(c, 0.0) for c in ADMIN_CATEGORIES))
    opening_total = money(sum(opening.get(c, 0.0) for c in ASSET_CATEGORIES))
    closing_total = money(sum(closing.get(c, 0.0) for c in ASSET_CATEGORIES))
    share = admin_share(admin_total, receipts_total)
    return {
        "opening": {c: money(opening.get(c)) for c in ASSET_CATEGORIES},
        "closing": {c: money(closing.get(c)) for c in ASSET_CATEGORIES},
        "receipts": {c: money(receipts.get(c)) for c in RECEIPT_CATEGORIES},
        "payments": {c: money(payments.get(c)) for c in PAYMENT_CATEGORIES},
        "transfers": {k: money(transfers.get(k)) for k in TRANSFER_KINDS},
        "opening_total": opening_total,
        "closing_total": closing_total,
        "receipts_total": receipts_total,
        "payments_total": payments_total,
        "surplus": money(receipts_total - payments_total),
        "admin_total": admin_total,
        "admin_share": share,
        "admin_over_limit": share > limit,
        "admin_limit": limit,
        "difference": money(
            closing_total - opening_total - receipts_total + payments_total
        ),
    }


def report_fiscal_year(today):
    """The CODI fiscal year a year-end document is printed for by default.

    In October, November and December (the quarter in which funds report
    the year that ended on 30 September) the year just ended; from January
    on, the year in progress. Printing in October thus gives the completed
    year, not the new one that has just begun with nothing in it.
    Fiscal years are named by the C.E. year in which they end.
    """
    current = fiscal_year_of(today)
    return current - 1 if today.month >= 10 else current
