from odoo import api, fields, models

from .welfare_assessment import GRADES


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    assessment_ids = fields.One2many(
        "welfare.assessment",
        "fund_id",
        string="Assessments",
    )
    grade_history_ids = fields.One2many(
        "welfare.assessment",
        "fund_id",
        domain=[("state", "=", "confirmed")],
    )
    assessment_grade = fields.Selection(
        selection=GRADES,
        string="Grade",
        compute="_compute_assessment_grade",
        store=True,
        help="Grade of the fund's latest confirmed assessment.",
    )
    assessment_score = fields.Float(
        string="Latest Score",
        compute="_compute_assessment_grade",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )
    assessment_date = fields.Date(
        string="Graded for Period Ending",
        compute="_compute_assessment_grade",
        store=True,
    )
    assessment_count = fields.Integer(
        string="Number of Assessments",
        compute="_compute_assessment_count",
    )

    @api.depends(
        "assessment_ids.state",
        "assessment_ids.grade",
        "assessment_ids.score",
        "assessment_ids.date_to",
    )
    def _compute_assessment_grade(self):
        # sudo: the grade is shown to whoever may read the fund.
        confirmed = (
            self.env["welfare.assessment"]
            .sudo()
            .search(
                [("fund_id", "in", self.ids), ("state", "=", "confirmed")],
                order="date_to desc, confirmed_date desc, id desc",
            )
        )
        latest = {}
        for assessment in confirmed:
            latest.setdefault(assessment.fund_id.id, assessment)
        for fund in self:
            assessment = latest.get(fund.id)
            fund.assessment_grade = assessment.grade if assessment else False
            fund.assessment_score = assessment.score if assessment else 0.0
            fund.assessment_date = assessment.date_to if assessment else False

    def _compute_assessment_count(self):
        counts = dict(
            self.env["welfare.assessment"]._read_group(
                [("fund_id", "in", self.ids)], ["fund_id"], ["__count"]
            )
        )
        for fund in self:
            fund.assessment_count = counts.get(fund, 0)

    def _has_welfare_data(self):
        # sudo: only whether the fund has assessments is read, to refuse deletion.
        return super()._has_welfare_data() or bool(
            self.env["welfare.assessment"]
            .sudo()
            .search_count([("fund_id", "=", self.id)], limit=1)
        )

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_assessment.welfare_assessment_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action

    def action_view_assessment_trend(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_assessment.welfare_assessment_trend_action"
        )
        action["domain"] = [("fund_id", "=", self.id), ("state", "=", "confirmed")]
        action["display_name"] = self.env._(
            "Score trend: %(fund)s", fund=self.display_name
        )
        return action
