"""The entry point of the demo data (demo/*.xml calls it): nothing in the
business models creates demo records."""

from odoo import api, models

from . import history


class WelfareAssessmentDemo(models.AbstractModel):
    _name = "welfare.assessment.demo"
    _description = "Assessment Demo Data"

    @api.model
    def _assess_history(self, years=2):
        return history.assess_history(self.env, years)
