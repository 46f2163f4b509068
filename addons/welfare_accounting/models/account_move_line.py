from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    welfare_contribution_id = fields.Many2one(
        "welfare.contribution",
        string="Member Payment",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The member's payment this line records.",
    )
    welfare_claim_id = fields.Many2one(
        "welfare.claim",
        string="Benefit Claim",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The benefit claim whose payment this line records.",
    )
