from odoo import api, models


class WelfareAssessmentIndicator(models.AbstractModel):
    """Registry of the indicators an assessment can compute from data.

    Each indicator has a code, a label, a unit and a provider method
    ``method(funds, date_from, date_to)`` that returns ``{fund_id: value}`` for
    MANY funds at once, with one query (``_read_group`` or one parametrised SQL
    statement) whatever the number of funds. A value of ``None`` means "no data"
    (e.g. a share of members in a fund without members): it earns no points.

    Providers live in the files ``indicator_*.py``; a module adds its own codes
    by extending :meth:`_get_indicators` (calling ``super()``).
    """

    _name = "welfare.assessment.indicator"
    _description = "Assessment Indicators"

    @api.model
    def _get_indicators(self):
        """``{code: {"name": label, "unit": unit, "method": method name}}``.

        Only the indicators this database can compute are listed: the choice of
        a criterion's indicator offers these codes and no other.
        """
        return {}

    @api.model
    def _unit_labels(self):
        return {
            "count": self.env._("count"),
            "percent": "%",
            "days": self.env._("days"),
            "baht": self.env._("baht"),
            "months": self.env._("months"),
        }

    @api.model
    def _selection(self):
        selection = [("manual", self.env._("Entered by the reviewer"))]
        for code, spec in self._get_indicators().items():
            selection.append((code, spec["name"]))
        return selection

    @api.model
    def _compute_values(self, codes, funds, date_from, date_to):
        """``{code: {fund_id: value}}`` for the given codes, funds and period.

        Unknown codes (e.g. of a module not installed) are left out. One call
        per indicator, each covering every fund.
        """
        indicators = self._get_indicators()
        # sudo: the caller may assess these funds; the indicators only read
        # aggregates of their records (counts, shares, sums), never the records.
        provider = self.sudo()
        result = {}
        for code in codes:
            spec = indicators.get(code)
            if not spec or not funds:
                continue
            result[code] = getattr(provider, spec["method"])(
                funds.sudo(), date_from, date_to
            )
        return result
