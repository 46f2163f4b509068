"""The fund snapshot contract shared by a province and its roll-up."""

import datetime

from odoo.addons.welfare_base.lib import fund_snapshot as fs
from odoo.addons.welfare_rollup.lib import payload
from odoo.addons.welfare_snapshot.lib import schema


def row(**values):
    content = dict.fromkeys(fs.CONTENT_FIELDS, 0)
    content.update(
        fund_code="F1",
        fund_name="กองทุน",
        province_code="TH-30",
        founding_date=datetime.date(2010, 1, 5),
        fiscal_year=2026,
        benefit_lines="{}",
        grade=False,
        schema_version=fs.SCHEMA_VERSION,
    )
    content.update(values)
    return content


def test_the_roll_up_accepts_the_hash_the_province_computed():
    province_row = row()
    province_row["content_hash"] = schema.content_hash(province_row)
    # what JSON-RPC delivers: dates as text, no False
    received = {key: fs._plain(value) for key, value in province_row.items()}
    assert payload.check_row(received, "TH-30") == province_row["content_hash"]


def test_counts_and_amounts_are_the_figures_of_the_row():
    assert set(fs.INTEGER_FIELDS) | set(fs.AMOUNT_FIELDS) < set(fs.FIGURE_FIELDS)
    assert not set(fs.INTEGER_FIELDS) & set(fs.AMOUNT_FIELDS)
    assert "score" in fs.FLOAT_FIELDS


def test_a_zero_amount_hashes_alike_as_integer_or_float():
    assert fs.content_hash(row(balance=0)) == fs.content_hash(row(balance=0.0))
