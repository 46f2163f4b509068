from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import thai_id


class WelfareMemberBeneficiary(models.Model):
    """A person named by a member to receive benefits paid on their death."""

    _name = "welfare.member.beneficiary"
    _description = "Member Beneficiary"
    _order = "member_id, sequence, id"

    sequence = fields.Integer(
        default=10,
    )
    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        required=True,
        index=True,
        ondelete="cascade",
    )
    fund_id = fields.Many2one(
        related="member_id.fund_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="member_id.company_id",
        store=True,
        index=True,
    )
    name = fields.Char(
        required=True,
    )
    national_id = fields.Char(
        string="National ID",
        size=13,
        groups="welfare_base.group_welfare_officer",
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
        required=True,
        default="child",
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

    @api.constrains("national_id")
    def _check_national_id(self):
        # sudo: the national ID is readable by officers only; the check reads the
        # numbers just written on these records.
        for beneficiary in self.sudo():
            if beneficiary.national_id and not thai_id.is_valid(
                beneficiary.national_id
            ):
                raise ValidationError(
                    self.env._(
                        "Beneficiary %(name)s: %(number)s is not a valid national "
                        "ID number.",
                        name=beneficiary.name,
                        number=beneficiary.national_id,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("national_id"):
                vals["national_id"] = thai_id.clean(vals["national_id"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("national_id"):
            vals["national_id"] = thai_id.clean(vals["national_id"])
        return super().write(vals)
