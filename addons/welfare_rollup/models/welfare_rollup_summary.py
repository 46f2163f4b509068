from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.welfare_base.lib.thai_calendar import BE_OFFSET

# share field: (numerator count, denominator count)
SHARES = {
    "assessed_share": ("assessed_count", "fund_count"),
    "grade_a_share": ("grade_a_count", "assessed_count"),
    "grade_b_share": ("grade_b_count", "assessed_count"),
    "grade_c_share": ("grade_c_count", "assessed_count"),
    "grade_d_share": ("grade_d_count", "assessed_count"),
    "grade_a_share_all": ("grade_a_count", "fund_count"),
    "grade_b_share_all": ("grade_b_count", "fund_count"),
    "grade_c_share_all": ("grade_c_count", "fund_count"),
    "grade_d_share_all": ("grade_d_count", "fund_count"),
}
SUM_FIELDS = (
    "fund_count",
    "certified_count",
    "not_reporting_count",
    "assessed_count",
    "not_assessed_count",
    "grade_a_count",
    "grade_b_count",
    "grade_c_count",
    "grade_d_count",
    "members_total",
    "members_current",
    "members_new",
    "contribution_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_count",
    "benefit_amount",
    "balance",
)


class WelfareRollupSummary(models.Model):
    """The national table: one row per province and fiscal year.

    Funds, members and money of each province; grades with their coverage:
    a grade's share of the funds assessed ("24.88 % of those assessed") and
    of all funds; funds not assessed; funds that reported an earlier year
    but not this one (not reporting). Grouped by region or nationally, the
    shares are recomputed from the summed counts, never summed themselves.
    """

    _name = "welfare.rollup.summary"
    _inherit = ["welfare.fund.figures.mixin"]
    _description = "National Table of Funds"
    _auto = False
    _order = "fiscal_year_be desc, region_id, state_id"

    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)", readonly=True, aggregator=False
    )
    region_id = fields.Many2one("welfare.region", string="Region", readonly=True)
    state_id = fields.Many2one("res.country.state", string="Province", readonly=True)
    fund_count = fields.Integer(string="Funds", readonly=True)
    certified_count = fields.Integer(string="Certified", readonly=True)
    not_reporting_count = fields.Integer(
        string="Not Reporting",
        readonly=True,
        help="Funds of the province that reported an earlier year but not this one.",
    )
    assessed_count = fields.Integer(string="Assessed", readonly=True)
    not_assessed_count = fields.Integer(string="Not Assessed", readonly=True)
    assessed_share = fields.Float(
        string="Assessed (% of Funds)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_a_count = fields.Integer(string="Grade A", readonly=True)
    grade_b_count = fields.Integer(string="Grade B", readonly=True)
    grade_c_count = fields.Integer(string="Grade C", readonly=True)
    grade_d_count = fields.Integer(string="Grade D", readonly=True)
    grade_a_share = fields.Float(
        string="A (% of Assessed)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_b_share = fields.Float(
        string="B (% of Assessed)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_c_share = fields.Float(
        string="C (% of Assessed)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_d_share = fields.Float(
        string="D (% of Assessed)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_a_share_all = fields.Float(
        string="A (% of All Funds)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_b_share_all = fields.Float(
        string="B (% of All Funds)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_c_share_all = fields.Float(
        string="C (% of All Funds)", readonly=True, digits=(16, 2), aggregator="sum"
    )
    grade_d_share_all = fields.Float(
        string="D (% of All Funds)", readonly=True, digits=(16, 2), aggregator="sum"
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        share = {
            name: SQL(
                "CASE WHEN %s > 0 THEN round(100.0 * %s / %s, 2) ELSE 0 END",
                SQL.identifier(den),
                SQL.identifier(num),
                SQL.identifier(den),
            )
            for name, (num, den) in SHARES.items()
        }
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(view)s AS (
                WITH figures AS (
                    SELECT s.fiscal_year, s.state_id,
                           count(*) AS fund_count,
                           count(*) FILTER (WHERE s.certified) AS certified_count,
                           count(*) FILTER (WHERE s.assessed) AS assessed_count,
                           count(*) FILTER (WHERE NOT coalesce(s.assessed, false))
                               AS not_assessed_count,
                           count(*) FILTER (WHERE s.grade = 'A') AS grade_a_count,
                           count(*) FILTER (WHERE s.grade = 'B') AS grade_b_count,
                           count(*) FILTER (WHERE s.grade = 'C') AS grade_c_count,
                           count(*) FILTER (WHERE s.grade = 'D') AS grade_d_count,
                           sum(s.members_total) AS members_total,
                           sum(s.members_current) AS members_current,
                           sum(s.members_new) AS members_new,
                           sum(s.contribution_amount) AS contribution_amount,
                           sum(s.grant_codi_amount) AS grant_codi_amount,
                           sum(s.grant_local_amount) AS grant_local_amount,
                           sum(s.grant_other_amount) AS grant_other_amount,
                           sum(s.benefit_count) AS benefit_count,
                           sum(s.benefit_amount) AS benefit_amount,
                           sum(s.balance) AS balance
                      FROM welfare_rollup_snapshot s
                     WHERE s.state_id IS NOT NULL
                     GROUP BY s.fiscal_year, s.state_id
                ),
                funds AS (
                    SELECT s.state_id, s.source_id, s.fund_code,
                           min(s.fiscal_year) AS first_year
                      FROM welfare_rollup_snapshot s
                     WHERE s.state_id IS NOT NULL
                     GROUP BY s.state_id, s.source_id, s.fund_code
                ),
                years AS (SELECT DISTINCT fiscal_year FROM welfare_rollup_snapshot),
                missing AS (
                    SELECT y.fiscal_year, f.state_id, count(*) AS not_reporting_count
                      FROM years y
                      JOIN funds f ON f.first_year < y.fiscal_year
                     WHERE NOT EXISTS (
                           SELECT 1 FROM welfare_rollup_snapshot s
                            WHERE s.source_id = f.source_id
                              AND s.fund_code = f.fund_code
                              AND s.fiscal_year = y.fiscal_year)
                     GROUP BY y.fiscal_year, f.state_id
                ),
                cells AS (
                    SELECT fiscal_year, state_id FROM figures
                    UNION SELECT fiscal_year, state_id FROM missing
                ),
                joined AS (
                    SELECT c.fiscal_year, c.state_id,
                           coalesce(fi.fund_count, 0) AS fund_count,
                           coalesce(fi.certified_count, 0) AS certified_count,
                           coalesce(m.not_reporting_count, 0) AS not_reporting_count,
                           coalesce(fi.assessed_count, 0) AS assessed_count,
                           coalesce(fi.not_assessed_count, 0) AS not_assessed_count,
                           coalesce(fi.grade_a_count, 0) AS grade_a_count,
                           coalesce(fi.grade_b_count, 0) AS grade_b_count,
                           coalesce(fi.grade_c_count, 0) AS grade_c_count,
                           coalesce(fi.grade_d_count, 0) AS grade_d_count,
                           coalesce(fi.members_total, 0) AS members_total,
                           coalesce(fi.members_current, 0) AS members_current,
                           coalesce(fi.members_new, 0) AS members_new,
                           coalesce(fi.contribution_amount, 0) AS contribution_amount,
                           coalesce(fi.grant_codi_amount, 0) AS grant_codi_amount,
                           coalesce(fi.grant_local_amount, 0) AS grant_local_amount,
                           coalesce(fi.grant_other_amount, 0) AS grant_other_amount,
                           coalesce(fi.benefit_count, 0) AS benefit_count,
                           coalesce(fi.benefit_amount, 0) AS benefit_amount,
                           coalesce(fi.balance, 0) AS balance
                      FROM cells c
                      LEFT JOIN figures fi
                             ON fi.fiscal_year = c.fiscal_year
                            AND fi.state_id = c.state_id
                      LEFT JOIN missing m
                             ON m.fiscal_year = c.fiscal_year
                            AND m.state_id = c.state_id
                )
                SELECT (j.fiscal_year * 100000 + j.state_id) AS id,
                       j.fiscal_year + %(be_offset)s AS fiscal_year_be,
                       st.welfare_region_id AS region_id,
                       j.*,
                       %(assessed_share)s AS assessed_share,
                       %(grade_a_share)s AS grade_a_share,
                       %(grade_b_share)s AS grade_b_share,
                       %(grade_c_share)s AS grade_c_share,
                       %(grade_d_share)s AS grade_d_share,
                       %(grade_a_share_all)s AS grade_a_share_all,
                       %(grade_b_share_all)s AS grade_b_share_all,
                       %(grade_c_share_all)s AS grade_c_share_all,
                       %(grade_d_share_all)s AS grade_d_share_all
                  FROM joined j
                  JOIN res_country_state st ON st.id = j.state_id
                )
                """,
                view=SQL.identifier(self._table),
                be_offset=BE_OFFSET,
                **share,
            )
        )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Shares of a group are its summed counts' ratio, not a sum of shares."""
        names = {spec.split(":")[0] for spec in fields}
        wanted = names & set(SHARES)
        if not wanted:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        needed = {count for name in wanted for count in SHARES[name]} - names
        result = super().read_group(
            domain,
            list(fields) + [f"{count}:sum" for count in needed],
            groupby,
            offset,
            limit,
            orderby,
            lazy,
        )
        for group in result:
            for name in wanted:
                num, den = SHARES[name]
                total = group.get(den) or 0
                group[name] = (
                    round(100.0 * (group.get(num) or 0) / total, 2) if total else 0.0
                )
        return result

    @api.model
    def _table_rows(self, domain):
        """The table of a report: provinces grouped by region with totals.

        Returns ``[(kind, label, values)]`` with kind ``province``,
        ``region`` or ``total``; shares recomputed from counts at each level.
        """
        records = self.search(domain, order="fiscal_year_be desc, region_id, state_id")
        rows = []
        by_year = {}
        for record in records:
            by_year.setdefault(record.fiscal_year_be, []).append(record)
        for year, records_of_year in by_year.items():
            national = dict.fromkeys(SUM_FIELDS, 0)
            by_region = {}
            for record in records_of_year:
                by_region.setdefault(record.region_id, []).append(record)
            for region, records_of_region in by_region.items():
                subtotal = dict.fromkeys(SUM_FIELDS, 0)
                for record in records_of_region:
                    values = {name: record[name] for name in SUM_FIELDS}
                    rows.append(
                        (
                            "province",
                            year,
                            record.state_id.display_name,
                            _with_shares(values),
                        )
                    )
                    for name in SUM_FIELDS:
                        subtotal[name] += values[name]
                        national[name] += values[name]
                rows.append(
                    ("region", year, region.display_name or "", _with_shares(subtotal))
                )
            rows.append(("total", year, "", _with_shares(national)))
        return rows


def _with_shares(values):
    values = dict(values)
    for name, (num, den) in SHARES.items():
        values[name] = (
            round(100.0 * values[num] / values[den], 2) if values[den] else 0.0
        )
    return values
