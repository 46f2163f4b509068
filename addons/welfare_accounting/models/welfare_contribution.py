from collections import defaultdict

from odoo import fields, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareContribution(models.Model):
    """Confirmed payments post to the fund's ledger; cancelled ones reverse.

    Posting goes through ``welfare.posting.mixin``: payments of one collection
    day share one entry, posted when the day is closed (or its cash handed
    over); a payment outside a day posts its own entry at once.
    """

    _name = "welfare.contribution"
    # the mixin first, so that its ledger links reach the workflow guard
    _inherit = ["welfare.posting.mixin", "welfare.contribution"]

    move_id = fields.Many2one(help="Entry of the collection day or of this payment.")

    def action_confirm(self):
        # a payment of an open collection day is confirmed, numbered and
        # printed now, and posted with the day's other payments when the day
        # is closed (or its cash handed over): one entry for the day
        self.filtered(
            lambda c: c.state == "draft"
        ).collection_id._welfare_hold_open_days()
        res = super().action_confirm()
        self._welfare_post()
        return res

    def action_cancel(self, reason):
        # a payment of a day still open is simply taken out of what the day
        # will post; a posted one is reversed
        pending = self._welfare_pending()
        res = super().action_cancel(reason)
        pending.collection_id._welfare_hold_open_days()
        self._welfare_reverse()
        return res

    def _welfare_pending(self):
        """Confirmed payments waiting for their open collection day to post them."""
        return self.filtered(
            lambda c: (
                c.state == "confirmed"
                and not c.move_id
                and c.collection_id.state == "open"
            )
        )

    def _welfare_entry_key(self):
        """Payments of one collection day share an entry; others get their own."""
        self.ensure_one()
        if self.collection_id:
            return ("collection", self.collection_id.id, self.date)
        return ("payment", self.id, self.date)

    def _welfare_income_category(self):
        self.ensure_one()
        return "entry_fee" if self.kind == "entry_fee" else "contribution"

    def _welfare_liquidity_account(self, fund, accounts=None):
        """The account the money of this payment is in (cash, bank...).

        Cash taken at a collection day stays with the collector (Cash with
        Collectors) until it is handed over; other payments go to the fund's
        cash or bank by their method. ``accounts``: the fund's
        ``_welfare_accounts()`` when the caller looks up several. A hook: a
        payment matched from a bank statement line waits in the bank's
        outstanding receipts until the line clears it.
        """
        self.ensure_one()
        if self.payment_method == "cash" and self.collection_id:
            return fund._welfare_account("cash_collector", accounts=accounts)
        return fund._welfare_liquidity_account(self.payment_method, accounts=accounts)

    def _welfare_move_label(self):
        self.ensure_one()
        return f"{self.receipt_number or ''} {self.member_id.display_name}".strip()

    def _prepare_welfare_move_values(self, fund):
        """One entry for these payments: income per member, money by method."""
        first = self[:1]
        if first.collection_id:
            ref = first.collection_id.display_name
        else:
            ref = first.receipt_number
        liquidity = defaultdict(float)
        lines = []
        # the fund's accounts are searched once per entry, not per payment:
        # {income category or payment method: account}
        book = fund._welfare_accounts()
        accounts = {}
        # Odoo looks for an analytic distribution model line by line (one
        # query per member); when the fund's company has none, say so once.
        analytic = {}
        # sudo: only counts the distribution models of the fund's own company
        # (or shared ones); nothing is read back or written.
        if (
            not self.env["account.analytic.distribution.model"]
            .sudo()
            .search_count([("company_id", "in", [fund.company_id.id, False])], limit=1)
        ):
            analytic = {"analytic_distribution": False}
        # what Odoo would compute line by line for a plain line in the
        # company's currency, without taxes: given once
        currency = fund.company_id.currency_id
        plain = {
            "display_type": "product",
            "currency_id": currency.id,
            "tax_ids": [],
            "quantity": 1.0,
            "product_uom_id": False,
        }
        for contribution in self:
            category = contribution._welfare_income_category()
            if category not in accounts:
                accounts[category] = fund._welfare_account(category, accounts=book)
            account = accounts[category]
            lines.append(
                fields.Command.create(
                    {
                        "account_id": account.id,
                        "partner_id": contribution.member_id.partner_id.id,
                        "name": contribution._welfare_move_label(),
                        "balance": -contribution.amount,
                        "amount_currency": -contribution.amount,
                        "welfare_contribution_id": contribution.id,
                        **analytic,
                        **plain,
                    }
                )
            )
            liquidity[contribution._welfare_liquidity_account(fund, accounts=book)] += (
                contribution.amount
            )
        single_partner = (
            self.member_id.partner_id if len(self.member_id) == 1 else False
        )
        for account, amount in liquidity.items():
            lines.insert(
                0,
                fields.Command.create(
                    {
                        "account_id": account.id,
                        "partner_id": single_partner and single_partner.id,
                        "name": self.env._("Contributions received: %(ref)s", ref=ref),
                        "balance": amount,
                        "amount_currency": amount,
                        **analytic,
                        **plain,
                    }
                ),
            )
        return {
            "journal_id": fund._welfare_journal("contribution").id,
            "date": first.date,
            "ref": ref,
            "line_ids": lines,
        }

    def _welfare_to_post(self):
        """Confirmed payments without an entry; those of a day still open
        wait for it, unless the day itself posts them (``open_days``)."""
        todo = self.filtered(lambda c: c.state == "confirmed" and not c.move_id)
        if not self.env.context.get("welfare_post_open_days"):
            todo -= todo._welfare_pending()
        return todo

    def _welfare_entry_groups(self):
        return list(self.grouped(lambda c: c._welfare_entry_key()).values())

    def _welfare_link_move(self, move):
        # sudo: the link to the entry is written by the posting only.
        self.sudo()._workflow_write({"move_id": move.id})

    def _welfare_post(self, open_days=False):
        """Post confirmed payments: one entry per collection day or payment.

        Payments of a collection day still open wait for the day to be closed
        (or its cash handed over, ``open_days``), which posts them together.
        """
        records = self.with_context(welfare_post_open_days=True) if open_days else self
        return super(WelfareContribution, records)._welfare_post()

    def _welfare_reverse(self, reason=None):
        """Reverse the lines of cancelled payments; posted entries stay untouched."""
        todo = self.filtered(
            lambda c: c.state == "cancelled" and c.move_id and not c.reversal_move_id
        )
        today = welfare_today(self)
        for fund, contributions in todo.grouped("fund_id").items():
            groups = list(contributions.grouped("move_id").items())
            vals_list = []
            for move, group in groups:
                liquidity = defaultdict(float)
                lines = []
                for contribution in group:
                    account = fund._welfare_account(
                        contribution._welfare_income_category()
                    )
                    lines.append(
                        fields.Command.create(
                            {
                                "account_id": account.id,
                                "partner_id": contribution.member_id.partner_id.id,
                                "name": self.env._(
                                    "Cancelled: %(payment)s",
                                    payment=contribution._welfare_move_label(),
                                ),
                                "debit": contribution.amount,
                                "welfare_contribution_id": contribution.id,
                            }
                        )
                    )
                    liquidity[contribution._welfare_liquidity_account(fund)] += (
                        contribution.amount
                    )
                for account, amount in liquidity.items():
                    lines.append(
                        fields.Command.create(
                            {
                                "account_id": account.id,
                                "name": self.env._(
                                    "Cancelled payments of %(entry)s", entry=move.name
                                ),
                                "credit": amount,
                            }
                        )
                    )
                vals_list.append(
                    {
                        "journal_id": move.journal_id.id,
                        "date": max(today, move.date),
                        "ref": self.env._("Reversal of %(entry)s", entry=move.name),
                        "reversed_entry_id": move.id,
                        "line_ids": lines,
                    }
                )
            reversals = fund._welfare_post_moves(vals_list)
            for (_move, group), reversal in zip(groups, reversals, strict=True):
                # sudo: the link to the reversal entry is written by the reversal only.
                group.sudo()._workflow_write({"reversal_move_id": reversal.id})

    def _welfare_post_history(self, funds):
        """Post the confirmed and cancelled payments the funds held before."""
        # sudo: run from the install hook only; each fund's past payments are posted
        # in that fund's own company, and no user picks the records.
        existing = self.sudo().search(
            [
                ("fund_id", "in", funds.ids),
                ("state", "in", ("confirmed", "cancelled")),
                ("move_id", "=", False),
            ]
        )
        # A payment cancelled before the books existed never reached them.
        existing.filtered(lambda c: c.state == "confirmed")._welfare_post()
