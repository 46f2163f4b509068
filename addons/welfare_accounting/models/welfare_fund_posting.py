"""The posting service of the fund: entries created and posted in the
fund's company, reversed as the only undo."""

from odoo import SUPERUSER_ID, api, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    def _welfare_post_moves(self, vals_list):
        """Create and post journal entries of the fund's company, in one batch."""
        self.ensure_one()
        if not vals_list:
            return self.env["account.move"]
        self._welfare_hold_journals(
            {vals["journal_id"] for vals in vals_list if vals.get("journal_id")}
        )
        # sudo: officers confirm contributions and pay claims without being
        # accountants; the entries they cause are written here, in their fund's
        # company only, and are never edited afterwards.
        moves = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .with_context(default_move_type="entry", tracking_disable=True)
            .create(vals_list)
        )
        # posted as the superuser: the welfare journals hash their entries, and
        # Odoo computes the hash chain without sudo (as the user), which only
        # accountants may; the entries stay created by the user who caused them.
        moves.with_user(SUPERUSER_ID).action_post()
        return moves

    @api.model
    def _welfare_hold_journals(self, journal_ids):
        """Write the journals' rows before posting in them.

        The welfare journals hash their entries in number order: a transaction
        that numbers its entry after another one committed an entry it cannot
        see (its snapshot is older) leaves a gap, which the hash refuses with
        an error. Two transactions posting in one journal conflict on its row
        instead: the later one waits, PostgreSQL then refuses it (a
        serialization failure) and the server runs it again on fresh data.
        Every posting of the suite comes through here (payments, claims,
        grants, cash transfers and their reversals).
        """
        if not journal_ids:
            return
        self.env.cr.execute(
            "UPDATE account_journal SET write_date = write_date WHERE id IN %s",
            (tuple(sorted(journal_ids)),),
        )

    @api.model
    def _welfare_reverse_move(self, move, ref):
        """Post the reversal of a posted entry: the only undo of the ledger.

        The entry itself stays posted and hashed, never reset to draft.
        """
        self._welfare_hold_journals(move.journal_id.ids)
        # superuser: reversing needs accounting rights and hashes the reversal
        # (see _welfare_post_moves); callers pass their own record's entry only.
        return move.with_user(SUPERUSER_ID)._reverse_moves(
            [{"date": max(welfare_today(self), move.date), "ref": ref}],
            cancel=True,
        )

    def _welfare_post_existing(self):
        """Post what the funds held before their books existed (at install)."""
        funds = self.filtered("books_ready")
        self.env["welfare.contribution"]._welfare_post_history(funds)
        self.env["welfare.claim"]._welfare_post_history(funds)
