from odoo import models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    def _welfare_ledger_fingerprint(self):
        """{(move id, account id): (debit, credit)} of every entry that names
        these members or their beneficiaries as partner."""
        partners = self.partner_id | self.beneficiary_ids.partner_id
        # sudo: the ledger is the accountants'; the erasure only compares it
        lines = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [("partner_id", "in", partners.ids)],
                ["move_id", "account_id"],
                ["debit:sum", "credit:sum"],
            )
        )
        return {
            (move.id, account.id): (debit, credit)
            for move, account, debit, credit in lines
        }

    def _welfare_erase(self):
        """The erasure changes contacts, never entries: checked here, so an
        erasure that would touch the fund's books is undone whole."""
        before = self._welfare_ledger_fingerprint()
        res = super()._welfare_erase()
        self.env.flush_all()
        after = self._welfare_ledger_fingerprint()
        moves = self.env["account.move"].sudo().browse({key[0] for key in before})
        unbalanced = moves.filtered(
            lambda move: (
                not float_is_zero(
                    sum(move.line_ids.mapped("balance")),
                    precision_rounding=move.currency_id.rounding or 0.01,
                )
            )
        )
        if before != after or unbalanced:
            raise UserError(
                self.env._(
                    "Erasing the personal data of %(members)s would change the "
                    "fund's ledger. Nothing was erased.",
                    members=", ".join(self.mapped("member_number")),
                )
            )
        return res
