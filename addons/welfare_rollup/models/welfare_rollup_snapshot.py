from odoo import api, fields, models

from odoo.addons.welfare_base.lib.fund_snapshot import BENEFIT_CATEGORIES
from odoo.addons.welfare_base.lib.thai_calendar import BE_OFFSET

from ..lib import payload

GRADES = [(grade, grade) for grade in payload.GRADES]
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
    fund_code = fields.Char(string="Fund Code", required=True, readonly=True)
    fund_name = fields.Char(string="Fund", readonly=True)
    subdistrict_code = fields.Char(string="Sub-district Code", readonly=True)
    subdistrict_name = fields.Char(string="Sub-district", readonly=True)
    district_code = fields.Char(string="District Code", readonly=True)
    district_name = fields.Char(string="District", readonly=True)
    province_code = fields.Char(string="Province Code", readonly=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        readonly=True,
        index=True,
    )
    region_code = fields.Char(string="Region Code", readonly=True)
    region_id = fields.Many2one(
        "welfare.region",
        string="Region",
        readonly=True,
        index=True,
    )
    founding_date = fields.Date(readonly=True)
    certified = fields.Boolean(readonly=True)
    certification_date = fields.Date(readonly=True)
    fiscal_year = fields.Integer(
        string="Fiscal Year",
        required=True,
        readonly=True,
        index=True,
        aggregator=False,
    )
    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)",
        compute="_compute_fiscal_year_be",
        store=True,
        aggregator=False,
    )
    fund_count = fields.Integer(string="Funds", default=1, readonly=True)
    members_total = fields.Integer(string="Members (Accumulated)", readonly=True)
    members_current = fields.Integer(string="Current Members", readonly=True)
    members_new = fields.Integer(string="New Members", readonly=True)
    members_general = fields.Integer(string="General", readonly=True)
    members_youth = fields.Integer(string="Child / Youth", readonly=True)
    members_elderly = fields.Integer(string="Elderly", readonly=True)
    members_disadvantaged = fields.Integer(string="Disadvantaged", readonly=True)
    members_disabled = fields.Integer(string="Disabled", readonly=True)
    members_orphan = fields.Integer(string="Orphan", readonly=True)
    members_active = fields.Integer(string="Active", readonly=True)
    members_grace = fields.Integer(string="Grace Period", readonly=True)
    members_suspended = fields.Integer(string="Suspended", readonly=True)
    members_terminated = fields.Integer(string="Terminated", readonly=True)
    members_resigned = fields.Integer(string="Resigned", readonly=True)
    members_deceased = fields.Integer(string="Deceased", readonly=True)
    contribution_amount = fields.Float(
        string="Member Contributions", readonly=True, digits=(16, 2)
    )
    entry_fee_amount = fields.Float(string="Entry Fees", readonly=True, digits=(16, 2))
    grant_codi_amount = fields.Float(
        string="CODI / State", readonly=True, digits=(16, 2)
    )
    grant_local_amount = fields.Float(
        string="Local Government", readonly=True, digits=(16, 2)
    )
    grant_other_amount = fields.Float(
        string="Other Income", readonly=True, digits=(16, 2)
    )
    benefit_count = fields.Integer(string="Benefits Paid (Cases)", readonly=True)
    benefit_amount = fields.Float(
        string="Benefits Paid (Baht)", readonly=True, digits=(16, 2)
    )
    benefit_lines = fields.Char(string="Benefits by Category (JSON)", readonly=True)
    benefit_ids = fields.One2many(
        "welfare.rollup.benefit",
        "snapshot_id",
        string="Benefits by Category",
        readonly=True,
    )
    balance = fields.Float(string="Fund Balance", readonly=True, digits=(16, 2))
    assessed = fields.Boolean(readonly=True, index=True)
    grade = fields.Selection(selection=GRADES, readonly=True, index=True)
    score = fields.Float(readonly=True, digits=(16, 2), aggregator="avg")
    assessment_date = fields.Date(readonly=True)
    data_date = fields.Date(string="Data as of", readonly=True)
    content_hash = fields.Char(readonly=True)
    schema_version = fields.Integer(readonly=True, aggregator=False)
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

    @api.depends("fiscal_year")
    def _compute_fiscal_year_be(self):
        for snapshot in self:
            snapshot.fiscal_year_be = (
                snapshot.fiscal_year + BE_OFFSET if snapshot.fiscal_year else 0
            )

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
