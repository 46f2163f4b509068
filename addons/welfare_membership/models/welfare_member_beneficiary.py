from odoo import fields, models


class WelfareMemberBeneficiary(models.Model):
    """A person named by a member to receive benefits paid on their death."""

    _name = "welfare.member.beneficiary"
    _description = "Member Beneficiary"
    _inherit = ["welfare.member.person.mixin"]
    _order = "member_id, sequence, id"

    sequence = fields.Integer(
        default=10,
    )
    relationship = fields.Selection(
        [
            ("spouse", "Spouse"),
            ("child", "Child"),
            ("parent", "Parent"),
            ("sibling", "Brother or Sister"),
            ("grandchild", "Grandchild"),
            ("relative", "Other Relative"),
            ("other", "Other"),
        ],
    )
    share = fields.Float(
        string="Share (%)",
        required=True,
        default=100.0,
        digits=(5, 2),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        help="The beneficiary's contact, when they have one (e.g. also a member).",
    )
    phone = fields.Char()
    address = fields.Char()

    _sql_constraints = [
        (
            "share_range",
            "CHECK(share > 0 AND share <= 100)",
            "A beneficiary's share must be more than 0 and at most 100 percent.",
        ),
    ]
