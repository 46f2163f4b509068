from odoo import models

from ..report.welfare_reports import money


class WelfareFund(models.Model):
    """Ledger reports say what open collection days hold back."""

    _inherit = "welfare.fund"

    def _welfare_pending_payments(self, date_to):
        """Payments confirmed on collection days still open, up to ``date_to``.

        They are posted when their day is closed (or its cash handed over):
        until then the ledger, and every report read from it, leaves them out.
        Returns ``{"days": n, "count": n, "amount": total, "note": text}``,
        the note saying so on the reports (False when nothing is pending).
        """
        self.ensure_one()
        # sudo: counts of the fund's own payments, for readers of its reports
        groups = (
            self.env["welfare.contribution"]
            .sudo()
            ._read_group(
                [
                    ("fund_id", "=", self.id),
                    ("state", "=", "confirmed"),
                    ("move_id", "=", False),
                    ("collection_id.state", "=", "open"),
                    ("date", "<=", date_to),
                ],
                ["collection_id"],
                ["__count", "amount:sum"],
            )
        )
        pending = {
            "days": len(groups),
            "count": sum(count for _day, count, _amount in groups),
            "amount": self.company_id.currency_id.round(
                sum(amount for _day, _count, amount in groups)
            ),
            "note": False,
        }
        if pending["count"]:
            pending["note"] = self.env._(
                "Not yet in these figures: %(count)s payments of %(amount)s baht "
                "taken on %(days)s collection days still open. They are posted "
                "when their day is closed.",
                count=pending["count"],
                amount=money(pending["amount"]),
                days=pending["days"],
            )
        return pending

    def _welfare_statement(self, date_from, date_to):
        result = super()._welfare_statement(date_from, date_to)
        result["pending"] = self._welfare_pending_payments(date_to)
        return result
