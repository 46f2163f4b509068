from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import scoring


class WelfareAssessmentCriterion(models.Model):
    """One criterion of a template: weight, indicator and scoring bands."""

    _name = "welfare.assessment.criterion"
    _description = "Assessment Criterion"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "welfare.assessment.template",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(
        default=10,
    )
    name = fields.Char(
        required=True,
        translate=True,
    )
    weight = fields.Float(
        default=1.0,
        required=True,
        help="Relative importance of the criterion in the score.",
    )
    indicator = fields.Selection(
        selection="_selection_indicator",
        default="manual",
        required=True,
        help="Where the value comes from: an indicator computed from the fund's "
        "data, or the reviewer. An indicator whose module is not installed is "
        "entered by the reviewer.",
    )
    indicator_available = fields.Boolean(
        compute="_compute_indicator_available",
        help="Whether the indicator can be computed in this database.",
    )
    unit = fields.Char(
        compute="_compute_indicator_available",
    )
    max_points = fields.Float(
        string="Maximum Points",
        default=10.0,
        required=True,
    )
    band_ids = fields.One2many(
        "welfare.assessment.band",
        "criterion_id",
        string="Scoring Bands",
        copy=True,
        help="Tried in order; the first band holding the value gives the points. "
        "Without bands the value itself is the points.",
    )
    guidance = fields.Text(
        translate=True,
        help="What the reviewer checks and which evidence to attach.",
    )

    _sql_constraints = [
        (
            "weight_positive",
            "CHECK(weight >= 0)",
            "The weight of a criterion cannot be negative.",
        ),
        (
            "max_points_positive",
            "CHECK(max_points > 0)",
            "The maximum points of a criterion must be positive.",
        ),
    ]

    @api.model
    def _selection_indicator(self):
        return self.env["welfare.assessment.indicator"]._selection()

    @api.depends("indicator")
    @api.depends_context("lang")
    def _compute_indicator_available(self):
        Indicator = self.env["welfare.assessment.indicator"]
        indicators = Indicator._get_indicators()
        # the unit is shown to the reviewer: its label in their language
        units = Indicator._unit_labels()
        for criterion in self:
            spec = indicators.get(criterion.indicator)
            criterion.indicator_available = bool(spec)
            criterion.unit = units.get(spec["unit"], spec["unit"]) if spec else ""

    @api.constrains("max_points", "band_ids")
    def _check_bands(self):
        for criterion in self:
            fault = scoring.check_bands(criterion._bands(), criterion.max_points)
            if not fault:
                continue
            position, kind = fault
            if kind == "bounds":
                message = self.env._(
                    "Criterion %(criterion)s, band %(band)s: the lower bound is "
                    "above the upper bound.",
                    criterion=criterion.name,
                    band=position,
                )
            else:
                message = self.env._(
                    "Criterion %(criterion)s, band %(band)s: points must lie "
                    "between 0 and the criterion's maximum (%(max)s).",
                    criterion=criterion.name,
                    band=position,
                    max=criterion.max_points,
                )
            raise ValidationError(message)

    def _bands(self):
        """The bands as plain values for the scoring functions."""
        self.ensure_one()
        return [
            scoring.Band(
                band.min_value if band.has_min else None,
                band.max_value if band.has_max else None,
                band.points,
            )
            for band in self.band_ids.sorted(lambda b: (b.sequence, b.id))
        ]


class WelfareAssessmentBand(models.Model):
    """A scoring band: values within the bounds earn the points."""

    _name = "welfare.assessment.band"
    _description = "Assessment Scoring Band"
    _order = "criterion_id, sequence, id"

    criterion_id = fields.Many2one(
        "welfare.assessment.criterion",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(
        default=10,
    )
    has_min = fields.Boolean(
        string="Lower Bound",
        help="Whether the band has a lower bound (inclusive).",
    )
    min_value = fields.Float(
        string="From",
        digits=(16, 2),
    )
    has_max = fields.Boolean(
        string="Upper Bound",
        help="Whether the band has an upper bound (inclusive).",
    )
    max_value = fields.Float(
        string="To",
        digits=(16, 2),
    )
    points = fields.Float(
        required=True,
    )
    label = fields.Char(
        translate=True,
        help="How a reviewer reads the band, e.g. 'at least half of the villages'.",
    )

    @api.constrains("has_min", "min_value", "has_max", "max_value", "points")
    def _check_band(self):
        self.criterion_id._check_bands()

    @api.depends("has_min", "min_value", "has_max", "max_value", "points")
    def _compute_display_name(self):
        for band in self:
            low = f"{band.min_value:g}" if band.has_min else "…"
            high = f"{band.max_value:g}" if band.has_max else "…"
            band.display_name = f"{low} – {high}: {band.points:g}"
