from odoo import fields, models


class WelfareClaim(models.Model):
    """Paid claims post the benefit expense to the fund's ledger."""

    _name = "welfare.claim"
    # the posting mixin first: it extends the workflow guard the claim has
    _inherit = ["welfare.posting.mixin", "welfare.claim"]

    def _mark_paid(self, payment_vals):
        res = super()._mark_paid(payment_vals)
        self._welfare_post()
        return res

    def action_undo_payment(self, reason):
        res = super().action_undo_payment(reason)
        self._welfare_reverse(reason)
        return res

    def _welfare_posted_move(self):
        # sudo: the entry is this claim's own, posted by its payment
        return self.sudo().move_id

    def _welfare_reversal_ref(self, move, reason=None):
        return self.env._(
            "Reversal of %(entry)s: %(reason)s", entry=move.name, reason=reason
        )

    def _welfare_link_move(self, move):
        # sudo: the link to the entry is written by the posting only.
        return super(WelfareClaim, self.sudo())._welfare_link_move(move)

    def _welfare_link_reversal(self, reversal):
        # sudo: the link to the reversal is written by the reversal only.
        return super(WelfareClaim, self.sudo())._welfare_link_reversal(reversal)

    def _prepare_welfare_move_values(self, fund):
        """Expense by category for each payee, against cash or the bank."""
        self.ensure_one()
        expense = fund._welfare_account("benefit", self.category or "other")
        liquidity = fund._welfare_liquidity_account(self.payment_method)
        label = f"{self.name} {self.benefit_type_id.display_name}".strip()
        payees = [
            (payee.partner_id, payee.amount)
            for payee in self.payee_line_ids
            if payee.amount
        ] or [(self.member_id.partner_id, self.amount_approved)]
        lines = [
            fields.Command.create(
                {
                    "account_id": expense.id,
                    "partner_id": partner.id,
                    "name": label,
                    "debit": amount,
                    "welfare_claim_id": self.id,
                }
            )
            for partner, amount in payees
        ]
        lines.append(
            fields.Command.create(
                {
                    "account_id": liquidity.id,
                    "partner_id": payees[0][0].id if len(payees) == 1 else False,
                    "name": label,
                    "credit": sum(amount for _partner, amount in payees),
                    "welfare_claim_id": self.id,
                }
            )
        )
        return {
            "journal_id": fund._welfare_journal("benefit").id,
            "date": self.payment_date,
            "ref": self.name,
            "line_ids": lines,
        }

    def _welfare_to_post(self):
        return self.filtered(
            lambda c: c.state == "paid" and not c.move_id and c.amount_approved > 0
        )

    def _welfare_post_history(self, funds):
        """Post the paid claims the funds held before their books existed."""
        # sudo: run from the install hook only; each fund's past paid claims are
        # posted in that fund's own company, and no user picks the records.
        self.sudo().search(
            [
                ("fund_id", "in", funds.ids),
                ("state", "=", "paid"),
                ("move_id", "=", False),
            ]
        )._welfare_post()
