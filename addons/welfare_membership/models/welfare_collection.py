from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib.member_states import PAYING_STATES
from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareCollection(models.Model):
    """A collection day: one collector takes many payments in a village."""

    _name = "welfare.collection"
    _description = "Collection Day"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
    ]
    _workflow_initial = {"state": ("open",)}
    _order = "date desc, id desc"

    name = fields.Char(
        compute="_compute_name",
        store=True,
    )
    date = fields.Date(
        required=True,
        default=welfare_today,
        tracking=True,
    )
    collector_id = fields.Many2one(
        "res.users",
        string="Collector",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    village_no = fields.Char(
        string="Village No.",
        help="Village (หมู่ที่) where the money is collected, if only one.",
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    contribution_ids = fields.One2many(
        "welfare.contribution",
        "collection_id",
        string="Payments",
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        required=True,
        default="open",
        tracking=True,
        copy=False,
    )
    scan_code = fields.Char(
        string="Member Number, ID or Card",
        store=False,
        help="Type or scan a member number, a national ID or the QR code of a "
        "member card, then press Enter: a line is added with the expected amount.",
    )
    scan_message = fields.Char(
        store=False,
    )
    line_count = fields.Integer(
        string="Payments Taken",
        compute="_compute_totals",
    )
    total_amount = fields.Monetary(
        string="Total",
        compute="_compute_totals",
    )
    total_cash = fields.Monetary(
        string="Cash",
        compute="_compute_totals",
    )
    total_transfer = fields.Monetary(
        string="Transfers",
        compute="_compute_totals",
    )
    total_promptpay = fields.Monetary(
        string="PromptPay",
        compute="_compute_totals",
    )

    @api.depends("date", "village_no", "fund_id")
    def _compute_name(self):
        for collection in self:
            date = self.env["welfare.format"].thai_date(collection.date, short=True)
            if collection.village_no:
                collection.name = self.env._(
                    "Collection %(date)s, village %(village)s",
                    date=date,
                    village=collection.village_no,
                )
            else:
                collection.name = self.env._("Collection %(date)s", date=date)

    @api.depends(
        "contribution_ids.amount",
        "contribution_ids.payment_method",
        "contribution_ids.state",
    )
    def _compute_totals(self):
        for collection in self:
            lines = collection.contribution_ids.filtered(
                lambda c: c.state != "cancelled"
            )
            totals = dict.fromkeys(("cash", "transfer", "promptpay"), 0.0)
            for line in lines:
                totals[line.payment_method] += line.amount
            collection.line_count = len(lines)
            collection.total_amount = sum(totals.values())
            collection.total_cash = totals["cash"]
            collection.total_transfer = totals["transfer"]
            collection.total_promptpay = totals["promptpay"]

    @api.onchange("scan_code")
    def _onchange_scan_code(self):
        """Fast entry: a typed or scanned code adds a line with the amount due."""
        code = (self.scan_code or "").strip()
        if not code:
            return
        self.scan_code = False
        fund = self.fund_id
        member = self.env["welfare.member"]._find_by_code(code, fund)
        if not member:
            self.scan_message = self.env._(
                "No member of this fund matches %(code)s.", code=code
            )
            return
        if member.state not in PAYING_STATES:
            self.scan_message = self.env._(
                "%(member)s is no longer a member (%(state)s).",
                member=member.display_name,
                state=member._state_label(member.state),
            )
            return
        amount = member._proposed_amounts(self.date)[member.id]
        self.contribution_ids += self.env["welfare.contribution"].new(
            {
                "member_id": member.id,
                "fund_id": fund.id,
                "date": self.date,
                "amount": amount,
                "payment_method": "cash",
                "collector_id": self.collector_id.id,
                "kind": "contribution",
            }
        )
        self.scan_message = self.env._(
            "%(number)s %(member)s: %(amount)s baht proposed.",
            number=member.member_number,
            member=member.name,
            amount=amount,
        )

    @api.onchange("date", "collector_id")
    def _onchange_header(self):
        for line in self.contribution_ids.filtered(lambda c: c.state == "draft"):
            line.date = self.date
            line.collector_id = self.collector_id

    @api.model_create_multi
    def create(self, vals_list):
        collections = super().create(vals_list)
        collections._sync_lines()
        return collections

    def write(self, vals):
        if self.filtered(lambda c: c.state == "closed") and (
            {"date", "fund_id", "contribution_ids"} & set(vals)
        ):
            raise UserError(self.env._("A closed collection day cannot be changed."))
        res = super().write(vals)
        if {"date", "collector_id", "contribution_ids"} & set(vals):
            self._sync_lines()
        return res

    def _sync_lines(self):
        """Draft lines carry the day's date and collector."""
        for collection in self:
            drafts = collection.contribution_ids.filtered(
                lambda c, col=collection: (
                    c.state == "draft"
                    and (c.date != col.date or c.collector_id != col.collector_id)
                )
            )
            if drafts:
                drafts.write(
                    {
                        "date": collection.date,
                        "collector_id": collection.collector_id.id,
                    }
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open_empty(self):
        if self.filtered(lambda c: c.state == "closed"):
            raise UserError(self.env._("A closed collection day cannot be deleted."))
        if self.contribution_ids.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "A collection day holding confirmed payments cannot be "
                    "deleted: close it."
                )
            )

    def _lock_days(self):
        """Lock the days' rows until the transaction ends; refuse closed ones.

        The state is read under the lock, as committed: a day closed by
        another transaction since this one started is refused (or, when its
        close committed after this transaction's snapshot, PostgreSQL raises
        a serialization failure and the server runs the request again).
        """
        if not self:
            return
        self.flush_recordset(["state"])
        self.env.cr.execute(
            "SELECT id, state FROM welfare_collection WHERE id IN %s "
            "ORDER BY id FOR UPDATE",
            (tuple(self.ids),),
        )
        closed = [day_id for day_id, state in self.env.cr.fetchall() if state != "open"]
        self.invalidate_recordset(["state"])
        if closed:
            raise UserError(
                self.env._(
                    "The collection day %(day)s is already closed.",
                    day=self.browse(closed[0]).display_name,
                )
            )

    def action_close(self):
        """Confirm every draft line of the days at once and close them."""
        self._lock_days()
        drafts = self.contribution_ids.filtered(lambda c: c.state == "draft")
        if not self.contribution_ids:
            raise UserError(self.env._("The collection day has no payments to close."))
        drafts.action_confirm()
        self._workflow_write({"state": "closed"})
        return True

    def action_print_list(self):
        return self.env.ref(
            "welfare_membership.action_report_collection_list"
        ).report_action(self)

    def action_print_receipts(self):
        return self.env.ref(
            "welfare_membership.action_report_contribution_receipt"
        ).report_action(
            self.contribution_ids.filtered(lambda c: c.state == "confirmed")
        )
