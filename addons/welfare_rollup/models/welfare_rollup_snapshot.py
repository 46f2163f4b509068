from odoo import api, fields, models

from odoo.addons.welfare_base.lib.fund_snapshot import BENEFIT_CATEGORIES

from ..lib import payload

TRANSPORTS = [
    ("jsonrpc", "JSON-RPC (network)"),
    ("file", "Signed File"),
    ("local", "This Database"),
]


class WelfareRollupSnapshot(models.Model):
    """A fund's figures for one fiscal year, as received from its province.

    Written only by a pull or a file import (never by hand), each row says
    where it came from (province source, database, address, route) and
    when (the province's write date, the day it changed here).
    """

    _name = "welfare.rollup.snapshot"
    _inherit = ["welfare.fund.snapshot.mixin"]
    _description = "Fund Figures Received"
    _order = "fiscal_year desc, state_id, fund_code"
    _rec_name = "fund_name"

    source_id = fields.Many2one(
        "welfare.rollup.source",
        string="Province Source",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    fund_code = fields.Char(required=True)
    fund_name = fields.Char(string="Fund")
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        readonly=True,
        index=True,
    )
    region_id = fields.Many2one(
        "welfare.region",
        string="Region",
        readonly=True,
        index=True,
    )
    fiscal_year = fields.Integer(index=True)
    fiscal_year_be = fields.Integer(store=True)
    fund_count = fields.Integer(string="Funds", default=1, readonly=True)
    benefit_lines = fields.Char(string="Benefits by Category (JSON)")
    benefit_ids = fields.One2many(
        "welfare.rollup.benefit",
        "snapshot_id",
        string="Benefits by Category",
        readonly=True,
    )
    assessed = fields.Boolean(index=True)
    grade = fields.Selection(index=True)
    source_write_date = fields.Datetime(
        string="Changed in the Province",
        readonly=True,
        help="When the province last changed these figures (its write date).",
    )
    origin_database = fields.Char(string="Province Database", readonly=True)
    origin_url = fields.Char(string="Province Address", readonly=True)
    origin_transport = fields.Selection(
        selection=TRANSPORTS,
        string="Received by",
        readonly=True,
    )
    received_date = fields.Datetime(
        string="Received on",
        readonly=True,
        help="When these figures last changed in this database.",
    )

    _sql_constraints = [
        (
            "source_fund_year_uniq",
            "unique(source_id, fund_code, fiscal_year)",
            "A province sends one row per fund and fiscal year.",
        ),
    ]

    @api.model
    def _values_from_row(self, row, state, region):
        """Field values of a checked payload row."""
        values = {name: row.get(name) or False for name in payload.CONTENT_FIELDS}
        for name in payload.INTEGER_FIELDS:
            values[name] = row[name] or 0
        for name in payload.FLOAT_FIELDS:
            values[name] = float(row[name] or 0.0)
        values["fiscal_year"] = row["fiscal_year"]
        values.update(
            state_id=state.id or False,
            region_id=region.id or False,
            data_date=row.get("data_date") or False,
            schema_version=row.get("schema_version"),
            source_write_date=payload.write_date_text(row) or False,
        )
        return values


class WelfareRollupBenefit(models.Model):
    """Benefits paid by one fund in one year in one category (cases and baht)."""

    _name = "welfare.rollup.benefit"
    _description = "Benefits Paid by Category"
    _order = "snapshot_id, category"

    snapshot_id = fields.Many2one(
        "welfare.rollup.snapshot",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    category = fields.Selection(
        selection=BENEFIT_CATEGORIES,
        required=True,
        readonly=True,
    )
    case_count = fields.Integer(string="Cases", readonly=True)
    amount = fields.Float(string="Baht", readonly=True, digits=(16, 2))
    fiscal_year_be = fields.Integer(
        related="snapshot_id.fiscal_year_be",
        store=True,
        aggregator=False,
    )
    state_id = fields.Many2one(
        related="snapshot_id.state_id",
        store=True,
    )
    region_id = fields.Many2one(
        related="snapshot_id.region_id",
        store=True,
    )
    fund_name = fields.Char(related="snapshot_id.fund_name")
