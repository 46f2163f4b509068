from odoo import fields, models
from odoo.exceptions import UserError


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

    def _welfare_hold_open_days(self):
        """A payment of these days is confirmed or cancelled: write their rows.

        Closing a day locks its row and posts the payments it sees: a close
        running at the same time as this transaction either waits for it and
        is then run again by the server (serialization failure), seeing the
        payment, or commits first, and this transaction is run again and finds
        the day closed. A closed day takes no new payment.
        """
        if not self:
            return
        self.flush_recordset(["state"])
        self.env.cr.execute(
            """
            UPDATE welfare_collection
               SET write_date = (now() AT TIME ZONE 'UTC'), write_uid = %s
             WHERE id IN %s AND state = 'open'
            RETURNING id
            """,
            (self.env.uid, tuple(self.ids)),
        )
        held = {row[0] for row in self.env.cr.fetchall()}
        self.invalidate_recordset(["write_date", "write_uid"])
        closed = self.filtered(lambda day: day.id not in held)
        if closed:
            raise UserError(
                self.env._(
                    "The collection day %(day)s is closed and posted: its payments "
                    "cannot change. Record the payment on an open day or on its "
                    "own, or cancel a posted payment (its entry is reversed).",
                    day=closed[0].display_name,
                )
            )

    def action_close(self):
        """Close the days and post each one's payments in one entry."""
        res = super().action_close()
        self.contribution_ids.filtered(
            lambda c: c.state == "confirmed" and not c.move_id
        )._welfare_post()
        return res

    def _welfare_post_pending(self):
        """Post what open days hold so far (their cash is handed over)."""
        days = self.filtered(lambda day: day.state == "open")
        if not days:
            return
        days._welfare_hold_open_days()
        days.contribution_ids._welfare_pending()._welfare_post(open_days=True)

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
