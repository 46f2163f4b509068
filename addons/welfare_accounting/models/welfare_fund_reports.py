"""What the fund reports from its books: the receipts and payments
statement, the fund status form and the provincial summary."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.lib.member_states import CURRENT_STATES

from ..lib import (
    matching as matching_lib,
    statement as statement_lib,
)


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

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
        date_from, date_to = thai_calendar.fiscal_year_bounds(fiscal_year)
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
            lambda c: (c.role_sequence, c.village_no or "")
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
