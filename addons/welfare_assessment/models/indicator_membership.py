import datetime

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.welfare_base.lib.member_states import ENDED_STATES

from ..lib import scoring

_ONE_DAY = datetime.timedelta(days=1)


class WelfareAssessmentIndicator(models.AbstractModel):
    """Registry and benefit indicators, from welfare_membership's records."""

    _inherit = "welfare.assessment.indicator"

    @api.model
    def _get_indicators(self):
        indicators = super()._get_indicators()
        indicators.update(
            {
                "mem_members": {
                    "name": self.env._("Current members"),
                    "unit": "count",
                    "method": "_indicator_mem_members",
                },
                "mem_growth": {
                    "name": self.env._("Member growth over the period (%)"),
                    "unit": "percent",
                    "method": "_indicator_mem_growth",
                },
                "mem_paid_up": {
                    "name": self.env._("Current members paid up (%)"),
                    "unit": "percent",
                    "method": "_indicator_mem_paid_up",
                },
                "mem_valid_id_address": {
                    "name": self.env._(
                        "Current members with a valid ID and an address (%)"
                    ),
                    "unit": "percent",
                    "method": "_indicator_mem_valid_id_address",
                },
                "mem_beneficiaries_named": {
                    "name": self.env._("Current members with a beneficiary named (%)"),
                    "unit": "percent",
                    "method": "_indicator_mem_beneficiaries_named",
                },
                "mem_benefit_categories": {
                    "name": self.env._("Benefit categories offered"),
                    "unit": "count",
                    "method": "_indicator_mem_benefit_categories",
                },
                "mem_basic_benefits": {
                    "name": self.env._("Basic benefit categories offered"),
                    "unit": "count",
                    "method": "_indicator_mem_basic_benefits",
                },
                "mem_claims_paid": {
                    "name": self.env._("Benefit claims paid in the period"),
                    "unit": "count",
                    "method": "_indicator_mem_claims_paid",
                },
                "mem_claims_paid_amount": {
                    "name": self.env._("Benefits paid in the period (baht)"),
                    "unit": "baht",
                    "method": "_indicator_mem_claims_paid_amount",
                },
            }
        )
        return indicators

    # ------------------------------------------------------------ helpers
    @api.model
    def _sql_member_at(self, day):
        """Condition on ``m`` (welfare_member): a member of the fund on ``day``."""
        return SQL(
            """m.state != 'applicant'
               AND m.join_date <= %(day)s
               AND (m.state NOT IN %(ended)s
                    OR COALESCE(m.death_date, m.resign_date, m.state_date)
                       > %(day)s)""",
            day=day,
            ended=ENDED_STATES,
        )

    def _member_shares(self, funds, day, condition, joins=None):
        """``{fund_id: % of members on day meeting condition}`` in one query."""
        self.env["welfare.member"].flush_model()
        self.env["res.partner"].flush_model(["street"])
        self.env["welfare.member.beneficiary"].flush_model(["member_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT m.fund_id, COUNT(*), COUNT(*) FILTER (WHERE %(condition)s)
                  FROM welfare_member m
                  %(joins)s
                 WHERE m.fund_id = ANY(%(funds)s) AND %(member_at)s
                 GROUP BY m.fund_id
                """,
                condition=condition,
                joins=joins or SQL(""),
                funds=funds.ids,
                member_at=self._sql_member_at(day),
            )
        )
        rows = {
            fund_id: (part, total) for fund_id, total, part in self.env.cr.fetchall()
        }
        return {
            fund_id: scoring.percent(*rows.get(fund_id, (0, 0)))
            for fund_id in funds.ids
        }

    # ------------------------------------------------------------ providers
    def _indicator_mem_members(self, funds, date_from, date_to):
        day = self._reference_date(date_to)
        self.env["welfare.member"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT m.fund_id, COUNT(*)
                  FROM welfare_member m
                 WHERE m.fund_id = ANY(%(funds)s) AND %(member_at)s
                 GROUP BY m.fund_id
                """,
                funds=funds.ids,
                member_at=self._sql_member_at(day),
            )
        )
        counts = dict(self.env.cr.fetchall())
        return {fund_id: counts.get(fund_id, 0) for fund_id in funds.ids}

    def _indicator_mem_growth(self, funds, date_from, date_to):
        day = self._reference_date(date_to)
        self.env["welfare.member"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT m.fund_id,
                       COUNT(*) FILTER (WHERE %(at_start)s),
                       COUNT(*) FILTER (WHERE %(at_end)s)
                  FROM welfare_member m
                 WHERE m.fund_id = ANY(%(funds)s)
                 GROUP BY m.fund_id
                """,
                # members on the eve of the period, and on its last day
                at_start=self._sql_member_at(date_from - _ONE_DAY),
                at_end=self._sql_member_at(day),
                funds=funds.ids,
            )
        )
        rows = {fund_id: (start, end) for fund_id, start, end in self.env.cr.fetchall()}
        return {
            fund_id: scoring.growth_percent(*rows.get(fund_id, (0, 0)))
            for fund_id in funds.ids
        }

    def _indicator_mem_paid_up(self, funds, date_from, date_to):
        day = self._reference_date(date_to)
        # "paid up" as claims' eligibility defines it: one definition
        return self._member_shares(
            funds, day, self.env["welfare.member"]._sql_paid_up("m", day)
        )

    def _indicator_mem_valid_id_address(self, funds, date_from, date_to):
        return self._member_shares(
            funds,
            self._reference_date(date_to),
            SQL(
                """m.national_id ~ '^[0-9]{13}$'
                   AND (COALESCE(TRIM(p.street), '') != ''
                        OR COALESCE(TRIM(m.village_no), '') != '')"""
            ),
            joins=SQL("JOIN res_partner p ON p.id = m.partner_id"),
        )

    def _indicator_mem_beneficiaries_named(self, funds, date_from, date_to):
        return self._member_shares(
            funds,
            self._reference_date(date_to),
            SQL(
                """EXISTS (SELECT 1 FROM welfare_member_beneficiary b
                            WHERE b.member_id = m.id)"""
            ),
        )

    def _benefit_categories(self, funds, extra_domain):
        groups = self.env["welfare.benefit.type"]._read_group(
            [("fund_id", "in", funds.ids), *extra_domain],
            ["fund_id", "category"],
            ["__count"],
        )
        counts = {}
        for fund, _category, _count in groups:
            counts[fund.id] = counts.get(fund.id, 0) + 1
        return {fund_id: counts.get(fund_id, 0) for fund_id in funds.ids}

    def _indicator_mem_benefit_categories(self, funds, date_from, date_to):
        return self._benefit_categories(funds, [])

    def _indicator_mem_basic_benefits(self, funds, date_from, date_to):
        return self._benefit_categories(funds, [("is_basic", "=", True)])

    def _claims_paid(self, funds, date_from, date_to, aggregate):
        groups = self.env["welfare.claim"]._read_group(
            [
                ("fund_id", "in", funds.ids),
                ("state", "=", "paid"),
                ("payment_date", ">=", date_from),
                ("payment_date", "<=", date_to),
            ],
            ["fund_id"],
            [aggregate],
        )
        values = {fund.id: value for fund, value in groups}
        return {fund_id: values.get(fund_id, 0) for fund_id in funds.ids}

    def _indicator_mem_claims_paid(self, funds, date_from, date_to):
        return self._claims_paid(funds, date_from, date_to, "__count")

    def _indicator_mem_claims_paid_amount(self, funds, date_from, date_to):
        return self._claims_paid(funds, date_from, date_to, "amount_approved:sum")
