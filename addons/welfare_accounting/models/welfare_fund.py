from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import (
    matching as matching_lib,
    statement as statement_lib,
)
from .template_welfare_fund import TEMPLATE_CODE

JOURNAL_KINDS = {
    "cash": "cash",
    "bank": "bank",
    "contribution": "wf_contribution",
    "benefit": "wf_benefit",
    "grant": "wf_grant",
}
# Members who still belong to the fund (CODI's "current" members).
CURRENT_STATES = ("active", "grace", "suspended")
ROLE_ORDER = {
    "chair": 0,
    "vice_chair": 1,
    "treasurer": 2,
    "secretary": 3,
    "member": 4,
    "advisor": 5,
}


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    books_ready = fields.Boolean(
        string="Books Set Up",
        compute="_compute_books_ready",
        help="The fund's company has the community welfare fund chart of accounts "
        "and journals.",
    )
    grant_ids = fields.One2many(
        "welfare.grant",
        "fund_id",
        string="Grants",
    )
    grant_count = fields.Integer(
        string="Number of Grants",
        compute="_compute_grant_count",
    )
    codi_matching_cap = fields.Float(
        string="CODI Matching Cap per Member",
        default=matching_lib.DEFAULT_CAP,
        digits=(16, 2),
        tracking=True,
        help="Highest matching a CODI matching request asks for one member in a "
        "fiscal year, proposed on every new request: by default 365 baht, a "
        "year of the classic one baht a day. 0 for no cap.",
    )

    _sql_constraints = [
        (
            "codi_matching_cap_positive",
            "CHECK(codi_matching_cap >= 0)",
            "The CODI matching cap per member cannot be negative.",
        ),
    ]

    @api.depends("company_id.chart_template")
    def _compute_books_ready(self):
        for fund in self:
            # sudo: only the chart code of the fund's own company is read, for a flag.
            fund.books_ready = fund.company_id.sudo().chart_template == TEMPLATE_CODE

    def _compute_grant_count(self):
        counts = dict(
            self.env["welfare.grant"]._read_group(
                [("fund_id", "in", self.ids)], ["fund_id"], ["__count"]
            )
        )
        for fund in self:
            fund.grant_count = counts.get(fund, 0)

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

    @api.model
    def _get_workflow_group_fields(self):
        # what a matching request asks per member is the fund's configuration
        admin = ("welfare_base.group_welfare_manager",)
        return {
            **super()._get_workflow_group_fields(),
            "codi_matching_cap": admin,
        }

    def _has_welfare_data(self):
        return super()._has_welfare_data() or bool(self.grant_ids)

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

    def _welfare_post_existing(self):
        """Post what the funds held before their books existed (at install)."""
        funds = self.filtered("books_ready")
        self.env["welfare.contribution"]._welfare_post_history(funds)
        self.env["welfare.claim"]._welfare_post_history(funds)

    def action_view_grants(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_accounting.welfare_grant_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Books: journals and accounts of the fund
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

    def _welfare_post_moves(self, vals_list):
        """Create and post journal entries of the fund's company, in one batch."""
        self.ensure_one()
        if not vals_list:
            return self.env["account.move"]
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
    def _welfare_reverse_move(self, move, ref):
        """Post the reversal of a posted entry: the only undo of the ledger.

        The entry itself stays posted and hashed, never reset to draft.
        """
        # superuser: reversing needs accounting rights and hashes the reversal
        # (see _welfare_post_moves); callers pass their own record's entry only.
        return move.with_user(SUPERUSER_ID)._reverse_moves(
            [{"date": max(welfare_today(self), move.date), "ref": ref}],
            cancel=True,
        )

    # ------------------------------------------------------------------
    # The receipts and payments statement
    # ------------------------------------------------------------------

    def _welfare_ledger_sums(self, domain):
        """Sum of balances by (codi category, benefit category) of posted lines."""
        self.ensure_one()
        # sudo: the statement is read by the fund's committee and members, who
        # are not accountants; it shows sums of the fund's own company only.
        Line = self.env["account.move.line"].sudo()
        groups = Line._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("parent_state", "=", "posted"),
                ("account_id.welfare_codi_category", "!=", False),
                *domain,
            ],
            ["account_id"],
            ["balance:sum"],
        )
        sums = defaultdict(float)
        for account, balance in groups:
            sums[(account.welfare_codi_category, account.welfare_benefit_category)] += (
                balance
            )
        return sums

    def _welfare_statement(self, date_from, date_to):
        """The receipts and payments statement of the fund for a period."""
        self.ensure_one()
        if date_from and date_to and date_from > date_to:
            raise UserError(self.env._("The statement period ends before it starts."))
        opening, closing = defaultdict(float), defaultdict(float)
        for (category, _benefit), balance in self._welfare_ledger_sums(
            [("date", "<", date_from)]
        ).items():
            opening[category] += balance
        for (category, _benefit), balance in self._welfare_ledger_sums(
            [("date", "<=", date_to)]
        ).items():
            closing[category] += balance
        receipts, payments = defaultdict(float), defaultdict(float)
        benefits = defaultdict(float)
        period = self._welfare_ledger_sums(
            [("date", ">=", date_from), ("date", "<=", date_to)]
        )
        for (category, benefit), balance in period.items():
            if category in statement_lib.RECEIPT_CATEGORIES:
                receipts[category] -= balance
            elif category in statement_lib.PAYMENT_CATEGORIES:
                payments[category] += balance
                if category == "benefit":
                    benefits[benefit or "other"] += balance
        result = statement_lib.build(
            opening,
            closing,
            receipts,
            payments,
            transfers=self._welfare_transfers(date_from, date_to),
        )
        result["benefits"] = {
            key: statement_lib.money(benefits.get(key))
            for key, _label in self.env["account.account"]
            ._fields["welfare_benefit_category"]
            ._description_selection(self.env)
        }
        result["matching_rounds"] = self._welfare_matching_by_round(date_from, date_to)
        result["date_from"] = date_from
        result["date_to"] = date_to
        return result

    def _welfare_transfers(self, date_from, date_to):
        """Cash handed over by collectors and deposited in the bank in the
        period: {transfer kind: amount}, from the signed records."""
        self.ensure_one()
        result = {}
        for kind, model, state in (
            ("handover", "welfare.cash.handover", "done"),
            ("deposit", "welfare.bank.deposit", "posted"),
        ):
            # sudo: sums of the fund's own records, for readers of the statement
            groups = (
                self.env[model]
                .sudo()
                ._read_group(
                    [
                        ("fund_id", "=", self.id),
                        ("state", "=", state),
                        ("date", ">=", date_from),
                        ("date", "<=", date_to),
                    ],
                    [],
                    ["amount:sum"],
                )
            )
            result[kind] = groups[0][0] or 0.0
        return result

    def _welfare_matching_by_round(self, date_from, date_to):
        """CODI matching received in the period, by round: [(round, amount)]."""
        self.ensure_one()
        # sudo: as in _welfare_ledger_sums: sums per entry of the fund's own company
        # only, for readers of the statement who are not accountants.
        Line = self.env["account.move.line"].sudo()
        groups = Line._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("parent_state", "=", "posted"),
                ("account_id.welfare_codi_category", "=", "codi_matching"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["move_id"],
            ["balance:sum"],
        )
        # sudo: only the grants of the entries found above (the fund's own company)
        # are read, for their matching round.
        grants = (
            self.env["welfare.grant"]
            .sudo()
            .search(
                [
                    "|",
                    ("move_id", "in", [move.id for move, _b in groups]),
                    ("reversal_move_id", "in", [move.id for move, _b in groups]),
                ]
            )
        )
        round_of_move = {grant.move_id: grant.matching_round for grant in grants}
        round_of_move.update(
            {grant.reversal_move_id: grant.matching_round for grant in grants}
        )
        rounds = defaultdict(float)
        for move, balance in groups:
            rounds[round_of_move.get(move, 0)] -= balance
        return [
            (matching_round, statement_lib.money(amount))
            for matching_round, amount in sorted(rounds.items())
        ]

    # ------------------------------------------------------------------
    # The fund status form and the provincial summary
    # ------------------------------------------------------------------

    def _welfare_status(self, fiscal_year):
        """Everything the fund status form shows, for a CODI fiscal year."""
        self.ensure_one()
        date_from, date_to = matching_lib.fiscal_year_bounds(fiscal_year)
        cutoff = matching_lib.cutoff_date(fiscal_year)
        # sudo: the form sums the fund's own members, claims and ledger for
        # its committee and network, who may not read every detail row.
        Member = self.env["welfare.member"].sudo().with_context(active_test=False)
        # members as they stood at the end of the fiscal year, from their
        # status history: not today's counts
        members = Member._states_on(self, cutoff)
        one_year_ago = cutoff - relativedelta(years=1)
        ever = [row for row in members if row[4] != "applicant"]
        current = [row for row in ever if row[4] in CURRENT_STATES]
        by_type = defaultdict(int)
        for row in current:
            by_type[row[3]] += 1
        type_labels = Member._fields["member_type"]._description_selection(self.env)
        Claim = self.env["welfare.claim"].sudo()
        benefits = []
        year_rows = {
            category: (count, amount)
            for category, count, amount in Claim._read_group(
                [
                    ("fund_id", "=", self.id),
                    ("state", "=", "paid"),
                    ("payment_date", ">=", date_from),
                    ("payment_date", "<=", date_to),
                ],
                ["category"],
                ["__count", "amount_approved:sum"],
            )
        }
        all_rows = {
            category: (count, amount)
            for category, count, amount in Claim._read_group(
                [
                    ("fund_id", "=", self.id),
                    ("state", "=", "paid"),
                    ("payment_date", "<=", date_to),
                ],
                ["category"],
                ["__count", "amount_approved:sum"],
            )
        }
        for key, label in (
            self.env["account.account"]
            ._fields["welfare_benefit_category"]
            ._description_selection(self.env)
        ):
            year = year_rows.get(key, (0, 0.0))
            total = all_rows.get(key, (0, 0.0))
            benefits.append(
                {
                    "category": key,
                    "label": label,
                    "year_cases": year[0],
                    "year_amount": year[1] or 0.0,
                    "total_cases": total[0],
                    "total_amount": total[1] or 0.0,
                }
            )
        cumulative = defaultdict(float)
        for (category, _benefit), balance in self._welfare_ledger_sums(
            [("date", "<=", date_to)]
        ).items():
            if category in statement_lib.RECEIPT_CATEGORIES:
                cumulative[category] -= balance
        committee = self.committee_ids.filtered("is_current").sorted(
            lambda c: (ROLE_ORDER.get(c.role, 9), c.village_no or "")
        )
        secretary = committee.filtered(lambda c: c.role == "secretary")[:1]
        meetings = self.meeting_ids.filtered(
            lambda m: m.date and date_from <= m.date <= date_to
        )
        # sudo: only the date of the last posted entry of the fund's own company.
        last_entry = (
            self.env["account.move"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id), ("state", "=", "posted")],
                order="date desc",
                limit=1,
            )
        )
        return {
            "fiscal_year": fiscal_year,
            "date_from": date_from,
            "date_to": date_to,
            "chair": committee.filtered(lambda c: c.role == "chair")[:1].partner_id,
            "coordinator": secretary.partner_id,
            "members_on": cutoff,
            "members_at_founding": len(
                [
                    row
                    for row in ever
                    if self.founding_date and row[2] <= self.founding_date
                ]
            ),
            "members_accumulated": len(ever),
            "members_current": len(current),
            "members_one_year": len([row for row in current if row[2] <= one_year_ago]),
            "members_by_type": [
                (label, by_type.get(key, 0)) for key, label in type_labels
            ],
            # sudo: the fund's own contribution scheme; the form prints its terms.
            "scheme": self.contribution_scheme_id.sudo(),
            "benefits": benefits,
            "money_by_source": [
                (category, statement_lib.money(cumulative.get(category)))
                for category in statement_lib.RECEIPT_CATEGORIES
            ],
            "committee": committee,
            "meetings": len(meetings),
            "meetings_with_minutes": len(meetings.filtered("has_minutes")),
            "last_entry_date": last_entry.date,
            "statement": self._welfare_statement(date_from, date_to),
        }

    def _welfare_provincial_summary(self, date_from, date_to):
        """Members, money by leg and benefits paid per fund: a few queries in all."""
        self.check_access("read")
        # sudo: network reviewers read the funds of their province, not their
        # ledgers; they get sums per fund of the funds they may read.
        Line = self.env["account.move.line"].sudo()
        groups = Line._read_group(
            [
                ("company_id", "in", self.company_id.ids),
                ("parent_state", "=", "posted"),
                ("account_id.welfare_codi_category", "!=", False),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["company_id", "account_id"],
            ["balance:sum"],
        )
        sums = defaultdict(lambda: defaultdict(float))
        for company, account, balance in groups:
            sums[company.id][account.welfare_codi_category] += balance
        # sudo: counts of current members per fund at the end of the period,
        # from their status history, of the funds checked above only.
        members = defaultdict(int)
        for _id, fund_id, _join, _type, state in (
            self.env["welfare.member"].sudo()._states_on(self, date_to)
        ):
            if state in CURRENT_STATES:
                members[fund_id] += 1
        rows = []
        for fund in self:
            ledger = sums[fund.company_id.id]

            def receipts(*categories, ledger=ledger):
                return statement_lib.money(-sum(ledger[c] for c in categories))

            rows.append(
                {
                    "fund": fund,
                    "members": members.get(fund.id, 0),
                    "members_leg": receipts("contribution", "entry_fee"),
                    "codi_leg": receipts("codi_seed", "codi_matching"),
                    "local_leg": receipts("local_government"),
                    "other": receipts(
                        "other_government", "donation", "interest", "other_income"
                    ),
                    "benefits": statement_lib.money(ledger["benefit"]),
                    "admin": statement_lib.money(
                        sum(ledger[c] for c in statement_lib.ADMIN_CATEGORIES)
                    ),
                }
            )
        return rows
