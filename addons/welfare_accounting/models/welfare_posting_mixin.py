from odoo import api, fields, models


class WelfarePostingMixin(models.AbstractModel):
    """A fund document that posts its own entry to the fund's ledger.

    The mixin owns the posting: it builds the entries of the documents ready
    to post, creates and posts them in one batch per fund (in the fund's
    company, see ``welfare.fund._welfare_post_moves``), links each entry to
    its documents, and reverses them, which is the only undo of the ledger:
    a posted entry is never edited nor reset to draft.

    A document gives only what its entry holds:

    - ``_prepare_welfare_move_values(fund)`` (required): the values of the one
      entry of the records in ``self`` (``journal_id``, ``date``, ``ref``,
      ``line_ids``); ``self`` is one record, or the group of records that
      share an entry (see ``_welfare_entry_groups``);
    - ``_welfare_to_post()``: which of the records are ready (default: those
      with no entry yet);
    - ``_welfare_entry_groups()``: the records that share one entry, as a
      list of recordsets (default: one entry per record);
    - ``_welfare_link_move(move)``: what posting writes on the records
      (default: ``move_id``, and ``_welfare_posted_state`` when set);
    - ``_welfare_reversal_ref(move, reason)`` and ``_welfare_link_reversal``:
      the label and the link of a reversal.

    Calls: ``records._welfare_post()`` posts; ``records._welfare_reverse(reason)``
    reverses the entries of the records that have one and no reversal yet.

    Payments (``welfare.contribution``) fit as they are: they add the mixin
    before their model (``_inherit = ["welfare.posting.mixin",
    "welfare.contribution"]``, as claims do, so that the mixin's workflow
    fields reach the guard) and drop their own ``move_id``,
    ``reversal_move_id`` and posting loop. Their
    ``_prepare_welfare_move_values(fund)`` already builds the one entry of a
    group of payments; ``_welfare_entry_groups`` returns the groups of
    ``_welfare_entry_key`` (one entry per collection day, or per payment
    outside one), ``_welfare_to_post`` keeps the confirmed payments without
    an entry (posting a whole day at once is only a narrower
    ``_welfare_to_post`` and another entry key), and ``_welfare_link_move``
    writes the link as the superuser, as claims do. Their reversal is
    partial (only the lines of the cancelled payments of a shared entry), so
    they override ``_welfare_reverse(reason=None)``, post their reversal
    entries through ``welfare.fund._welfare_post_moves`` and link them with
    ``_welfare_link_reversal``.
    """

    _name = "welfare.posting.mixin"
    _description = "Fund Document Posted to the Ledger"
    _inherit = ["welfare.workflow.guard.mixin", "welfare.fund.owned.mixin"]

    #: the state posting writes with the entry's link (None: the document's
    #: own workflow sets its state)
    _welfare_posted_state = None

    move_id = fields.Many2one(
        "account.move",
        string="Journal Entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    reversal_move_id = fields.Many2one(
        "account.move",
        string="Reversal Entry",
        readonly=True,
        copy=False,
        check_company=True,
    )

    @api.model
    def _get_workflow_fields(self):
        # the ledger links: written by the posting and the reversal only
        return super()._get_workflow_fields() | {"move_id", "reversal_move_id"}

    # ------------------------------------------------------------------
    # What each document gives
    # ------------------------------------------------------------------

    def _prepare_welfare_move_values(self, fund):
        """Values of the one entry of these records, in ``fund``'s books."""
        raise NotImplementedError()

    def _welfare_to_post(self):
        return self.filtered(lambda r: not r.move_id)

    def _welfare_entry_groups(self):
        return list(self)

    def _welfare_link_move(self, move):
        vals = {"move_id": move.id}
        if self._welfare_posted_state:
            vals["state"] = self._welfare_posted_state
        self._workflow_write(vals)

    def _welfare_posted_move(self):
        """The entry to reverse, read as the user (another company's fails)."""
        self.ensure_one()
        return self.move_id

    def _welfare_reversal_ref(self, move, reason=None):
        return self.env._("Reversal of %(entry)s", entry=move.name)

    def _welfare_link_reversal(self, reversal):
        self._workflow_write({"reversal_move_id": reversal.id})

    # ------------------------------------------------------------------
    # Posting and reversing
    # ------------------------------------------------------------------

    def _welfare_post(self):
        """Post the entries of the records ready: one batch per fund."""
        for fund, records in self._welfare_to_post().grouped("fund_id").items():
            fund._welfare_check_books()
            groups = records._welfare_entry_groups()
            moves = fund._welfare_post_moves(
                [group._prepare_welfare_move_values(fund) for group in groups]
            )
            for group, move in zip(groups, moves, strict=True):
                group._welfare_link_move(move)
        return True

    def _welfare_reverse(self, reason=None):
        """Reverse the entries of these records; the entries stay posted."""
        for record in self.filtered(lambda r: r.move_id and not r.reversal_move_id):
            move = record._welfare_posted_move()
            reversal = record.fund_id._welfare_reverse_move(
                move, record._welfare_reversal_ref(move, reason)
            )
            record._welfare_link_reversal(reversal)
        return True
