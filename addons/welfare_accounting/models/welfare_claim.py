from odoo import api, fields, models


class WelfareClaim(models.Model):
    """Paid claims post the benefit expense to the fund's ledger."""

    _inherit = "welfare.claim"

    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    reversal_move_id = fields.Many2one(
        "account.move",
        string="Reversal Entry",
        readonly=True,
        copy=False,
    )

    @api.model
    def _get_workflow_fields(self):
        # the ledger link: written by the payment's posting only
        return super()._get_workflow_fields() | {"move_id", "reversal_move_id"}

    def _mark_paid(self, payment_vals):
        res = super()._mark_paid(payment_vals)
        self._welfare_post()
        return res

    def action_undo_payment(self, reason):
        res = super().action_undo_payment(reason)
        self._welfare_reverse(reason)
        return res

    def _welfare_reverse(self, reason):
        """Reverse the benefit entries of claims whose payment was undone."""
        for claim in self.filtered(lambda c: c.move_id and not c.reversal_move_id):
            # sudo: the entry is this claim's own, posted by its payment
            move = claim.sudo().move_id
            reversal = claim.fund_id._welfare_reverse_move(
                move,
                self.env._(
                    "Reversal of %(entry)s: %(reason)s", entry=move.name, reason=reason
                ),
            )
            claim.sudo()._workflow_write({"reversal_move_id": reversal.id})

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

    def _welfare_post(self):
        todo = self.filtered(
            lambda c: c.state == "paid" and not c.move_id and c.amount_approved > 0
        )
        for fund, claims in todo.grouped("fund_id").items():
            fund._welfare_check_books()
            moves = fund._welfare_post_moves(
                [claim._prepare_welfare_move_values(fund) for claim in claims]
            )
            for claim, move in zip(claims, moves, strict=True):
                # sudo: the link to the entry is written by the posting only.
                claim.sudo()._workflow_write({"move_id": move.id})

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
