from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today

# Income category (account's CODI category) of each grant source.
SOURCE_CATEGORY = {
    "codi_seed": "codi_seed",
    "codi_matching": "codi_matching",
    "local_government": "local_government",
    "other_government": "other_government",
    "donation": "donation",
    "interest": "interest",
    "other": "other_income",
}


class WelfareGrant(models.Model):
    """Money the fund receives other than its members' contributions.

    The three legs of a fund are its members, the local government and the
    state through CODI; donations, bank interest and other income are recorded
    the same way. Confirming a grant posts it to the fund's grants journal;
    cancelling a posted grant reverses its entry.
    """

    _name = "welfare.grant"
    _description = "Fund Grant or Donation"
    _inherit = [
        "welfare.posting.mixin",
        "welfare.numbered.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _workflow_initial = {"state": ("draft",)}
    _order = "date desc, id desc"
    _welfare_posted_state = "posted"

    source = fields.Selection(
        selection=[
            ("codi_seed", "CODI Seed Grant"),
            ("codi_matching", "CODI Matching"),
            ("local_government", "Local Government"),
            ("other_government", "Other Government"),
            ("donation", "Donation"),
            ("interest", "Bank Interest"),
            ("other", "Other"),
        ],
        required=True,
        default="codi_matching",
        tracking=True,
    )
    matching_round = fields.Integer(
        tracking=True,
        help="CODI matching round this money belongs to (1, 2, 3, ...).",
    )
    matching_request_id = fields.Many2one(
        "welfare.matching.request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    date = fields.Date(
        required=True,
        default=welfare_today,
        tracking=True,
    )
    amount = fields.Monetary(
        required=True,
        tracking=True,
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Grantor",
        check_company=True,
        help="Who gave the money: CODI, the local government, a donor...",
    )
    reference = fields.Char(
        tracking=True,
        help="Reference of the grantor's letter, contract or transfer.",
    )
    document = fields.Binary(
        attachment=True,
        copy=False,
    )
    document_name = fields.Char()
    payment_method = fields.Selection(
        selection=[("transfer", "Bank Transfer"), ("cash", "Cash")],
        string="Received As",
        required=True,
        default="transfer",
    )
    note = fields.Text()
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("posted", "Posted"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    cancel_reason = fields.Char(
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A grant's amount must be positive."),
        (
            "matching_round_positive",
            "CHECK(matching_round >= 0)",
            "A matching round cannot be negative.",
        ),
    ]

    @api.constrains("source", "matching_round")
    def _check_matching_round(self):
        for grant in self:
            if grant.source == "codi_matching" and grant.matching_round < 1:
                raise ValidationError(
                    self.env._(
                        "CODI matching money %(grant)s needs its matching round.",
                        grant=grant.display_name,
                    )
                )

    @api.depends("name", "source", "fund_id")
    def _compute_display_name(self):
        sources = dict(self._fields["source"]._description_selection(self.env))
        for grant in self:
            grant.display_name = (
                grant.name
                if grant.name and grant.name != "/"
                else sources.get(grant.source, "")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        if any(grant.state != "draft" for grant in self):
            raise UserError(
                self.env._("Only draft grants can be deleted; cancel the others.")
            )

    @api.model
    def _get_workflow_fields(self):
        """Cancelling and the matching request a grant answers: set by the
        actions only (the ledger links: by the posting)."""
        return super()._get_workflow_fields() | {
            "cancel_reason",
            "matching_request_id",
        }

    def write(self, vals):
        locked = {
            "amount",
            "date",
            "source",
            "matching_round",
            "fund_id",
            "payment_method",
            "partner_id",
        }
        if locked & set(vals) and any(g.state != "draft" for g in self):
            raise UserError(
                self.env._(
                    "A posted grant cannot be changed: cancel it (its entry is "
                    "reversed) and record it again."
                )
            )
        return super().write(vals)

    def _prepare_welfare_move_values(self, fund):
        self.ensure_one()
        income = fund._welfare_account(SOURCE_CATEGORY[self.source])
        liquidity = fund._welfare_liquidity_account(self.payment_method)
        source_label = dict(self._fields["source"]._description_selection(self.env))[
            self.source
        ]
        label = f"{source_label} {self.reference or ''}".strip()
        if self.source == "codi_matching":
            label = self.env._(
                "CODI matching round %(round)s %(ref)s",
                round=self.matching_round,
                ref=self.reference or "",
            ).strip()
        partner = self.partner_id.id or False
        return {
            "journal_id": fund._welfare_journal("grant").id,
            "date": self.date,
            "ref": self.name,
            "line_ids": [
                fields.Command.create(
                    {
                        "account_id": liquidity.id,
                        "partner_id": partner,
                        "name": label,
                        "debit": self.amount,
                    }
                ),
                fields.Command.create(
                    {
                        "account_id": income.id,
                        "partner_id": partner,
                        "name": label,
                        "credit": self.amount,
                    }
                ),
            ],
        }

    def action_post(self):
        """Confirm the grants: number them and post their entries."""
        drafts = self.filtered(lambda g: g.state == "draft")
        if drafts != self:
            raise UserError(self.env._("Only draft grants can be posted."))
        today = welfare_today(self)
        future = self.filtered(lambda g: g.date > today)
        if future:
            raise UserError(
                self.env._(
                    "Money received in the future cannot be posted: %(grants)s. "
                    "Check the year (B.E. = C.E. + 543).",
                    grants=", ".join(f"{g.display_name} {g.date}" for g in future),
                )
            )
        for fund in self.fund_id:
            fund._welfare_check_books()
        self.filtered(lambda g: g.name == "/")._assign_document_numbers()
        self._welfare_post()
        return True

    def _document_number_year_be(self, date):
        """Numbered within the fund and the B.E. year of the money received."""
        return thai_calendar.be_year(self.date)

    def action_cancel(self, reason=None):
        """Cancel grants; a posted one gets its entry reversed, never edited."""
        if any(g.state == "cancelled" for g in self):
            raise UserError(self.env._("This grant is already cancelled."))
        self._welfare_reverse()
        for grant in self:
            grant._workflow_write(
                {"state": "cancelled", "cancel_reason": reason or False}
            )
            grant.message_post(
                body=self.env._(
                    "Grant cancelled: %(reason)s",
                    reason=reason or self.env._("no reason given"),
                )
            )
        return True

    def action_draft(self):
        if any(g.state != "cancelled" or g.move_id for g in self):
            raise UserError(
                self.env._("Only cancelled grants that were never posted can be reset.")
            )
        self._workflow_write({"state": "draft"})
        return True
