"""Records that belong to one member, and the people a member names.

``welfare.member.owned.mixin``: a record of one member (a membership period,
an arrears waiver, a beneficiary...), kept in the member's fund and company,
so that the funds' record rules apply to it as to the member.

``welfare.member.person.mixin``: a person a member names (a beneficiary, a
dependant): a name, the relationship to the member (each model lists the
relationships it accepts) and an optional national ID, stored normalised
and checked by its check digit.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import thai_id


class WelfareMemberOwnedMixin(models.AbstractModel):
    _name = "welfare.member.owned.mixin"
    _description = "Record of a Member"

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


class WelfareMemberPersonMixin(models.AbstractModel):
    _name = "welfare.member.person.mixin"
    _inherit = ["welfare.member.owned.mixin"]
    _description = "Person Named by a Member"

    name = fields.Char(
        required=True,
    )
    # the relationships accepted are the model's own (its list replaces the
    # empty one of the mixin)
    relationship = fields.Selection(
        selection="_person_relationships",
        required=True,
        default="child",
    )
    national_id = fields.Char(
        string="National ID",
        size=13,
        groups="welfare_base.group_welfare_officer",
    )

    @api.model
    def _person_relationships(self):
        return []

    @api.constrains("national_id")
    def _check_national_id(self):
        # sudo: the national ID is readable by officers only; the check reads the
        # numbers just written on these records.
        for person in self.sudo():
            if person.national_id and not thai_id.is_valid(person.national_id):
                raise ValidationError(
                    self.env._(
                        "%(name)s: %(number)s is not a valid national ID number "
                        "(13 digits with a correct check digit).",
                        name=person.display_name,
                        number=person.national_id,
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
