from odoo import fields, models


class WelfareCollection(models.Model):
    """The cash of a collection day, until it is handed over."""

    _inherit = "welfare.collection"

    handover_ids = fields.One2many(
        "welfare.cash.handover",
        "collection_id",
        string="Cash Handovers",
    )
    cash_to_hand_over = fields.Monetary(
        string="Cash to Hand Over",
        compute="_compute_cash_to_hand_over",
        help="Cash taken on the day, confirmed, not yet in a handover.",
    )

    def _compute_cash_to_hand_over(self):
        for collection in self:
            collection.cash_to_hand_over = collection._cash_not_handed_over()

    def _cash_not_handed_over(self, exclude=None):
        """Confirmed cash of the day less the handovers not cancelled."""
        self.ensure_one()
        cash = sum(
            self.contribution_ids.filtered(
                lambda c: c.state == "confirmed" and c.payment_method == "cash"
            ).mapped("amount")
        )
        handed = sum(
            (self.handover_ids - (exclude or self.env["welfare.cash.handover"]))
            .filtered(lambda h: h.state != "cancelled")
            .mapped("amount")
        )
        return self.currency_id.round(cash - handed)

    def action_new_handover(self):
        """Open a handover of the day's cash, to be signed by both."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_accounting.welfare_cash_handover_action"
        )
        action.update(
            {
                "view_mode": "form",
                "views": [(False, "form")],
                "context": {
                    "default_fund_id": self.fund_id.id,
                    "default_collection_id": self.id,
                    "default_giver_id": self.collector_id.id,
                    "default_amount": self._cash_not_handed_over(),
                    "default_date": self.date,
                },
            }
        )
        return action
