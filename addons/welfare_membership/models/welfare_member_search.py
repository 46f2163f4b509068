"""Finding members: the search box, a code typed or scanned at a collection,
and whether a person is registered with another fund.

Every path reads indexed columns first (member number, national ID, the
member's own ``search_name``), so that a search across a province is served
by an index, never by a scan of the contacts.
"""

from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.welfare_base.lib.member_states import HOLDING_STATES

from ..lib import thai_id


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    in_other_fund = fields.Boolean(
        string="Member Elsewhere",
        compute="_compute_in_other_fund",
        help="The same national ID is registered with another fund.",
    )

    @api.depends("national_id", "fund_id")
    def _compute_in_other_fund(self):
        # sudo: other funds' members are not readable; only the fact is shown
        members = self.sudo()
        numbers = [n for n in members.mapped("national_id") if n]
        groups = {}
        if numbers:
            for number, funds in (
                self.env["welfare.member"]
                .sudo()
                ._read_group(
                    [("national_id", "in", numbers), ("state", "in", HOLDING_STATES)],
                    ["national_id"],
                    ["fund_id:recordset"],
                )
            ):
                groups[number] = funds
        for member, sudo_member in zip(self, members, strict=True):
            funds = groups.get(sudo_member.national_id)
            member.in_other_fund = bool(funds and funds - sudo_member.fund_id)

    def init(self):
        res = super().init()
        if self.env.registry.has_trigram:
            # members' names are their contacts' names: a filter on "Name
            # contains" (ilike '%...%') over a province's contacts needs a
            # trigram index (the search box uses the member's search_name)
            tools.create_index(
                self.env.cr,
                "res_partner_name_welfare_trgm_index",
                "res_partner",
                ["name gin_trgm_ops"],
                method="gin",
            )
        return res

    @api.model
    def _search_display_name(self, operator, value):
        """The search box and many2one fields: digits find a member by number
        (exact) or national ID (whole, or its first six digits or more) on
        their indexed columns, words find the name (trigram index): never an
        OR across the contact's and the member's tables, which no index
        could serve."""
        if (
            operator not in ("ilike", "=ilike", "=", "like")
            or not isinstance(value, str)
            or not value.strip()
        ):
            return super()._search_display_name(operator, value)
        text = value.strip()
        digits = thai_id.clean(text)
        if not (digits.isascii() and digits.isdigit()):
            if any(char.isdigit() for char in text):
                # a member number carried over from an older register
                return expression.OR(
                    [[("member_number", "=", text)], [("search_name", operator, text)]]
                )
            return [("search_name", operator, text)]
        numbers = {text, digits}
        conditions = [SQL("member_number IN %s", tuple(numbers))]
        # only who may read national IDs may find members by them
        if self._fields["national_id"].is_accessible(self.env):
            if len(digits) == 13:
                conditions.append(SQL("national_id = %s", digits))
            elif len(digits) >= 6:
                conditions.append(SQL("national_id LIKE %s", f"{digits}%"))
        # the indexed columns are read first, alone: no join, no rule, so
        # no plan can scan the province for them; the search itself then
        # applies the user's rules to the few members found
        self.flush_model(["member_number", "national_id"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM welfare_member WHERE %s",
                SQL(" OR ").join(conditions),
            )
        )
        return [("id", "in", [row[0] for row in self.env.cr.fetchall()])]

    @api.model
    def _find_by_code(self, code, fund):
        """The member of ``fund`` a typed or scanned code designates.

        A member number, a national ID (with or without dashes) or the
        content of a member card's QR code (see :meth:`_find_by_card_code`).
        """
        code = (code or "").strip()
        if not code:
            return self.browse()
        domain = [("fund_id", "=", fund.id)]
        member = self.search(domain + [("member_number", "=", code)], limit=1)
        if not member:
            digits = thai_id.clean(code)
            if len(digits) == 13 and digits.isdigit():
                member = self.search(domain + [("national_id", "=", digits)], limit=1)
        if not member:
            member = self._find_by_card_code(code, fund)
        return member

    @api.model
    def _find_by_card_code(self, code, fund):
        """Hook for member cards: the member whose card QR holds ``code``."""
        return self.browse()
