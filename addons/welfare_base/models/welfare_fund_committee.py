from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .welfare_date import welfare_today


class WelfareFundCommittee(models.Model):
    """A seat on a fund's committee for one term."""

    _name = "welfare.fund.committee"
    _description = "Fund Committee Member"
    _inherit = ["welfare.fund.owned.mixin", "mail.thread"]
    _order = "fund_id, date_end desc nulls first, role_sequence, date_start desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        tracking=True,
    )
    role = fields.Selection(
        selection=[
            ("chair", "Chair"),
            ("vice_chair", "Vice-chair"),
            ("treasurer", "Treasurer"),
            ("secretary", "Secretary"),
            ("member", "Committee Member"),
            ("advisor", "Advisor"),
        ],
        required=True,
        default="member",
        tracking=True,
    )
    role_sequence = fields.Integer(
        compute="_compute_role_sequence",
        store=True,
    )
    village_no = fields.Char(
        string="Village No.",
        help="Village (หมู่ที่) the person represents.",
    )
    phone = fields.Char(
        related="partner_id.phone",
        readonly=False,
    )
    date_start = fields.Date(
        string="Term Start",
        required=True,
        default=welfare_today,
        tracking=True,
    )
    date_end = fields.Date(
        string="Term End",
        tracking=True,
    )
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        search="_search_is_current",
    )

    _ROLE_ORDER = ["chair", "vice_chair", "treasurer", "secretary", "member", "advisor"]

    @api.depends("role")
    def _compute_role_sequence(self):
        for seat in self:
            seat.role_sequence = self._ROLE_ORDER.index(seat.role) if seat.role else 99

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_is_current(self):
        today = welfare_today(self)
        for seat in self:
            seat.is_current = bool(
                seat.date_start
                and seat.date_start <= today
                and (not seat.date_end or seat.date_end >= today)
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on current seats."))
        today = welfare_today(self)
        current = [
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        if (operator == "=") == value:
            return current
        return ["!", *current]

    @api.constrains("date_start", "date_end")
    def _check_term(self):
        for seat in self:
            if seat.date_end and seat.date_end < seat.date_start:
                raise ValidationError(
                    self.env._(
                        "The term of %(person)s ends before it starts.",
                        person=seat.partner_id.display_name,
                    )
                )

    @api.constrains("role", "date_start", "date_end", "fund_id")
    def _check_one_chair(self):
        chairs = self.filtered(lambda s: s.role == "chair")
        for seat in chairs:
            others = self.search(
                [
                    ("fund_id", "=", seat.fund_id.id),
                    ("role", "=", "chair"),
                    ("id", "!=", seat.id),
                ]
            )
            for other in others:
                if _overlap(
                    seat.date_start, seat.date_end, other.date_start, other.date_end
                ):
                    raise ValidationError(
                        self.env._(
                            "Fund %(fund)s cannot have two chairs at once: the term of "
                            "%(person)s overlaps that of %(other)s.",
                            fund=seat.fund_id.display_name,
                            person=seat.partner_id.display_name,
                            other=other.partner_id.display_name,
                        )
                    )

    @api.depends("partner_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for seat in self:
            seat.display_name = (
                f"{seat.partner_id.name or ''} ({roles.get(seat.role, '')})"
            )


def _overlap(start_a, end_a, start_b, end_b):
    """Whether two terms overlap; an open end runs forever."""
    return (not end_b or start_a <= end_b) and (not end_a or start_b <= end_a)
