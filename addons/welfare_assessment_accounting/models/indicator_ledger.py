from odoo import api, models
from odoo.tools import SQL

from odoo.addons.welfare_accounting.lib.statement import (
    ADMIN_CATEGORIES,
    ASSET_CATEGORIES,
    LEGS,
    RECEIPT_CATEGORIES,
)
from odoo.addons.welfare_assessment.lib import scoring


class WelfareAssessmentIndicator(models.AbstractModel):
    """Indicators read from the fund's ledger, in CODI's categories."""

    _inherit = "welfare.assessment.indicator"

    @api.model
    def _get_indicators(self):
        indicators = super()._get_indicators()
        indicators.update(
            {
                "led_days_since_posting": {
                    "name": self.env._("Days since the last posting in the accounts"),
                    "unit": "days",
                    "method": "_indicator_led_days_since_posting",
                },
                "led_legs_present": {
                    "name": self.env._(
                        "Legs of money present: members, CODI, local government"
                    ),
                    "unit": "count",
                    "method": "_indicator_led_legs_present",
                },
                "led_money_members": {
                    "name": self.env._("Money from members in the period (baht)"),
                    "unit": "baht",
                    "method": "_indicator_led_money_members",
                },
                "led_money_codi": {
                    "name": self.env._(
                        "Money from the state via CODI in the period (baht)"
                    ),
                    "unit": "baht",
                    "method": "_indicator_led_money_codi",
                },
                "led_money_local": {
                    "name": self.env._(
                        "Money from local government in the period (baht)"
                    ),
                    "unit": "baht",
                    "method": "_indicator_led_money_local",
                },
                "led_admin_cost_share": {
                    "name": self.env._(
                        "Administrative costs as a share of receipts (%)"
                    ),
                    "unit": "percent",
                    "method": "_indicator_led_admin_cost_share",
                },
                "led_reserve_months": {
                    "name": self.env._("Reserve in months of benefits"),
                    "unit": "months",
                    "method": "_indicator_led_reserve_months",
                },
            }
        )
        return indicators

    # ------------------------------------------------------------ helpers
    def _ledger_sums(self, funds, date_from, date_to, categories):
        """Posted balances by fund and CODI category, in one query.

        ``{fund_id: {category: (up to date_to, within date_from-date_to)}}``;
        balances are debit minus credit, so receipts are negative.
        """
        self.env["account.move.line"].flush_model(
            ["company_id", "account_id", "date", "parent_state", "balance"]
        )
        self.env["account.account"].flush_model(["welfare_codi_category"])
        company_fund = {fund.company_id.id: fund.id for fund in funds}
        self.env.cr.execute(
            SQL(
                """
                SELECT l.company_id, a.welfare_codi_category,
                       SUM(l.balance),
                       SUM(l.balance) FILTER (WHERE l.date >= %(date_from)s)
                  FROM account_move_line l
                  JOIN account_account a ON a.id = l.account_id
                 WHERE l.company_id = ANY(%(companies)s)
                   AND l.parent_state = 'posted'
                   AND l.date <= %(date_to)s
                   AND a.welfare_codi_category IN %(categories)s
                 GROUP BY l.company_id, a.welfare_codi_category
                """,
                companies=list(company_fund),
                date_to=date_to,
                date_from=date_from,
                categories=tuple(categories),
            )
        )
        sums = {fund_id: {} for fund_id in funds.ids}
        for company_id, category, total, period in self.env.cr.fetchall():
            sums[company_fund[company_id]][category] = (total or 0.0, period or 0.0)
        return sums

    @staticmethod
    def _received(fund_sums, categories, period=True):
        """Money received in (or up to the end of) the period: credit balances."""
        index = 1 if period else 0
        return round(-sum(fund_sums.get(c, (0.0, 0.0))[index] for c in categories), 2)

    @staticmethod
    def _paid(fund_sums, categories, period=True):
        index = 1 if period else 0
        return round(sum(fund_sums.get(c, (0.0, 0.0))[index] for c in categories), 2)

    # ------------------------------------------------------------ providers
    def _indicator_led_days_since_posting(self, funds, date_from, date_to):
        day = self._reference_date(date_to)
        groups = self.env["account.move"]._read_group(
            [
                ("company_id", "in", funds.company_id.ids),
                ("state", "=", "posted"),
                ("date", "<=", day),
            ],
            ["company_id"],
            ["date:max"],
        )
        last = {company.id: date for company, date in groups}
        result = {}
        for fund in funds:
            date = last.get(fund.company_id.id)
            result[fund.id] = (day - date).days if date else None
        return result

    def _indicator_led_legs_present(self, funds, date_from, date_to):
        categories = [c for leg in LEGS.values() for c in leg]
        sums = self._ledger_sums(funds, date_from, date_to, categories)
        return {
            fund_id: sum(
                1
                for leg in LEGS.values()
                if self._received(fund_sums, leg, period=False) > 0
            )
            for fund_id, fund_sums in sums.items()
        }

    def _money_from(self, funds, date_from, date_to, leg):
        sums = self._ledger_sums(funds, date_from, date_to, LEGS[leg])
        return {
            fund_id: self._received(fund_sums, LEGS[leg])
            for fund_id, fund_sums in sums.items()
        }

    def _indicator_led_money_members(self, funds, date_from, date_to):
        return self._money_from(funds, date_from, date_to, "members")

    def _indicator_led_money_codi(self, funds, date_from, date_to):
        return self._money_from(funds, date_from, date_to, "codi")

    def _indicator_led_money_local(self, funds, date_from, date_to):
        return self._money_from(funds, date_from, date_to, "local")

    def _indicator_led_admin_cost_share(self, funds, date_from, date_to):
        sums = self._ledger_sums(
            funds, date_from, date_to, RECEIPT_CATEGORIES + ADMIN_CATEGORIES
        )
        return {
            fund_id: scoring.percent(
                self._paid(fund_sums, ADMIN_CATEGORIES),
                self._received(fund_sums, RECEIPT_CATEGORIES),
            )
            for fund_id, fund_sums in sums.items()
        }

    def _indicator_led_reserve_months(self, funds, date_from, date_to):
        sums = self._ledger_sums(
            funds, date_from, date_to, ASSET_CATEGORIES + ("benefit",)
        )
        period_days = (date_to - date_from).days + 1
        return {
            fund_id: scoring.months_of_reserve(
                self._paid(fund_sums, ASSET_CATEGORIES, period=False),
                self._paid(fund_sums, ("benefit",)),
                period_days,
            )
            for fund_id, fund_sums in sums.items()
        }
