from odoo import api, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import scoring

KEY_ROLES = ("chair", "vice_chair", "treasurer", "secretary")


class WelfareAssessmentIndicator(models.AbstractModel):
    """Governance indicators, from the network data of welfare_base."""

    _inherit = "welfare.assessment.indicator"

    @api.model
    def _get_indicators(self):
        indicators = super()._get_indicators()
        indicators.update(
            {
                "gov_meetings": {
                    "name": self.env._("Meetings held in the period"),
                    "unit": "count",
                    "method": "_indicator_gov_meetings",
                },
                "gov_meetings_minutes": {
                    "name": self.env._("Meetings with minutes (%)"),
                    "unit": "percent",
                    "method": "_indicator_gov_meetings_minutes",
                },
                "gov_committee_complete": {
                    "name": self.env._(
                        "Key committee seats filled: chair, vice-chair, treasurer, "
                        "secretary (%)"
                    ),
                    "unit": "percent",
                    "method": "_indicator_gov_committee_complete",
                },
                "gov_village_coverage": {
                    "name": self.env._("Villages covered (%)"),
                    "unit": "percent",
                    "method": "_indicator_gov_village_coverage",
                },
            }
        )
        return indicators

    @api.model
    def _reference_date(self, date_to):
        """The day a state is read on: the period's end, or today if earlier."""
        return min(date_to, welfare_today(self))

    def _indicator_gov_meetings(self, funds, date_from, date_to):
        groups = self.env["welfare.fund.meeting"]._read_group(
            [
                ("fund_id", "in", funds.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["fund_id"],
            ["__count"],
        )
        counts = {fund.id: count for fund, count in groups}
        return {fund_id: counts.get(fund_id, 0) for fund_id in funds.ids}

    def _indicator_gov_meetings_minutes(self, funds, date_from, date_to):
        groups = self.env["welfare.fund.meeting"]._read_group(
            [
                ("fund_id", "in", funds.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["fund_id", "has_minutes"],
            ["__count"],
        )
        totals, with_minutes = {}, {}
        for fund, has_minutes, count in groups:
            totals[fund.id] = totals.get(fund.id, 0) + count
            if has_minutes:
                with_minutes[fund.id] = count
        return {
            fund_id: scoring.percent(with_minutes.get(fund_id, 0), totals.get(fund_id))
            for fund_id in funds.ids
        }

    def _indicator_gov_committee_complete(self, funds, date_from, date_to):
        day = self._reference_date(date_to)
        groups = self.env["welfare.fund.committee"]._read_group(
            [
                ("fund_id", "in", funds.ids),
                ("role", "in", KEY_ROLES),
                ("date_start", "<=", day),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", day),
            ],
            ["fund_id", "role"],
            ["__count"],
        )
        roles = {}
        for fund, _role, _count in groups:
            roles[fund.id] = roles.get(fund.id, 0) + 1
        return {
            fund_id: scoring.percent(roles.get(fund_id, 0), len(KEY_ROLES))
            for fund_id in funds.ids
        }

    def _indicator_gov_village_coverage(self, funds, date_from, date_to):
        rows = funds.with_context(active_test=False).search_read(
            [("id", "in", funds.ids)], ["village_total", "village_covered"]
        )
        return {
            row["id"]: scoring.percent(row["village_covered"], row["village_total"])
            for row in rows
        }
