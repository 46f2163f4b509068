from odoo import fields, models


class WelfareAssessmentReopen(models.TransientModel):
    """Reopen confirmed assessments, saying why (kept in their chatter)."""

    _name = "welfare.assessment.reopen"
    _description = "Reopen Assessment"

    assessment_ids = fields.Many2many(
        "welfare.assessment",
        string="Assessments",
        default=lambda self: self._default_assessment_ids(),
    )
    reason = fields.Text(
        required=True,
    )

    def _default_assessment_ids(self):
        if self.env.context.get("active_model") != "welfare.assessment":
            return self.env["welfare.assessment"]
        return self.env["welfare.assessment"].browse(
            self.env.context.get("active_ids", [])
        )

    def action_reopen(self):
        self.ensure_one()
        self.assessment_ids._reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
