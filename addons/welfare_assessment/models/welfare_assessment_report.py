from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL

from .welfare_assessment import GRADES


class WelfareAssessmentReport(models.Model):
    """Confirmed grades for the network's dashboards.

    One row per confirmed assessment. The share measure is a proportion, not
    a quantity: in a pivot or graph cell it is the cell's funds over the funds
    of the same row and column at every grade (the same province and year,
    say), so the grades of a year add up to 100 % and a total over several
    years is 100 %, never the sum of each year's percentages.
    """

    _name = "welfare.assessment.report"
    _description = "Fund Grades Analysis"
    _auto = False
    _order = "fiscal_year_be desc, state_id"

    assessment_id = fields.Many2one(
        "welfare.assessment",
        readonly=True,
    )
    fund_id = fields.Many2one(
        "welfare.fund",
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company",
        readonly=True,
    )
    template_id = fields.Many2one(
        "welfare.assessment.template",
        readonly=True,
    )
    region_id = fields.Many2one(
        "welfare.region",
        readonly=True,
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        readonly=True,
    )
    zone_id = fields.Many2one(
        "welfare.zone",
        readonly=True,
    )
    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)",
        readonly=True,
        aggregator=False,
    )
    grade = fields.Selection(
        selection=GRADES,
        readonly=True,
    )
    score = fields.Float(
        string="Average Score",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
    )
    fund_count = fields.Integer(
        string="Funds",
        readonly=True,
        aggregator="sum",
    )
    share = fields.Float(
        string="Share of Funds (%)",
        readonly=True,
        aggregator="sum",
        digits=(16, 1),
        help="Funds at this grade out of the funds at every grade in the same "
        "row and column of the analysis (province, zone, year...).",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT a.id AS id,
                           a.id AS assessment_id,
                           a.fund_id,
                           a.company_id,
                           a.template_id,
                           a.region_id,
                           a.state_id,
                           a.zone_id,
                           a.fiscal_year_be,
                           a.grade,
                           a.score,
                           1 AS fund_count,
                           100.0 / COUNT(*) OVER (
                               PARTITION BY a.template_id, a.fiscal_year_be, a.state_id
                           ) AS share
                      FROM welfare_assessment a
                     WHERE a.state = 'confirmed'
                )
                """,
                SQL.identifier(self._table),
            )
        )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """Give each group its share of the funds at every grade.

        Pivot and graph views read their cells here. A sum of the rows'
        shares is right only inside one province and year; the share of a
        group is therefore its count over the count of the same group with the
        grade left out (of the grouping and of the filter): one more query.
        """
        result = super().read_group(
            domain, fields, groupby, offset, limit, orderby, lazy
        )
        if not result or not any(spec.split(":")[0] == "share" for spec in fields):
            return result
        groupby = [groupby] if isinstance(groupby, str) else list(groupby or [])
        grouped = groupby[:1] if lazy and groupby else groupby
        count_key = f"{grouped[0]}_count" if lazy and grouped else "__count"
        scope = [spec for spec in grouped if spec.split(":")[0] != "grade"]
        totals = {
            self._share_key(group, scope): group["__count"]
            for group in super().read_group(
                self._domain_without_grade(domain), [], scope, lazy=False
            )
        }
        for group in result:
            total = totals.get(self._share_key(group, scope))
            group["share"] = 100.0 * group[count_key] / total if total else 0.0
        return result

    @staticmethod
    def _share_key(group, specs):
        values = (group[spec] for spec in specs)
        return tuple(v[0] if isinstance(v, tuple) else v for v in values)

    @staticmethod
    def _domain_without_grade(domain):
        domain = expression.distribute_not(expression.normalize_domain(domain or []))
        return [
            expression.TRUE_LEAF
            if expression.is_leaf(term)
            and not expression.is_operator(term)
            and term[0] == "grade"
            else term
            for term in domain
        ]
