"""The fund's books: chart of accounts, journals and accounts set up on
the fund's company, and looked up by the entries that post to them."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .template_welfare_fund import TEMPLATE_CODE

JOURNAL_KINDS = {
    "cash": "cash",
    "bank": "bank",
    "contribution": "wf_contribution",
    "benefit": "wf_benefit",
    "grant": "wf_grant",
}


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    books_ready = fields.Boolean(
        string="Books Set Up",
        compute="_compute_books_ready",
        help="The fund's company has the community welfare fund chart of accounts "
        "and journals.",
    )

    @api.depends("company_id.chart_template")
    def _compute_books_ready(self):
        for fund in self:
            # sudo: only the chart code of the fund's own company is read, for a flag.
            fund.books_ready = fund.company_id.sudo().chart_template == TEMPLATE_CODE

    @api.model_create_multi
    def create(self, vals_list):
        funds = super().create(vals_list)
        funds._setup_books()
        return funds

    @api.model
    def _create_fund_company(self, vals):
        # The fund's own chart is loaded right after the company exists; keep
        # Odoo from guessing a national chart for the new company at commit.
        return super(
            WelfareFund, self.with_context(chart_template_load=True)
        )._create_fund_company(vals)

    def action_setup_books(self):
        """Load the fund chart of accounts and journals on each fund's company."""
        if not self.env.user.has_group("welfare_base.group_welfare_manager"):
            raise AccessError(
                self.env._("Only welfare administrators can set up a fund's books.")
            )
        self._setup_books()
        return True

    def _setup_books(self):
        # sudo: loading a chart of accounts is reserved to administrators; the
        # chart loaded here is the fund chart, on the fund's own company only.
        chart = self.env["account.chart.template"].sudo()
        for fund in self:
            company = fund.company_id.sudo()
            if company.chart_template == TEMPLATE_CODE:
                continue
            if company._existing_accounting():
                raise UserError(
                    self.env._(
                        "The company of fund %(fund)s already holds journal entries "
                        "under another chart of accounts; its books cannot be "
                        "replaced.",
                        fund=fund.display_name,
                    )
                )
            chart._load(TEMPLATE_CODE, company, install_demo=False)
            # Set up while installing, there is no language in the context: the
            # note is then written in the language of the database's users.
            lang = self.env.lang or self.env.user.lang
            fund.message_post(
                body=self.with_context(lang=lang).env._(
                    "Books set up: welfare fund chart of accounts and journals."
                )
            )
        self.invalidate_recordset(["books_ready"])

    @api.model
    def _welfare_secure_journals(self):
        """The welfare journals hash their posted entries (Odoo's inalterability
        chain): a posted entry can then never be reset to draft, only reversed.
        New books have it from the chart; run at update for books set up before."""
        funds = self.with_context(active_test=False).search([])
        # sudo: journals are accounting configuration; only the welfare
        # journals of the funds' own companies are switched.
        journals = self.env["account.journal"].sudo()
        for fund in funds.filtered("books_ready"):
            for kind in ("contribution", "benefit", "grant"):
                journals |= (
                    self.env.ref(
                        f"account.{fund.company_id.id}_{JOURNAL_KINDS[kind]}",
                        raise_if_not_found=False,
                    )
                    or journals.browse()
                )
        journals.filtered(lambda j: not j.restrict_mode_hash_table).write(
            {"restrict_mode_hash_table": True}
        )
        return True

    @api.model
    def _welfare_add_collector_cash_accounts(self):
        """Books set up before cash handovers existed get the account *Cash
        with Collectors* of the chart (run at every install and update)."""
        funds = self.with_context(active_test=False).search([]).filtered("books_ready")
        # sudo: accounts are accounting configuration; the account is made in
        # each fund's own company, as the chart would have made it.
        Account = self.env["account.account"].sudo()
        have = {
            company.id
            for [company] in Account._read_group(
                [
                    ("company_ids", "in", funds.company_id.ids),
                    ("welfare_codi_category", "=", "cash_collector"),
                ],
                ["company_ids"],
            )
        }
        vals_list = [
            {
                "name": "Cash with Collectors",
                "code": "110150",
                "account_type": "asset_current",
                "welfare_codi_category": "cash_collector",
                "company_ids": [(6, 0, fund.company_id.ids)],
            }
            for fund in funds
            if fund.company_id.id not in have
        ]
        accounts = Account.create(vals_list)
        if accounts and self.env["res.lang"].search_count([("code", "=", "th_TH")]):
            accounts.with_context(lang="th_TH").write({"name": "เงินสดในมือผู้เก็บเงิน"})
        return True

    # ------------------------------------------------------------------
    # Journals and accounts of the fund
    # ------------------------------------------------------------------

    def _welfare_check_books(self):
        missing = self.filtered(lambda f: not f.books_ready)
        if missing:
            raise UserError(
                self.env._(
                    "The books of fund %(fund)s are not set up yet: use 'Set Up Books' "
                    "on the fund first.",
                    fund=missing[0].display_name,
                )
            )

    def _welfare_journal(self, kind):
        """The fund's journal of a kind: cash, bank, contribution, benefit, grant."""
        self.ensure_one()
        self._welfare_check_books()
        journal = self.env.ref(
            f"account.{self.company_id.id}_{JOURNAL_KINDS[kind]}",
            raise_if_not_found=False,
        )
        if not journal:
            raise UserError(
                self.env._(
                    "Fund %(fund)s has no %(kind)s journal any more.",
                    fund=self.display_name,
                    kind=kind,
                )
            )
        # sudo: officers post entries without accounting rights; the journal is the
        # fund's own company's (its XML id names it) and callers use its id only.
        return journal.sudo()

    def _welfare_accounts(self):
        """{(codi category, benefit category or False): account} of the fund."""
        self.ensure_one()
        self._welfare_check_books()
        # sudo: officers post entries without accounting rights; only the accounts
        # of the fund's own company are searched, to pick those the entries use.
        accounts = (
            self.env["account.account"]
            .sudo()
            .with_company(self.company_id)
            .search(
                [
                    ("company_ids", "in", self.company_id.ids),
                    ("welfare_codi_category", "!=", False),
                ],
                order="code",
            )
        )
        result = {}
        for account in accounts:
            key = (account.welfare_codi_category, account.welfare_benefit_category)
            result.setdefault(key, account)
            result.setdefault((account.welfare_codi_category, False), account)
        return result

    def _welfare_account(self, category, benefit_category=False, accounts=None):
        """The fund's account of a CODI category; ``accounts``: the fund's
        ``_welfare_accounts()`` when the caller looks up several."""
        self.ensure_one()
        if accounts is None:
            accounts = self._welfare_accounts()
        account = (
            accounts.get((category, benefit_category))
            or accounts.get((category, "other") if category == "benefit" else None)
            or accounts.get((category, False))
        )
        if not account:
            raise UserError(
                self.env._(
                    "Fund %(fund)s has no account for the CODI category %(category)s.",
                    fund=self.display_name,
                    category=category,
                )
            )
        return account

    def _welfare_liquidity_account(self, payment_method, accounts=None):
        """Cash for cash payments, the bank for transfers and PromptPay."""
        return self._welfare_account(
            "cash" if payment_method == "cash" else "bank", accounts=accounts
        )
