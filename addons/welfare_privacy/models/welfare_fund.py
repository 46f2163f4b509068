from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEFAULT_PURGE_DAYS = 30
DEFAULT_RETENTION_YEARS = 5


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    privacy_purge_days = fields.Integer(
        string="Purge Withdrawn Data After (days)",
        default=DEFAULT_PURGE_DAYS,
        help="Days between a member's withdrawal of a consent and the purge of "
        "the data that consent allowed (health details and documents of claims, "
        "disability). Meanwhile only the committee reads them.",
    )
    privacy_retention_years = fields.Integer(
        string="Keep Former Members' Data (years)",
        default=DEFAULT_RETENTION_YEARS,
        help="Years a former member's personal data is kept after they left "
        "(resigned, terminated, deceased) before it may be erased on request. "
        "At least the five years the Accounting Act B.E. 2543 asks to keep "
        "accounting documents.",
    )

    @api.constrains("privacy_purge_days", "privacy_retention_years")
    def _check_privacy_periods(self):
        for fund in self:
            if fund.privacy_purge_days < 0 or fund.privacy_retention_years < 0:
                raise ValidationError(
                    self.env._(
                        "%(fund)s: the purge and retention periods cannot be negative.",
                        fund=fund.display_name,
                    )
                )

    def _get_workflow_group_fields(self):
        """How long personal data is kept is the committee's decision."""
        deciders = (
            "welfare_base.group_welfare_committee",
            "welfare_base.group_welfare_manager",
        )
        return {
            **super()._get_workflow_group_fields(),
            "privacy_purge_days": deciders,
            "privacy_retention_years": deciders,
        }
