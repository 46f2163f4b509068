from odoo import models

# Grant sources of welfare_accounting by leg of the fund ("three legs");
# every other source (other government, donations, interest...) is "other".
GRANT_LEGS = {
    "codi_seed": "grant_codi_amount",
    "codi_matching": "grant_codi_amount",
    "local_government": "grant_local_amount",
}


class WelfareFundSnapshot(models.Model):
    _inherit = "welfare.fund.snapshot"

    def _add_grant_figures(self, rows, fund_ids, start, end):
        """Posted grants of the year by leg, and since founding in the balance."""
        result = super()._add_grant_figures(rows, fund_ids, start, end)
        # sudo: sums over every fund of the database (see _refresh_snapshots)
        Grant = self.env["welfare.grant"].sudo()
        for fund, source, amount in Grant._read_group(
            [
                ("fund_id", "in", fund_ids),
                ("state", "=", "posted"),
                ("date", ">=", start),
                ("date", "<=", end),
            ],
            ["fund_id", "source"],
            ["amount:sum"],
        ):
            rows[fund.id][GRANT_LEGS.get(source, "grant_other_amount")] += amount
        for fund, amount in Grant._read_group(
            [
                ("fund_id", "in", fund_ids),
                ("state", "=", "posted"),
                ("date", "<=", end),
            ],
            ["fund_id"],
            ["amount:sum"],
        ):
            rows[fund.id]["balance"] += amount
        return result
