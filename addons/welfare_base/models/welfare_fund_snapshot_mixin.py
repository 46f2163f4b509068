from odoo import api, fields, models

from ..lib import fund_snapshot
from ..lib.thai_calendar import BE_OFFSET


class WelfareFundFiguresMixin(models.AbstractModel):
    """A fund's members and money for a year: the figures a snapshot row
    holds and the roll-up's national table sums."""

    _name = "welfare.fund.figures.mixin"
    _description = "Fund Figures"

    members_total = fields.Integer(string="Members (Accumulated)", readonly=True)
    members_current = fields.Integer(string="Current Members", readonly=True)
    members_new = fields.Integer(string="New Members", readonly=True)
    contribution_amount = fields.Float(
        string="Member Contributions", readonly=True, digits=(16, 2)
    )
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
    balance = fields.Float(string="Fund Balance", readonly=True, digits=(16, 2))


class WelfareFundSnapshotMixin(models.AbstractModel):
    """The fields of a fund snapshot row (``lib/fund_snapshot.py``).

    A province keeps its funds' snapshots (``welfare_snapshot``), a roll-up
    the rows it received (``welfare_rollup``): the same figures, declared once
    here. Every field is read-only: rows are written by the refresh or by a
    pull, never by hand.
    """

    _name = "welfare.fund.snapshot.mixin"
    _inherit = ["welfare.fund.figures.mixin"]
    _description = "Fund Snapshot Row"

    fund_code = fields.Char(string="Fund Code", readonly=True)
    fund_name = fields.Char(string="Fund Name", readonly=True)
    subdistrict_code = fields.Char(string="Sub-district Code", readonly=True)
    subdistrict_name = fields.Char(string="Sub-district", readonly=True)
    district_code = fields.Char(string="District Code", readonly=True)
    district_name = fields.Char(string="District", readonly=True)
    province_code = fields.Char(string="Province Code", readonly=True)
    region_code = fields.Char(string="Region Code", readonly=True)
    founding_date = fields.Date(readonly=True)
    certified = fields.Boolean(readonly=True)
    certification_date = fields.Date(readonly=True)
    fiscal_year = fields.Integer(
        string="Fiscal Year",
        required=True,
        readonly=True,
        aggregator=False,
    )
    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)",
        compute="_compute_fiscal_year_be",
        aggregator=False,
    )
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
    entry_fee_amount = fields.Float(string="Entry Fees", readonly=True, digits=(16, 2))
    benefit_lines = fields.Char(string="Benefits by Category", readonly=True)
    assessed = fields.Boolean(readonly=True)
    grade = fields.Selection(
        selection=[(grade, grade) for grade in fund_snapshot.GRADES],
        readonly=True,
    )
    score = fields.Float(readonly=True, digits=(16, 2), aggregator="avg")
    assessment_date = fields.Date(readonly=True)
    data_date = fields.Date(string="Data as of", readonly=True)
    content_hash = fields.Char(readonly=True)
    schema_version = fields.Integer(readonly=True, aggregator=False)

    @api.depends("fiscal_year")
    def _compute_fiscal_year_be(self):
        for snapshot in self:
            snapshot.fiscal_year_be = (
                snapshot.fiscal_year + BE_OFFSET if snapshot.fiscal_year else 0
            )
