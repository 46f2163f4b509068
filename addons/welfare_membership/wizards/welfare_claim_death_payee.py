from odoo import fields, models

from ..models.welfare_claim_death_payee import DEATH_PAYEE_BASES
from ..models.welfare_member_dependant import RELATIONSHIPS


class WelfareClaimDeathPayee(models.TransientModel):
    """The committee records who receives the death benefit of a member who
    named no beneficiary."""

    _name = "welfare.claim.death.payee"
    _description = "Decide Who Receives a Death Benefit"

    claim_ids = fields.Many2many(
        "welfare.claim",
        string="Claims",
        required=True,
    )
    fund_id = fields.Many2one(
        related="claim_ids.fund_id",
        string="Fund",
    )
    basis = fields.Selection(
        DEATH_PAYEE_BASES,
        string="Paid As",
        required=True,
        default="heirs",
        help="A statutory heir (spouse, child, parent... as the law orders them) "
        "or the person who arranged and paid for the funeral.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Paid To",
        required=True,
    )
    relationship = fields.Selection(
        RELATIONSHIPS,
        string="Relationship to the Member",
        required=True,
        default="child",
    )
    meeting_id = fields.Many2one(
        "welfare.fund.meeting",
        string="Decided at Meeting",
        required=True,
        domain="[('fund_id', '=', fund_id)]",
    )
    note = fields.Text(
        string="Basis of the Decision",
        help="e.g. documents seen: death certificate, receipts of the funeral, "
        "the heirs' agreement.",
    )

    def action_apply(self):
        self.ensure_one()
        self.claim_ids.action_decide_death_payee(
            self.partner_id,
            self.relationship,
            self.basis,
            self.meeting_id,
            self.note,
        )
        return {"type": "ir.actions.act_window_close"}
