from odoo import fields, models, tools
from odoo.tools import SQL

from .welfare_assessment import GRADES


class WelfareAssessmentReport(models.Model):
    """Confirmed grades for the network's dashboards.

    One row per confirmed assessment, with the share it represents among the
    funds assessed with the same template in the same year, in its province
    and in the whole network: summed by grade, these shares give the
    proportion of funds at each grade.
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
    province_share = fields.Float(
        string="Share of Province's Funds (%)",
        readonly=True,
        aggregator="sum",
        digits=(16, 1),
    )
    network_share = fields.Float(
        string="Share of All Funds (%)",
        readonly=True,
        aggregator="sum",
        digits=(16, 1),
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
                           ) AS province_share,
                           100.0 / COUNT(*) OVER (
                               PARTITION BY a.template_id, a.fiscal_year_be
                           ) AS network_share
                      FROM welfare_assessment a
                     WHERE a.state = 'confirmed'
                )
                """,
                SQL.identifier(self._table),
            )
        )
