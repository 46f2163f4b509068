from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib import scoring

FROZEN_LINE_FIELDS = {
    "criterion_id",
    "value",
    "has_value",
    "note",
    "attachment_ids",
    "weight",
    "max_points",
    "is_manual",
}


class WelfareAssessmentLine(models.Model):
    """The result of one criterion in one assessment, with its evidence."""

    _name = "welfare.assessment.line"
    _description = "Assessment Line"
    _order = "assessment_id, sequence, id"

    assessment_id = fields.Many2one(
        "welfare.assessment",
        required=True,
        index=True,
        ondelete="cascade",
    )
    criterion_id = fields.Many2one(
        "welfare.assessment.criterion",
        required=True,
        index=True,
        ondelete="restrict",
    )
    sequence = fields.Integer(
        default=10,
    )
    name = fields.Char(
        related="criterion_id.name",
    )
    guidance = fields.Text(
        related="criterion_id.guidance",
    )
    indicator = fields.Selection(
        related="criterion_id.indicator",
    )
    unit = fields.Char(
        related="criterion_id.unit",
    )
    is_manual = fields.Boolean(
        string="Entered by Reviewer",
        readonly=True,
        help="The value is entered by the reviewer, with evidence, rather than "
        "computed from the fund's data.",
    )
    value = fields.Float(
        digits=(16, 2),
    )
    has_value = fields.Boolean(
        help="Unset when the fund has no data for the indicator, or the reviewer "
        "has not scored the criterion yet: the criterion then earns no points.",
    )
    points = fields.Float(
        precompute=True,
        compute="_compute_points",
        store=True,
        digits=(16, 2),
        aggregator="sum",
    )
    max_points = fields.Float(
        string="Maximum Points",
        readonly=True,
        aggregator="sum",
    )
    weight = fields.Float(
        readonly=True,
        aggregator="sum",
    )
    achievement = fields.Float(
        precompute=True,
        string="Achievement (%)",
        compute="_compute_points",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="Points as a share of the criterion's maximum: averaged across "
        "funds, it shows where they are weakest.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "welfare_assessment_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Evidence",
    )
    note = fields.Text(
        string="Reviewer's Note",
    )
    assessment_state = fields.Selection(
        precompute=True,
        related="assessment_id.state",
        string="Assessment Status",
        store=True,
    )
    fund_id = fields.Many2one(
        precompute=True,
        related="assessment_id.fund_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        precompute=True,
        related="assessment_id.company_id",
        store=True,
        index=True,
    )
    state_id = fields.Many2one(
        precompute=True,
        related="assessment_id.state_id",
        string="Province",
        store=True,
    )
    zone_id = fields.Many2one(
        precompute=True,
        related="assessment_id.zone_id",
        store=True,
    )
    region_id = fields.Many2one(
        precompute=True,
        related="assessment_id.region_id",
        store=True,
    )
    fiscal_year_be = fields.Integer(
        precompute=True,
        related="assessment_id.fiscal_year_be",
        string="Fiscal Year (B.E.)",
        store=True,
        aggregator=False,
    )
    template_id = fields.Many2one(
        precompute=True,
        related="assessment_id.template_id",
        store=True,
    )

    _sql_constraints = [
        (
            "assessment_criterion_uniq",
            "unique(assessment_id, criterion_id)",
            "A criterion appears only once in an assessment.",
        ),
    ]

    @api.depends("value", "has_value", "max_points")
    def _compute_points(self):
        for line in self:
            value = line.value if line.has_value else None
            points = scoring.line_points(
                value, line.criterion_id._bands(), line.max_points
            )
            line.points = points
            line.achievement = (
                100.0 * points / line.max_points if line.max_points else 0.0
            )

    def _recompute_points(self):
        """Score again with the criteria's current bands (drafts only)."""
        self.env.add_to_compute(self._fields["points"], self)
        self.env.add_to_compute(self._fields["achievement"], self)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "value" in vals and "has_value" not in vals:
                vals["has_value"] = True
        lines = super().create(vals_list)
        lines._check_draft()
        return lines

    def write(self, vals):
        if FROZEN_LINE_FIELDS & set(vals):
            self._check_draft()
        if "value" in vals and "has_value" not in vals:
            vals = dict(vals, has_value=True)
        return super().write(vals)

    def _check_draft(self):
        frozen = self.assessment_id.filtered(lambda a: a.state == "confirmed")
        if frozen:
            raise UserError(
                self.env._(
                    "Assessment %(name)s is confirmed: its results are frozen. "
                    "Reopen it to change them.",
                    name=", ".join(frozen.mapped("display_name")),
                )
            )

    def action_clear_value(self):
        """Mark the criterion as not scored yet."""
        self.write({"has_value": False, "value": 0.0})
        return True
