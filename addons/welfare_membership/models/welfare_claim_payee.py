from odoo import api, fields, models


class WelfareClaimPayee(models.Model):
    """Who receives the money of a claim, and how much."""

    _name = "welfare.claim.payee"
    _inherit = ["welfare.workflow.guard.mixin"]
    _description = "Claim Payee"
    _order = "claim_id, id"

    claim_id = fields.Many2one(
        "welfare.claim",
        string="Claim",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="claim_id.company_id",
        store=True,
        index=True,
    )
    currency_id = fields.Many2one(
        related="claim_id.currency_id",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Payee",
        required=True,
        index=True,
    )
    share = fields.Float(
        string="Share (%)",
        digits=(5, 2),
        default=100.0,
    )
    amount = fields.Monetary()

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share >= 0 AND share <= 100)",
            "A payee's share must be between 0 and 100 percent.",
        ),
        (
            "amount_positive",
            "CHECK(amount >= 0)",
            "A payee cannot receive a negative amount.",
        ),
    ]

    # Payee lines are made by the committee's approval (from the benefit's
    # payee rule) and paid as they are: no line is added, changed or deleted
    # by hand, so the money cannot be pointed at another person.
    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | {
            "claim_id",
            "partner_id",
            "share",
            "amount",
        }

    def _workflow_unlink_guarded(self):
        return self
