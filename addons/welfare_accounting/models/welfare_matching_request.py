import functools

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.lib import periods

from ..lib import matching


class WelfareMatchingRequest(models.Model):
    """A fund's yearly request for the state's matching money through CODI.

    Members count when active and members for at least a year on 30 September
    of the fiscal year, and matched fewer than three times; the amount per member
    is their contributions for the fiscal year (the part of each payment that
    covers days of the year, whenever it was paid) times the rate, at most the
    cap (the fund's setting by default). Recording the money received creates
    the matching grant of the round and counts one matching for every member
    included.

    A round is one allocation of CODI matching money to the fund, numbered
    from the fund's first (1, 2, 3...): usually one a fiscal year. A fund
    makes one request per fiscal year and round; a cancelled request does not
    count, so it can be made again.
    """

    _name = "welfare.matching.request"
    _description = "CODI Matching Request"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "welfare.numbered.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _workflow_initial = {"state": ("draft",)}
    _order = "fiscal_year desc, id desc"

    fiscal_year = fields.Integer(
        required=True,
        default=lambda self: thai_calendar.fiscal_year_of(welfare_today(self)),
        tracking=True,
        help="CE year in which the fiscal year ends on 30 September.",
    )
    fiscal_year_be = fields.Integer(
        string="Fiscal Year (B.E.)",
        compute="_compute_fiscal_year_be",
    )
    cutoff_date = fields.Date(
        string="Membership Counted On",
        compute="_compute_cutoff_date",
    )
    date = fields.Date(
        string="Request Date",
        required=True,
        default=welfare_today,
    )
    matching_round = fields.Integer(
        required=True,
        tracking=True,
        help="CODI's allocation of matching money this request is for, numbered "
        "from the fund's first (1, 2, 3...); usually one a fiscal year. "
        "One request per fiscal year and round.",
    )
    rate = fields.Float(
        string="Matching Rate",
        required=True,
        default=1.0,
        digits=(16, 4),
        help="Baht of matching per baht contributed: 1.0 matches 1:1.",
    )
    cap_per_member = fields.Monetary(
        string="Cap per Member",
        help="Highest amount asked for one member in the year; by default the "
        "fund's setting (365 baht, a year of one baht a day). 0 for no cap.",
    )
    min_years = fields.Integer(
        string="Minimum Years of Membership",
        required=True,
        default=matching.MIN_YEARS,
    )
    max_times = fields.Integer(
        string="Matchings per Member",
        required=True,
        default=matching.MAX_TIMES,
        help="A member counts until matched this many times.",
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    line_ids = fields.One2many(
        "welfare.matching.request.line",
        "request_id",
        string="Members",
        copy=False,
    )
    member_count = fields.Integer(
        string="Members Included",
        compute="_compute_totals",
        store=True,
    )
    contribution_total = fields.Monetary(
        string="Contributions of the Year",
        compute="_compute_totals",
        store=True,
    )
    amount_total = fields.Monetary(
        string="Amount Requested",
        compute="_compute_totals",
        store=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("received", "Received"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    date_received = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
    )
    amount_received = fields.Monetary(
        readonly=True,
        copy=False,
        tracking=True,
    )
    grant_id = fields.Many2one(
        "welfare.grant",
        string="Matching Grant",
        readonly=True,
        copy=False,
    )
    fund_certified = fields.Boolean(
        related="fund_id.certified",
    )
    village_coverage = fields.Float(
        related="fund_id.village_coverage",
    )
    basic_benefit_count = fields.Integer(
        related="fund_id.basic_benefit_count",
    )
    conditions_note = fields.Text(
        string="Conditions Not Met",
        compute="_compute_conditions_note",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "rules_positive",
            "CHECK(rate >= 0 AND cap_per_member >= 0 AND min_years >= 0 "
            "AND max_times >= 1 AND matching_round >= 1)",
            "Rate, cap, years and matchings of a request cannot be negative.",
        ),
    ]

    def init(self):
        # one live request per fund, fiscal year and round; a cancelled one
        # may be made again
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS welfare_matching_request_round_uniq
                ON welfare_matching_request (fund_id, fiscal_year, matching_round)
             WHERE state != 'cancelled'
            """
        )

    @api.depends("fiscal_year")
    def _compute_fiscal_year_be(self):
        for request in self:
            request.fiscal_year_be = (
                request.fiscal_year + thai_calendar.BE_OFFSET
                if request.fiscal_year
                else 0
            )

    @api.depends("fiscal_year")
    def _compute_cutoff_date(self):
        for request in self:
            request.cutoff_date = (
                matching.cutoff_date(request.fiscal_year)
                if request.fiscal_year
                else False
            )

    @api.depends("line_ids.amount", "line_ids.contributions")
    def _compute_totals(self):
        for request in self:
            request.member_count = len(request.line_ids)
            request.contribution_total = sum(request.line_ids.mapped("contributions"))
            request.amount_total = sum(request.line_ids.mapped("amount"))

    @api.depends(
        "fund_id.certified",
        "fund_id.village_coverage",
        "fund_id.founding_date",
        "fiscal_year",
    )
    def _compute_conditions_note(self):
        for request in self:
            fund = request.fund_id
            notes = []
            if not fund.certified:
                notes.append(self.env._("The fund is not certified."))
            if fund.village_total and fund.village_coverage < 50.0:
                notes.append(
                    self.env._(
                        "Villages covered: %(coverage)s%%, CODI asks for 50%%.",
                        coverage=round(fund.village_coverage, 1),
                    )
                )
            if fund.basic_benefit_count < 3:
                notes.append(
                    self.env._(
                        "Basic benefits offered: %(count)s, CODI asks for 3.",
                        count=fund.basic_benefit_count,
                    )
                )
            if request.fiscal_year and (
                not fund.founding_date
                or thai_calendar.completed_years(
                    fund.founding_date, matching.cutoff_date(request.fiscal_year)
                )
                < 1
            ):
                notes.append(
                    self.env._("The fund has not run for a year on 30 September.")
                )
            request.conditions_note = "\n".join(notes)

    @api.constrains("fiscal_year")
    def _check_fiscal_year(self):
        for request in self:
            if not 2000 <= request.fiscal_year <= 2200:
                raise ValidationError(
                    self.env._(
                        "Give the fiscal year as a C.E. year, e.g. 2026 for B.E. 2569."
                    )
                )

    def _check_round_free(self, keys):
        """Refuse a second live request of a fund, fiscal year and round.

        ``keys``: (fund id, fiscal year, round) of the requests about to be
        saved (not cancelled), checked before the database's unique index
        would refuse them without a word a user can read.
        """
        seen = set()
        Fund = self.env["welfare.fund"]
        for key in keys:
            fund_id, fiscal_year, matching_round = key
            taken = key in seen or self.search_count(
                [
                    ("id", "not in", self.ids),
                    ("fund_id", "=", fund_id),
                    ("fiscal_year", "=", fiscal_year),
                    ("matching_round", "=", matching_round),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            )
            if taken:
                raise ValidationError(
                    self.env._(
                        "Fund %(fund)s already has a CODI matching request for "
                        "fiscal year %(year)s, round %(round)s. Open that request, "
                        "cancel it first, or give another round.",
                        fund=Fund.browse(fund_id).display_name,
                        year=fiscal_year + thai_calendar.BE_OFFSET,
                        round=matching_round,
                    )
                )
            seen.add(key)

    @api.model
    def _get_workflow_fields(self):
        """Submission, the money received and its grant: set by the actions."""
        return super()._get_workflow_fields() | {
            "date_received",
            "amount_received",
            "grant_id",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if "line_ids" in vals and any(r.state != "draft" for r in self):
            # the members of a submitted request are what CODI was asked for
            guarded.add("line_ids")
        return guarded

    @api.model_create_multi
    def create(self, vals_list):
        Fund = self.env["welfare.fund"]
        for vals in vals_list:
            fund = Fund.browse(vals.get("fund_id")) or self._default_fund_id()
            if not fund:
                continue
            vals.setdefault(
                "fiscal_year", thai_calendar.fiscal_year_of(welfare_today(self))
            )
            if not vals.get("matching_round"):
                vals["matching_round"] = self._next_round(fund)
            if "cap_per_member" not in vals:
                vals["cap_per_member"] = fund.codi_matching_cap
        self._check_round_free(
            [
                (vals["fund_id"], vals.get("fiscal_year"), vals["matching_round"])
                for vals in vals_list
                if vals.get("fund_id")
                and vals.get("matching_round")
                and vals.get("state", "draft") != "cancelled"
            ]
        )
        requests = super().create(vals_list)
        requests.filtered(lambda r: r.name == "/")._assign_document_numbers()
        return requests

    def write(self, vals):
        if {"fund_id", "fiscal_year", "matching_round", "state"} & set(vals):
            keys = []
            for request in self:
                if vals.get("state", request.state) == "cancelled":
                    continue
                keys.append(
                    (
                        vals.get("fund_id", request.fund_id.id),
                        vals.get("fiscal_year", request.fiscal_year),
                        vals.get("matching_round", request.matching_round),
                    )
                )
            self._check_round_free(keys)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_received(self):
        if any(request.state == "received" for request in self):
            raise UserError(
                self.env._("A request whose money was received cannot be deleted.")
            )
        self._release_document_numbers()

    def _document_number_year_be(self, date):
        # numbered within the fund and the B.E. fiscal year asked for
        return self.fiscal_year + thai_calendar.BE_OFFSET

    @api.onchange("fund_id")
    def _onchange_fund_id(self):
        if self.fund_id:
            self.matching_round = self._next_round(self.fund_id)
            self.cap_per_member = self.fund_id.codi_matching_cap

    @api.model
    def _next_round(self, fund):
        """The round after the fund's last request that is not cancelled."""
        groups = self._read_group(
            [("fund_id", "=", fund.id), ("state", "!=", "cancelled")],
            [],
            ["matching_round:max"],
        )
        return (groups[0][0] or 0) + 1

    def _check_state(self, allowed):
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "Request %(request)s cannot do this in its present state.",
                    request=wrong[0].display_name,
                )
            )

    def _times_matched(self, members):
        """Matchings each member already received, before this request."""
        groups = self.env["welfare.matching.request.line"]._read_group(
            [
                ("member_id", "in", members.ids),
                ("request_id.state", "=", "received"),
                ("request_id", "not in", self.ids),
            ],
            ["member_id"],
            ["__count"],
        )
        counted = {member.id: count for member, count in groups}
        return {
            member.id: counted.get(member.id, 0) + member.codi_matched_before
            for member in members
        }

    def _contributions_for_year(self, members):
        """``{member id: baht paid for the fiscal year}``: each confirmed
        contribution counts for the days it covers inside the year, whenever
        it was paid (arrears paid late, advance payments: not this year's)."""
        self.ensure_one()
        date_from, date_to = thai_calendar.fiscal_year_bounds(self.fiscal_year)
        scheme = self.fund_id.contribution_scheme_id
        price = (
            functools.partial(periods.price, rate=scheme.amount, period=scheme.period)
            if scheme and scheme.amount > 0
            else None
        )
        payments = self.env["welfare.contribution"].search_fetch(
            [
                ("member_id", "in", members.ids),
                ("kind", "=", "contribution"),
                ("state", "=", "confirmed"),
                "|",
                "&",
                ("period_start", "<=", date_to),
                ("period_end", ">=", date_from),
                "&",
                ("period_start", "=", False),
                "&",
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["member_id", "amount", "date", "period_start", "period_end"],
        )
        paid = {}
        for payment in payments:
            # a payment without a covered period (bought not a day) counts on
            # the day it was paid
            start = payment.period_start or payment.date
            end = payment.period_end if payment.period_start else payment.date
            share = matching.share_in_period(
                payment.amount, start, end, date_from, date_to, price
            )
            member_id = payment.member_id.id
            paid[member_id] = round(paid.get(member_id, 0.0) + share, 2)
        return paid

    def action_compute_lines(self):
        """List the members who count and their amounts (replaces the list)."""
        self._check_state(("draft",))
        Member = self.env["welfare.member"]
        for request in self:
            members = Member.search(
                [
                    ("fund_id", "=", request.fund_id.id),
                    ("state", "in", matching.ELIGIBLE_STATES),
                ],
                order="member_number, id",
            )
            paid = request._contributions_for_year(members)
            times = request._times_matched(members)
            lines, _skipped = matching.build_lines(
                [
                    {
                        "id": member.id,
                        "state": member.state,
                        "join_date": member.join_date,
                        "times_matched": times[member.id],
                        "contributions": paid.get(member.id, 0.0),
                    }
                    for member in members
                ],
                request.fiscal_year,
                rate=request.rate,
                cap=request.cap_per_member,
                min_years=request.min_years,
                max_times=request.max_times,
            )
            request.line_ids.unlink()
            self.env["welfare.matching.request.line"].create(
                [
                    {
                        "request_id": request.id,
                        "member_id": line["id"],
                        "membership_years": line["years"],
                        "times_matched": line["times_matched"],
                        "contributions": line["contributions"],
                        "amount": line["amount"],
                    }
                    for line in lines
                ]
            )
            request.message_post(
                body=self.env._(
                    "Members listed: %(count)s, amount %(amount)s.",
                    count=len(lines),
                    amount=request.amount_total,
                )
            )
        return True

    def action_submit(self):
        self._check_state(("draft",))
        empty = self.filtered(lambda r: not r.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "Request %(request)s lists no member: compute the members first.",
                    request=empty[0].display_name,
                )
            )
        self._workflow_write({"state": "submitted"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "submitted"))
        self._workflow_write({"state": "cancelled"})
        return True

    def action_draft(self):
        self._check_state(("submitted", "cancelled"))
        self._workflow_write({"state": "draft"})
        return True

    def action_open_receive_wizard(self):
        self.ensure_one()
        self._check_state(("submitted",))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_accounting.welfare_matching_receive_wizard_action"
        )
        action["context"] = {
            "default_request_id": self.id,
            "default_amount": self.amount_total,
        }
        return action

    def _record_receipt(self, amount, date, reference=None, payment_method="transfer"):
        """The money arrived: post the matching grant, count the matchings."""
        self.ensure_one()
        self._check_state(("submitted",))
        if amount <= 0:
            raise UserError(self.env._("The amount received must be positive."))
        grant = self.env["welfare.grant"]._workflow_create(
            {
                "fund_id": self.fund_id.id,
                "source": "codi_matching",
                "matching_round": self.matching_round,
                "matching_request_id": self.id,
                "date": date,
                "amount": amount,
                "reference": reference or self.name,
                "payment_method": payment_method,
            }
        )
        grant.action_post()
        self._workflow_write(
            {
                "state": "received",
                "date_received": date,
                "amount_received": amount,
                "grant_id": grant.id,
            }
        )
        self.message_post(
            body=self.env._(
                "Matching money received: %(amount)s for %(count)s members "
                "(round %(round)s).",
                amount=amount,
                count=self.member_count,
                round=self.matching_round,
            )
        )
        return grant

    def _signatories(self):
        """Who signs the request: chair, treasurer, secretary, local executive."""
        self.ensure_one()
        committee = self.fund_id.committee_ids.filtered("is_current")
        rows = []
        for role, label in (
            ("chair", self.env._("Chair of the Fund Committee")),
            ("treasurer", self.env._("Treasurer")),
            ("secretary", self.env._("Secretary")),
        ):
            person = committee.filtered(lambda c, r=role: c.role == r)[:1]
            rows.append((label, person.partner_id.name or ""))
        rows.append(
            (
                self.env._("Executive of the Local Government Organisation"),
                self.fund_id.supporting_body or "",
            )
        )
        return rows

    def action_view_grant(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "welfare.grant",
            "res_id": self.grant_id.id,
            "view_mode": "form",
        }


class WelfareMatchingRequestLine(models.Model):
    _name = "welfare.matching.request.line"
    _inherit = ["welfare.workflow.guard.mixin"]
    _description = "CODI Matching Request Member"
    _order = "request_id, member_number, id"

    request_id = fields.Many2one(
        "welfare.matching.request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="request_id.company_id",
        store=True,
        index=True,
    )
    currency_id = fields.Many2one(
        related="request_id.currency_id",
    )
    member_id = fields.Many2one(
        "welfare.member",
        required=True,
        index=True,
        ondelete="restrict",
    )
    member_number = fields.Char(
        related="member_id.member_number",
        store=True,
    )
    national_id = fields.Char(
        related="member_id.national_id",
    )
    join_date = fields.Date(
        related="member_id.join_date",
    )
    membership_years = fields.Integer(
        string="Years of Membership",
    )
    times_matched = fields.Integer(
        string="Matched Before",
    )
    contributions = fields.Monetary(
        string="Contributions of the Year",
    )
    amount = fields.Monetary(
        string="Matching Amount",
    )

    _sql_constraints = [
        (
            "member_once",
            "unique(request_id, member_id)",
            "A member appears once on a request.",
        ),
    ]

    # The members of a request are listed by its computation and may be
    # corrected while it is a draft; once submitted they are what CODI was
    # asked for and what counts toward each member's three matchings.
    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if any(line.request_id.state != "draft" for line in self):
            guarded |= set(vals)
        return guarded

    @api.model
    def _workflow_refused_create_fields(self, vals):
        refused = super()._workflow_refused_create_fields(vals)
        request = self.env["welfare.matching.request"].browse(vals.get("request_id"))
        if request and request.state != "draft":
            refused |= set(vals)
        return refused

    def _workflow_unlink_guarded(self):
        return self.filtered(lambda line: line.request_id.state != "draft")
