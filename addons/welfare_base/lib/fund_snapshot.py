"""The fund snapshot: the figures a province publishes for each fund and year.

This module is the contract between a province database (``welfare_snapshot``)
and a roll-up database (``welfare_rollup``, national or regional), both of
which import it from here. It holds plain values only: the roll-up reads these
fields over JSON-RPC or from a signed export file, never a member's personal
data. Any change of the lists below raises ``SCHEMA_VERSION``; a roll-up
refuses a version it does not know.
"""

import datetime
import hashlib
import json

from . import member_states

SCHEMA_VERSION = 1
FILE_FORMAT = "welfare.fund.snapshot"

MEMBER_TYPES = ("general", "youth", "elderly", "disadvantaged", "disabled", "orphan")
MEMBER_STATES = member_states.MEMBER_STATES
GRADES = ("A", "B", "C", "D")
#: CODI's benefit categories (the fund status form), the keys of
#: ``benefit_lines``: a roll-up has no benefit catalogue of its own.
BENEFIT_CATEGORIES = [
    ("birth", "Birth"),
    ("sickness", "Sickness / Medical"),
    ("hospital", "Hospital Stay"),
    ("elderly", "Elderly"),
    ("death", "Death"),
    ("funeral", "Funeral Costs"),
    ("disadvantaged", "Disadvantaged / Disabled"),
    ("occupation", "Occupation"),
    ("education", "Education / Scholarship"),
    ("tradition", "Tradition and Culture"),
    ("housing", "Housing Repair"),
    ("disaster", "Disaster"),
    ("public_benefit", "Public Benefit"),
    ("environment", "Natural Resources / Environment"),
    ("other", "Other"),
]

# Every field of a snapshot row, in the order of the README's table.
IDENTITY_FIELDS = (
    "fund_code",
    "fund_name",
    "subdistrict_code",
    "subdistrict_name",
    "district_code",
    "district_name",
    "province_code",
    "region_code",
    "founding_date",
    "certified",
    "certification_date",
    "fiscal_year",
)
FIGURE_FIELDS = (
    "members_total",
    "members_current",
    "members_new",
    *(f"members_{kind}" for kind in MEMBER_TYPES),
    *(f"members_{state}" for state in MEMBER_STATES),
    "contribution_amount",
    "entry_fee_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_count",
    "benefit_amount",
    "benefit_lines",
    "balance",
    "assessed",
    "grade",
    "score",
    "assessment_date",
)
CONTENT_FIELDS = IDENTITY_FIELDS + FIGURE_FIELDS
#: figures that are counts (whole, never negative)
INTEGER_FIELDS = (
    "members_total",
    "members_current",
    "members_new",
    *(f"members_{kind}" for kind in MEMBER_TYPES),
    *(f"members_{state}" for state in MEMBER_STATES),
    "benefit_count",
)
#: figures that are amounts of money
AMOUNT_FIELDS = (
    "contribution_amount",
    "entry_fee_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_amount",
    "balance",
)
FLOAT_FIELDS = (*AMOUNT_FIELDS, "score")
# What a roll-up reads: the content, when the figures were made, their hash
# and the province's write date (the incremental pull's watermark).
PAYLOAD_FIELDS = (
    *CONTENT_FIELDS,
    "data_date",
    "content_hash",
    "schema_version",
    "write_date",
)


def _plain(value):
    """Values as JSON gives them back (dates as ISO text, no ``False``)."""
    if value is False or value is None:
        return None
    if isinstance(value, datetime.datetime):  # as Odoo writes it over JSON-RPC
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 2)
    return value


def content_hash(row):
    """SHA-256 of a row's content fields, the same in every database."""
    content = {name: _plain(row.get(name)) for name in CONTENT_FIELDS}
    for name in FLOAT_FIELDS:  # 0 and 0.0 hash alike
        content[name] = round(float(content[name] or 0.0), 2)
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def benefit_lines_text(lines):
    """Benefits paid by category as compact JSON: ``{"death": [2, 6000.0]}``."""
    clean = {
        category: [int(count), round(float(amount), 2)]
        for category, (count, amount) in sorted(lines.items())
        if count or amount
    }
    return json.dumps(clean, sort_keys=True, separators=(",", ":"))


def canonical_bytes(payload):
    """The exact bytes a signature covers."""
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
