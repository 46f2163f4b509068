from odoo import api, models
from odoo.tools import SQL

from ..lib import benefit_rules


class WelfareMember(models.Model):
    """ "Paid up", defined once for every part of the suite.

    A member is paid up on a day when their contributions cover every month
    before that day's month (``benefit_rules.paid_up_required_until``). Claims
    check it through the rule engine; the assessment's indicator and any other
    count of members paid up use the SQL condition below, made from the same
    function, so both always agree.
    """

    _inherit = "welfare.member"

    @api.model
    def _paid_up_required_until(self, day):
        """Last day contributions must cover for a member to be paid up on ``day``."""
        return benefit_rules.paid_up_required_until(day)

    def _is_paid_up(self, day):
        """``{member id: paid up on day}`` for the members of ``self``."""
        return {
            member.id: benefit_rules.is_paid_up(member.paid_until, day)
            for member in self
        }

    @api.model
    def _sql_paid_up(self, alias, day):
        """SQL condition on the welfare_member row ``alias``: paid up on ``day``."""
        return SQL(
            "%s.paid_until >= %s",
            SQL.identifier(alias),
            self._paid_up_required_until(day),
        )

    @api.model
    def _paid_up_domain(self, day):
        """Domain of the members paid up on ``day``."""
        return [("paid_until", ">=", self._paid_up_required_until(day))]
