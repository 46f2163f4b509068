from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

RELATIONSHIPS = [
    ("child", "Child"),
    ("spouse", "Spouse"),
    ("parent", "Parent"),
    ("sibling", "Brother or Sister"),
    ("grandchild", "Grandchild"),
    ("other", "Other"),
]


class WelfareMemberDependant(models.Model):
    """A person in a member's care: the child a scholarship or a birth benefit
    is for, judged on the child's own age and facts."""

    _name = "welfare.member.dependant"
    _description = "Member Dependant"
    _inherit = ["welfare.member.person.mixin"]
    _order = "member_id, birth_date, id"

    relationship = fields.Selection(
        RELATIONSHIPS,
    )
    birth_date = fields.Date(
        help="Age conditions of benefits for a dependant (e.g. a scholarship up "
        "to 18 years) are judged on this date, not on the member's.",
    )
    age = fields.Integer(
        compute="_compute_age",
        help="Completed years today.",
    )
    national_id = fields.Char(
        help="Optional; checked by its check digit when given (numbers "
        "starting with 0 are accepted).",
    )
    active = fields.Boolean(
        default=True,
        help="Archive a dependant who left the member's care; their claims stay.",
    )
    note = fields.Char()

    @api.depends("birth_date")
    def _compute_age(self):
        today = welfare_today(self)
        for dependant in self:
            dependant.age = (
                relativedelta(today, dependant.birth_date).years
                if dependant.birth_date
                else 0
            )

    @api.depends("name", "relationship")
    def _compute_display_name(self):
        labels = dict(self._fields["relationship"]._description_selection(self.env))
        for dependant in self:
            dependant.display_name = (
                f"{dependant.name} ({labels.get(dependant.relationship, '')})"
                if dependant.name
                else ""
            )

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = welfare_today(self)
        for dependant in self:
            if dependant.birth_date and dependant.birth_date > today:
                raise ValidationError(
                    self.env._(
                        "Dependant %(name)s: the birth date cannot be in the "
                        "future: check the year (B.E. = C.E. + 543).",
                        name=dependant.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_claimed(self):
        # sudo: whether a claim names the dependant is read, whoever filed it
        if (
            self.env["welfare.claim"]
            .sudo()
            .search_count([("dependant_id", "in", self.ids)], limit=1)
        ):
            raise ValidationError(
                self.env._(
                    "A dependant named on a claim cannot be deleted: archive them "
                    "instead."
                )
            )


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    dependant_ids = fields.One2many(
        "welfare.member.dependant",
        "member_id",
        string="Dependants",
        copy=False,
        help="Children and other people in the member's care, for the benefits "
        "meant for them (scholarships, birth of a child).",
    )
