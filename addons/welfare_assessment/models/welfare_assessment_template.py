from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import scoring


class WelfareAssessmentTemplate(models.Model):
    """A review form (แบบสอบทาน): weighted criteria and the grade thresholds."""

    _name = "welfare.assessment.template"
    _description = "Assessment Template"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(
        required=True,
        translate=True,
        tracking=True,
    )
    sequence = fields.Integer(
        default=10,
    )
    active = fields.Boolean(
        default=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Valid From",
        tracking=True,
        help="First day of the periods this template reviews; empty: no limit.",
    )
    date_end = fields.Date(
        string="Valid Until",
        tracking=True,
        help="Last day of the periods this template reviews; empty: no limit.",
    )
    description = fields.Text(
        translate=True,
    )
    criterion_ids = fields.One2many(
        "welfare.assessment.criterion",
        "template_id",
        string="Criteria",
        copy=True,
    )
    criterion_count = fields.Integer(
        string="Number of Criteria",
        compute="_compute_criterion_count",
    )
    total_weight = fields.Float(
        compute="_compute_criterion_count",
    )
    threshold_a = fields.Float(
        string="Grade A from",
        default=80.0,
        required=True,
        tracking=True,
        help="Minimum score (out of 100) for grade A.",
    )
    threshold_b = fields.Float(
        string="Grade B from",
        default=65.0,
        required=True,
        tracking=True,
        help="Minimum score (out of 100) for grade B.",
    )
    threshold_c = fields.Float(
        string="Grade C from",
        default=50.0,
        required=True,
        tracking=True,
        help="Minimum score (out of 100) for grade C; below it the grade is D.",
    )

    @api.depends("criterion_ids.weight")
    def _compute_criterion_count(self):
        for template in self:
            template.criterion_count = len(template.criterion_ids)
            template.total_weight = sum(template.criterion_ids.mapped("weight"))

    @api.constrains("threshold_a", "threshold_b", "threshold_c")
    def _check_thresholds(self):
        for template in self:
            fault = scoring.check_thresholds(
                template.threshold_a, template.threshold_b, template.threshold_c
            )
            if fault == "range":
                raise ValidationError(
                    self.env._(
                        "Template %(template)s: grade thresholds must lie between "
                        "0 and 100.",
                        template=template.display_name,
                    )
                )
            if fault == "order":
                raise ValidationError(
                    self.env._(
                        "Template %(template)s: the minimum score must be higher for "
                        "A than for B, and for B than for C.",
                        template=template.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for template in self:
            if (
                template.date_start
                and template.date_end
                and template.date_end < template.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Template %(template)s ends before it starts.",
                        template=template.display_name,
                    )
                )

    @api.model
    def _get_default_template(self, date_to=None):
        """The first active template valid for a period ending on ``date_to``."""
        domain = []
        if date_to:
            domain = [
                "|",
                ("date_start", "=", False),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_to),
            ]
        return self.search(domain, limit=1)

    def _grade(self, score):
        self.ensure_one()
        return scoring.grade_for(
            score, self.threshold_a, self.threshold_b, self.threshold_c
        )
