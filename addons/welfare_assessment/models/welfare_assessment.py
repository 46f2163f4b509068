from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import scoring

GRADES = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")]

# Fields a confirmed assessment keeps as they were confirmed.
FROZEN_FIELDS = {
    "fund_id",
    "template_id",
    "fiscal_year",
    "date_from",
    "date_to",
    "line_ids",
    "threshold_a",
    "threshold_b",
    "threshold_c",
}


class WelfareAssessment(models.Model):
    """The review of one fund for one period (สอบทาน), scored and graded A-D."""

    _name = "welfare.assessment"
    _description = "Fund Assessment"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "welfare.fiscal.period.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_to desc, fund_id"
    _workflow_initial = {"state": ("draft",)}

    name = fields.Char(
        precompute=True,
        compute="_compute_name",
        store=True,
    )
    template_id = fields.Many2one(
        "welfare.assessment.template",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        default=lambda self: self.env[
            "welfare.assessment.template"
        ]._get_default_template(),
    )
    fiscal_year_be = fields.Integer(
        compute="_compute_fiscal_year_be",
        store=True,
        precompute=True,
    )
    date_from = fields.Date(
        tracking=True,
    )
    date_to = fields.Date(
        tracking=True,
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    line_ids = fields.One2many(
        "welfare.assessment.line",
        "assessment_id",
        string="Criteria",
        copy=False,
    )
    threshold_a = fields.Float(
        string="Grade A from",
        copy=False,
    )
    threshold_b = fields.Float(
        string="Grade B from",
        copy=False,
    )
    threshold_c = fields.Float(
        string="Grade C from",
        copy=False,
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Weighted share of the maximum points, from 0 to 100.",
    )
    grade = fields.Selection(
        selection=GRADES,
        compute="_compute_score",
        store=True,
        index=True,
    )
    computed_on = fields.Datetime(
        readonly=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        tracking=True,
    )
    confirmed_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
    )
    reopen_count = fields.Integer(
        string="Times Reopened",
        readonly=True,
        copy=False,
        tracking=True,
    )
    missing_count = fields.Integer(
        string="Values Missing",
        compute="_compute_missing_count",
        help="Criteria entered by the reviewer that have no value yet.",
    )
    # Where the fund sits, stored for the dashboards.
    state_id = fields.Many2one(
        precompute=True,
        related="fund_id.state_id",
        string="Province",
        store=True,
        index=True,
    )
    zone_id = fields.Many2one(
        precompute=True,
        related="fund_id.zone_id",
        store=True,
        index=True,
    )
    region_id = fields.Many2one(
        precompute=True,
        related="fund_id.region_id",
        store=True,
        index=True,
    )
    note = fields.Html(
        string="Reviewer's Summary",
    )

    _sql_constraints = [
        (
            "fund_template_period_uniq",
            "unique(fund_id, template_id, date_from, date_to)",
            "This fund already has an assessment with this template for this period.",
        ),
    ]

    @api.depends("fund_id", "fiscal_year_be", "template_id")
    def _compute_name(self):
        for assessment in self:
            assessment.name = self.env._(
                "%(fund)s - %(year)s",
                fund=assessment.fund_id.name or "",
                year=assessment.fiscal_year_be or "",
            )

    @api.depends(
        "line_ids.points",
        "line_ids.weight",
        "line_ids.max_points",
        "threshold_a",
        "threshold_b",
        "threshold_c",
    )
    def _compute_score(self):
        for assessment in self:
            score = scoring.weighted_score(
                [
                    scoring.ScoredLine(line.weight, line.points, line.max_points)
                    for line in assessment.line_ids
                ]
            )
            assessment.score = score
            if assessment.line_ids and assessment.threshold_a:
                assessment.grade = scoring.grade_for(
                    score,
                    assessment.threshold_a,
                    assessment.threshold_b,
                    assessment.threshold_c,
                )
            else:
                assessment.grade = False

    @api.depends("line_ids.is_manual", "line_ids.has_value")
    def _compute_missing_count(self):
        for assessment in self:
            assessment.missing_count = len(
                assessment.line_ids.filtered(
                    lambda line: line.is_manual and not line.has_value
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        templates = self.env["welfare.assessment.template"].browse(
            [vals["template_id"] for vals in vals_list if vals.get("template_id")]
        )
        templates.fetch(["threshold_a", "threshold_b", "threshold_c"])
        for vals in vals_list:
            template = self.env["welfare.assessment.template"].browse(
                vals.get("template_id")
            )
            if template:
                vals.update(self._prepare_threshold_values(template))
        return super().create(vals_list)

    @api.model
    def _get_workflow_fields(self):
        """The result and its confirmation: computed and confirmed by the
        actions only (the score and grade from the criteria's points)."""
        return super()._get_workflow_fields() | {
            "score",
            "grade",
            "computed_on",
            "confirmed_by_id",
            "confirmed_date",
            "reopen_count",
        }

    def write(self, vals):
        if FROZEN_FIELDS & set(vals):
            self._check_draft()
        res = super().write(vals)
        if "template_id" in vals:
            for assessment in self:
                assessment.write(self._prepare_threshold_values(assessment.template_id))
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self._check_draft()

    @api.model
    def _prepare_threshold_values(self, template):
        return {
            "threshold_a": template.threshold_a,
            "threshold_b": template.threshold_b,
            "threshold_c": template.threshold_c,
        }

    def _check_draft(self):
        confirmed = self.filtered(lambda a: a.state == "confirmed")
        if confirmed:
            raise UserError(
                self.env._(
                    "Assessment %(name)s is confirmed: its results are frozen. "
                    "Reopen it to change them.",
                    name=", ".join(confirmed.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------ actions
    def action_compute(self):
        """Fill the computed lines from the funds' data; manual lines stay.

        Works on many assessments at once: each indicator is computed for every
        fund of a period in one query, and lines are written in batches.
        """
        self._check_draft()
        self._sync_lines(self._indicator_values())
        self._workflow_write({"computed_on": fields.Datetime.now()})
        return True

    def _indicator_values(self):
        """``{(date_from, date_to): {code: {fund_id: value}}}`` for them."""
        indicator = self.env["welfare.assessment.indicator"]
        available = indicator._get_indicators()
        by_period = defaultdict(lambda: self.browse())
        for assessment in self:
            by_period[(assessment.date_from, assessment.date_to)] |= assessment
        values = {}
        for (date_from, date_to), assessments in by_period.items():
            codes = set(assessments.template_id.criterion_ids.mapped("indicator"))
            values[(date_from, date_to)] = indicator._compute_values(
                codes & set(available), assessments.fund_id, date_from, date_to
            )
        return values

    def _sync_lines(self, values):
        """Give each assessment one line per criterion of its template.

        New criteria get a line; a line's weight, maximum and manual flag follow
        its criterion; computed lines take the new ``values``; lines of
        criteria removed from the template go. Only what changed is written.
        """
        available = self.env["welfare.assessment.indicator"]._get_indicators()
        self.template_id.fetch(["threshold_a", "threshold_b", "threshold_c"])
        criteria = self.template_id.criterion_ids
        criteria.fetch(["indicator", "weight", "max_points", "sequence"])
        bands = {criterion: criterion._bands() for criterion in criteria}
        Line = self.env["welfare.assessment.line"]
        new_lines, stale, rescore = [], Line, Line
        for assessment in self:
            template = assessment.template_id
            period_values = values.get((assessment.date_from, assessment.date_to), {})
            have = {line.criterion_id: line for line in assessment.line_ids}
            stale |= assessment.line_ids.filtered(
                lambda line, t=template: line.criterion_id.template_id != t
            )
            for criterion in template.criterion_ids:
                vals = {
                    "weight": criterion.weight,
                    "max_points": criterion.max_points,
                    "sequence": criterion.sequence,
                    "is_manual": criterion.indicator not in available,
                }
                if not vals["is_manual"]:
                    value = period_values.get(criterion.indicator, {}).get(
                        assessment.fund_id.id
                    )
                    vals["value"] = value if value is not None else 0.0
                    vals["has_value"] = value is not None
                line = have.get(criterion)
                if not line:
                    new_lines.append(
                        dict(
                            vals, assessment_id=assessment.id, criterion_id=criterion.id
                        )
                    )
                    continue
                changed = {k: v for k, v in vals.items() if line[k] != v}
                if changed:
                    line.write(changed)
                # the bands may have changed since the line was scored
                points = scoring.line_points(
                    line.value if line.has_value else None,
                    bands[criterion],
                    line.max_points,
                )
                if float_compare(points, line.points, precision_digits=2):
                    rescore |= line
            thresholds = self._prepare_threshold_values(template)
            if any(assessment[k] != v for k, v in thresholds.items()):
                assessment.write(thresholds)
        stale.unlink()
        if new_lines:
            Line.create(new_lines)
        rescore._recompute_points()

    def action_confirm(self):
        """Freeze the results; every criterion scored by hand needs a value."""
        self._check_draft()
        for assessment in self:
            if not assessment.line_ids:
                raise UserError(
                    self.env._(
                        "Assessment %(name)s has no results yet: compute it first.",
                        name=assessment.display_name,
                    )
                )
            missing = assessment.line_ids.filtered(
                lambda line: line.is_manual and not line.has_value
            )
            if missing:
                raise UserError(
                    self.env._(
                        "Assessment %(name)s: enter a value for %(criteria)s before "
                        "confirming.",
                        name=assessment.display_name,
                        criteria=", ".join(missing.mapped("name")),
                    )
                )
        self._workflow_write(
            {
                "state": "confirmed",
                "confirmed_by_id": self.env.user.id,
                "confirmed_date": welfare_today(self),
            }
        )
        for assessment in self:
            assessment.message_post(
                body=self.env._(
                    "Confirmed: grade %(grade)s, score %(score)s.",
                    grade=assessment.grade,
                    score=assessment.score,
                )
            )
        return True

    def action_reopen(self):
        """Ask for the reason, then reopen (see the reopen wizard)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reopen Assessment"),
            "res_model": "welfare.assessment.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def _reopen(self, reason):
        """Back to draft, counting and explaining each reopening in the chatter."""
        not_confirmed = self.filtered(lambda a: a.state != "confirmed")
        if not_confirmed:
            raise UserError(
                self.env._(
                    "Only confirmed assessments can be reopened: %(names)s.",
                    names=", ".join(not_confirmed.mapped("display_name")),
                )
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for reopening."))
        for assessment in self:
            assessment._workflow_write(
                {
                    "state": "draft",
                    "reopen_count": assessment.reopen_count + 1,
                    "confirmed_by_id": False,
                    "confirmed_date": False,
                }
            )
            assessment.message_post(
                body=self.env._("Reopened: %(reason)s", reason=reason.strip())
            )
        return True

    def action_view_trend(self):
        """The score of this fund over the years."""
        self.ensure_one()
        return self.fund_id.action_view_assessment_trend()
