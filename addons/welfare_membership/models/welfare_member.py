"""The member registry: who a member is (fields, identity, national ID),
and the rules every create and write obeys.

The model is split by concern, as Odoo splits a model that grows:
``welfare_member_lifecycle.py`` (states, arrears), ``welfare_member_search.py``
(finding members), ``welfare_member_bulk.py`` (set-based writing), and the
files of each addition (periods, claims, cards, dependants...).
"""

import logging

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.welfare_base.lib.member_states import CURRENT_STATES, HOLDING_STATES  # noqa: F401
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import thai_id
from ..lib.age_bands import AGE_BANDS, age_values

_logger = logging.getLogger(__name__)

TITLES = [
    ("mr", "Mr."),
    ("mrs", "Mrs."),
    ("miss", "Miss"),
    ("boy", "Master (boy)"),
    ("girl", "Miss (girl)"),
]
#: Thai titles as written before a name in the registry
TITLES_TH = {
    "mr": "นาย",
    "mrs": "นาง",
    "miss": "นางสาว",
    "boy": "เด็กชาย",
    "girl": "เด็กหญิง",
}
STATES = [
    ("applicant", "Applicant"),
    ("active", "Active"),
    ("grace", "Grace Period"),
    ("suspended", "Suspended"),
    ("terminated", "Terminated"),
    ("resigned", "Resigned"),
    ("deceased", "Deceased"),
]
#: who holds the national ID, as its first digit allows (see lib/thai_id.py)
PERSON_CATEGORIES = [
    ("thai", "Thai National"),
    ("foreigner", "Foreigner with a Thai ID Number"),
    ("no_status", "Person without Registration Status (ID starts with 0)"),
]


class WelfareMember(models.Model):
    """A member of a community welfare fund: a contact with a membership."""

    _name = "welfare.member"
    _description = "Fund Member"
    _inherits = {"res.partner": "partner_id"}
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _workflow_initial = {"state": ("applicant",)}
    # fund by fund (raw id, not the funds' own order: that would join the
    # funds and provinces and sort every match), then by member number,
    # served by the (fund_id, member_number) index made in init()
    _order = "fund_id.id, member_number"
    _rec_names_search = ["name", "member_number", "national_id"]

    partner_id = fields.Many2one(
        "res.partner",
        string="Partner",
        required=True,
        ondelete="cascade",
        index=True,
    )
    member_number = fields.Char(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Given by the fund's sequence when the member is registered.",
    )
    name_title = fields.Selection(
        TITLES,
        string="Name Title",
    )
    first_name = fields.Char(
        string="First Name",
    )
    last_name = fields.Char(
        string="Last Name",
    )
    search_name = fields.Char(
        compute="_compute_search_name",
        store=True,
        index="trigram",
        help="The member's name kept on the member's own row, so that a search "
        "by name across a province and the list's order are served by one "
        "table's indexes.",
    )
    national_id = fields.Char(
        string="National ID",
        size=13,
        index=True,
        copy=False,
        tracking=True,
        groups="welfare_base.group_welfare_officer",
        help="13-digit Thai national ID number, stored without dashes.",
    )
    person_category = fields.Selection(
        PERSON_CATEGORIES,
        compute="_compute_person_category",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Filled from the first digit of the national ID: 0 is given to "
        "people without registration status (stateless people, children of "
        "migrant workers...), 6 and 7 to foreigners living in Thailand; 3, 4 "
        "and 8 may be Thai or foreign, choose which. A number starting with 0 "
        "is checked by its check digit like any other.",
    )
    national_id_display = fields.Char(
        string="National ID No.",
        compute="_compute_national_id_display",
        help="Shown in full to the fund's officers, masked to everyone else.",
    )
    birthdate = fields.Date(
        string="Birth Date",
        tracking=True,
    )
    age = fields.Integer(
        compute="_compute_age",
        store=True,
        aggregator="avg",
        help="Age in years, kept up to date by the daily membership job.",
    )
    age_band = fields.Selection(
        AGE_BANDS,
        compute="_compute_age",
        store=True,
    )
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")],
    )
    member_type = fields.Selection(
        [
            ("general", "General"),
            ("youth", "Child / Youth"),
            ("elderly", "Elderly"),
            ("disadvantaged", "Disadvantaged"),
            ("disabled", "Disabled"),
            ("orphan", "Orphan"),
        ],
        required=True,
        default="general",
        tracking=True,
    )
    village_no = fields.Char(
        string="Village No.",
        index=True,
        help="Village number (หมู่ที่) of the member's address.",
    )
    subdistrict_id = fields.Many2one(
        "welfare.subdistrict",
        string="Sub-district",
        index=True,
        default=lambda self: self._default_subdistrict_id(),
    )
    district_id = fields.Many2one(
        related="subdistrict_id.district_id",
        string="District",
    )
    occupation = fields.Char()
    join_date = fields.Date(
        tracking=True,
        copy=False,
        help="Date the committee approved the membership.",
    )
    state = fields.Selection(
        STATES,
        string="Status",
        required=True,
        default="applicant",
        tracking=True,
        copy=False,
        index=True,
    )
    state_date = fields.Date(
        string="Status Since",
        copy=False,
        readonly=True,
    )
    death_date = fields.Date(
        string="Date of Death",
        tracking=True,
        copy=False,
    )
    resign_date = fields.Date(
        string="Resignation Date",
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Approved By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
    )
    scheme_id = fields.Many2one(
        related="fund_id.contribution_scheme_id",
        string="Contribution Scheme",
    )
    paid_until = fields.Date(
        readonly=True,
        copy=False,
        help="Contributions cover up to and including this day.",
    )
    months_in_arrears = fields.Integer(
        default=0,
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Whole months between the last covered day and today, updated daily.",
    )
    contribution_ids = fields.One2many(
        "welfare.contribution",
        "member_id",
        string="Contributions",
    )
    contribution_count = fields.Integer(
        compute="_compute_contribution_stats",
    )
    contribution_total = fields.Monetary(
        string="Total Contributed",
        compute="_compute_contribution_stats",
        currency_field="fund_currency_id",
    )
    fund_currency_id = fields.Many2one(
        related="fund_id.currency_id",
        string="Fund Currency",
    )
    entry_fee_paid = fields.Boolean(
        compute="_compute_contribution_stats",
    )
    beneficiary_ids = fields.One2many(
        "welfare.member.beneficiary",
        "member_id",
        string="Beneficiaries",
        copy=False,
    )
    beneficiary_share_total = fields.Float(
        string="Total Share (%)",
        compute="_compute_beneficiary_share_total",
    )
    consent_date = fields.Date(
        string="Data Consent Date",
        tracking=True,
        help="When the member agreed that the fund keeps their personal data (PDPA).",
    )
    consent_method = fields.Selection(
        [
            ("paper", "Signed Form"),
            ("verbal", "Verbal, Witnessed"),
            ("electronic", "Electronic"),
        ],
        tracking=True,
    )
    health_consent = fields.Boolean(
        string="Health Data Consent",
        tracking=True,
        help="Explicit consent to keep health and disability data, required "
        "separately under the PDPA.",
    )
    health_consent_date = fields.Date(
        tracking=True,
    )

    @api.model
    def _default_subdistrict_id(self):
        return self._default_fund_id().subdistrict_id

    @api.depends("partner_id.name")
    def _compute_search_name(self):
        for member in self:
            member.search_name = member.partner_id.name

    @api.depends("national_id")
    def _compute_person_category(self):
        # sudo: the national ID is readable by officers only; only the
        # category its first digit allows is kept on the member.
        for member, sudo_member in zip(self, self.sudo(), strict=True):
            allowed = thai_id.categories(sudo_member.national_id)
            if allowed and member.person_category not in allowed:
                member.person_category = allowed[0]
            elif not member.person_category:
                member.person_category = "thai"

    @api.depends("national_id")
    @api.depends_context("uid")
    def _compute_national_id_display(self):
        # sudo: the masked form is shown to users who may not read the field
        for member, sudo_member in zip(self, self.sudo(), strict=True):
            number = sudo_member.national_id
            if not number:
                member.national_id_display = False
            elif member._can_read_national_id():
                member.national_id_display = thai_id.format_id(number)
            else:
                member.national_id_display = thai_id.mask(number)

    def _can_read_national_id(self):
        """Officers of the member's fund and above read the ID in full."""
        user = self.env.user
        return (
            self.env.su
            or user.has_group("welfare_base.group_welfare_officer")
            and self.company_id in user.company_ids
        )

    def _welfare_has_consent(self, purpose):
        """Whether every member of ``self`` consented to ``purpose``.

        Purposes: ``membership``, ``health``, ``disability``, ``contact``
        (reminders), ``photo``. Other modules ask here before using the data
        (e.g. reminders ask for ``contact``). This answers from the consent
        fields of the member; the personal data addon (``welfare_privacy``)
        answers from its consent records. Without that addon no consent to
        contact is recorded apart: the phone and e-mail a member gives the
        fund are for reaching them, and each channel's opt-out is theirs.
        """
        # sudo: only whether the consent was given is read
        members = self.sudo()
        if not members:
            return False
        if purpose == "membership":
            return all(members.mapped("consent_date"))
        if purpose in ("health", "disability"):
            return all(members.mapped("health_consent"))
        return purpose == "contact"

    def _welfare_filter_consent(self, purpose):
        """The members of ``self`` who gave a consent for ``purpose`` (the
        personal data addon answers from its consent records, in one query)."""
        return self.filtered(lambda member: member._welfare_has_consent(purpose))

    @api.depends("birthdate")
    def _compute_age(self):
        today = welfare_today(self)
        for member in self:
            member.age, member.age_band = age_values(member.birthdate, today)

    @api.depends("contribution_ids.state", "contribution_ids.amount")
    def _compute_contribution_stats(self):
        data = {}
        if self.ids:
            for member, kind, count, total in self.env[
                "welfare.contribution"
            ]._read_group(
                [("member_id", "in", self.ids), ("state", "=", "confirmed")],
                ["member_id", "kind"],
                ["__count", "amount:sum"],
            ):
                data[member.id, kind] = (count, total)
        for member in self:
            count, total = data.get((member.id, "contribution"), (0, 0.0))
            member.contribution_count = count
            member.contribution_total = total
            member.entry_fee_paid = (member.id, "entry_fee") in data

    @api.depends("beneficiary_ids.share")
    def _compute_beneficiary_share_total(self):
        for member in self:
            member.beneficiary_share_total = sum(member.beneficiary_ids.mapped("share"))

    @api.constrains("national_id")
    def _check_national_id(self):
        # sudo: the national ID is readable by officers only; the check reads the
        # numbers just written on these records, and names only them.
        for member in self.sudo():
            if member.national_id and not thai_id.is_valid(member.national_id):
                raise ValidationError(
                    self.env._(
                        "%(number)s is not a valid national ID number (13 digits "
                        "with a correct check digit).",
                        number=member.national_id,
                    )
                )

    @api.constrains("national_id", "person_category")
    def _check_person_category(self):
        # sudo: as _check_national_id; only the category is named
        labels = dict(self._fields["person_category"]._description_selection(self.env))
        for member in self.sudo():
            allowed = thai_id.categories(member.national_id)
            if allowed and member.person_category not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(member)s: a national ID starting with %(digit)s is not "
                        "given to a person of the category %(category)s; choose "
                        "%(allowed)s.",
                        member=member.display_name,
                        digit=member.national_id[0],
                        category=labels.get(member.person_category, "-"),
                        allowed=self.env._(" or ").join(labels[c] for c in allowed),
                    )
                )

    @api.model
    def _check_national_id_free(self, rows, exclude_ids=()):
        """Refuse a national ID registered twice in one fund, before writing.

        ``rows``: [(fund id, national ID, state)] about to be written (the
        ID normalised). Members who left (resigned, terminated) free their
        number. Checked before the database's unique index (see
        ``_init_national_id_index``) would refuse it, so the user gets a
        clear message.
        """
        keys = [
            (fund_id, number)
            for fund_id, number, state in rows
            if fund_id and number and state in HOLDING_STATES
        ]
        if not keys:
            return
        self.flush_model(["national_id", "fund_id", "state"])
        # sudo: a number is unique in its fund whoever registered the other
        # one; only these funds are searched, and only the number is shown.
        others = (
            self.env["welfare.member"]
            .sudo()
            .search_fetch(
                [
                    ("id", "not in", list(exclude_ids)),
                    ("national_id", "in", list({number for _f, number in keys})),
                    ("fund_id", "in", list({fund_id for fund_id, _n in keys})),
                    ("state", "in", HOLDING_STATES),
                ],
                ["fund_id", "national_id"],
            )
        )
        taken = {(member.fund_id.id, member.national_id) for member in others}
        for key in keys:
            if key in taken:
                raise ValidationError(
                    self.env._(
                        "National ID %(number)s is already registered with fund "
                        "%(fund)s.",
                        number=thai_id.format_id(key[1]),
                        fund=self.env["welfare.fund"].browse(key[0]).display_name,
                    )
                )
            taken.add(key)

    @api.constrains("beneficiary_ids")
    def _check_beneficiary_shares(self):
        for member in self:
            if member.beneficiary_ids and (
                abs(member.beneficiary_share_total - 100.0) > 0.001
            ):
                raise ValidationError(
                    self.env._(
                        "The shares of %(member)s's beneficiaries add up to "
                        "%(total)s%%: they must add up to 100%%.",
                        member=member.display_name,
                        total=round(member.beneficiary_share_total, 2),
                    )
                )

    @api.constrains("birthdate", "death_date", "join_date")
    def _check_dates(self):
        today = welfare_today(self)
        for member in self:
            if member.birthdate and member.birthdate > today:
                raise ValidationError(
                    self.env._(
                        "%(member)s: the birth date cannot be in the future.",
                        member=member.display_name,
                    )
                )
            # a year typed in the wrong era lands 543 years away
            if member.birthdate and member.birthdate.year < today.year - 130:
                raise ValidationError(
                    self.env._(
                        "%(member)s: the birth date %(date)s is more than 130 years "
                        "ago: check the year (B.E. = C.E. + 543).",
                        member=member.display_name,
                        date=member.birthdate,
                    )
                )
            if member.join_date and member.join_date > today:
                raise ValidationError(
                    self.env._(
                        "%(member)s: the join date %(date)s cannot be in the future: "
                        "check the year (B.E. = C.E. + 543).",
                        member=member.display_name,
                        date=member.join_date,
                    )
                )
            if member.death_date and (
                member.death_date > today
                or (member.birthdate and member.death_date < member.birthdate)
            ):
                raise ValidationError(
                    self.env._(
                        "%(member)s: the date of death must be between the birth "
                        "date and today.",
                        member=member.display_name,
                    )
                )

    def init(self):
        res = super().init()
        self._init_national_id_index()
        tools.create_index(
            self.env.cr,
            "welfare_member_fund_number_index",
            self._table,
            ["fund_id", "member_number"],
        )
        return res

    def _init_national_id_index(self):
        """One national ID once per fund, enforced by the database too.

        The ID is stored normalised (13 ASCII digits, see ``thai_id.clean``),
        so the index sees one person under one spelling. Members who left
        (resigned, terminated) may be registered again, as the Python check
        allows. A database that already holds duplicates keeps working: the
        index is not created and the duplicates are logged, to be merged.
        """
        cr = self.env.cr
        cr.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = %s",
            ("welfare_member_national_id_fund_uniq",),
        )
        if cr.fetchone():
            return
        holding = SQL(", ").join(SQL("%s", state) for state in HOLDING_STATES)
        cr.execute(
            SQL(
                """
                SELECT fund_id, count(*) FROM welfare_member
                 WHERE national_id IS NOT NULL AND state IN (%s)
                 GROUP BY fund_id, national_id HAVING count(*) > 1
                """,
                holding,
            )
        )
        duplicates = cr.fetchall()
        if duplicates:
            _logger.warning(
                "welfare_member: %s national IDs are registered twice in one fund "
                "(funds %s); merge them, then update the module to enforce one "
                "ID per fund in the database",
                len(duplicates),
                sorted({fund_id for fund_id, _count in duplicates}),
            )
            return
        cr.execute(
            SQL(
                """
                CREATE UNIQUE INDEX welfare_member_national_id_fund_uniq
                    ON welfare_member (fund_id, national_id)
                 WHERE national_id IS NOT NULL AND state IN (%s)
                """,
                holding,
            )
        )

    @api.onchange("name_title", "first_name", "last_name")
    def _onchange_name_parts(self):
        for member in self:
            name = member._compose_name(
                member.name_title, member.first_name, member.last_name
            )
            if name:
                member.name = name

    @api.onchange("subdistrict_id")
    def _onchange_subdistrict_id(self):
        for member in self:
            if member.subdistrict_id:
                member.zip = member.subdistrict_id.zip
                member.state_id = member.subdistrict_id.state_id
                member.city = member.subdistrict_id.district_id.name
                member.country_id = self.env.ref("base.th")

    @api.model
    def _compose_name(self, title, first_name, last_name):
        first = (first_name or "").strip()
        last = (last_name or "").strip()
        if not first and not last:
            return ""
        return f"{TITLES_TH.get(title, '')}{first} {last}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        partner_vals = self._prepare_member_batch(vals_list)
        Partner = self.env["res.partner"].with_context(mail_create_nolog=True)
        partners = iter(Partner.create(partner_vals))
        for vals in vals_list:
            if not vals.get("partner_id"):
                vals["partner_id"] = next(partners).id
        return super().create(vals_list)

    @api.model
    def _prepare_member_batch(self, vals_list):
        """Complete new members' values; return the values of their contacts.

        Names, fund, sub-district, member numbers and status date are set in
        ``vals_list``; the contact's values (inherited fields moved out of
        the member's values, defaults computed once for the batch: Odoo
        computes them per row, and some, e.g. account's invoice report,
        query) are returned for the members without ``partner_id``.
        """
        funds = self.env["welfare.fund"]
        partner_vals = []
        # looked up once per batch, not once per row (env.ref runs a query)
        thailand_id = self.env.ref("base.th").id
        for vals in vals_list:
            if vals.get("national_id"):
                vals["national_id"] = thai_id.clean(vals["national_id"])
            # given here: the bulk path computes nothing per row
            vals.setdefault(
                "person_category", thai_id.category(vals.get("national_id")) or "thai"
            )
            if not vals.get("name") and (
                vals.get("first_name") or vals.get("last_name")
            ):
                vals["name"] = self._compose_name(
                    vals.get("name_title"),
                    vals.get("first_name"),
                    vals.get("last_name"),
                )
            fund = (
                funds.browse(vals["fund_id"])
                if vals.get("fund_id")
                else self._default_fund_id()
            )
            vals.setdefault("fund_id", fund.id)
            # the member's fund is known: no default looked up per row
            vals.setdefault("subdistrict_id", fund.subdistrict_id.id)
            if not vals.get("partner_id"):
                partner_vals.append(
                    self._prepare_partner_values(vals, fund, thailand_id)
                )
        Partner = self.env["res.partner"]
        if partner_vals:
            given = set().union(*partner_vals)
            defaults = Partner.default_get(
                [name for name in Partner._fields if name not in given]
            )
            partner_vals = [{**defaults, **vals} for vals in partner_vals]
        by_fund = {}
        for vals in vals_list:
            if not vals.get("member_number"):
                by_fund.setdefault(vals["fund_id"], []).append(vals)
        for fund_id, fund_vals in by_fund.items():
            numbers = funds.browse(fund_id)._next_numbers(
                "member_sequence_id", len(fund_vals)
            )
            for vals, number in zip(fund_vals, numbers, strict=True):
                vals["member_number"] = number
        today = welfare_today(self)
        for vals in vals_list:
            vals.setdefault("state_date", today)
        self._check_national_id_free(
            [
                (
                    vals["fund_id"],
                    vals.get("national_id"),
                    vals.get("state", "applicant"),
                )
                for vals in vals_list
            ]
        )
        return partner_vals

    def _prepare_partner_values(self, vals, fund, thailand_id=None):
        partner_fields = self.env["res.partner"]._fields
        own = self._fields
        values = {
            key: value
            for key, value in vals.items()
            if key in partner_fields
            and (key not in own or own[key].inherited)
            and key != "company_id"
        }
        for key in list(values):
            vals.pop(key)
        subdistrict = self.env["welfare.subdistrict"].browse(
            vals.get("subdistrict_id") or fund.subdistrict_id.id
        )
        values.setdefault("name", self.env._("New Member"))
        values["company_id"] = fund.company_id.id
        if "country_id" not in values:
            values["country_id"] = thailand_id or self.env.ref("base.th").id
        if subdistrict:
            values.setdefault("zip", subdistrict.zip)
            values.setdefault("state_id", subdistrict.state_id.id)
            values.setdefault("city", subdistrict.district_id.name)
        return values

    @api.model
    def _get_workflow_fields(self):
        """Status, approval and arrears: moved by the committee's actions,
        payments and the daily arrears job only."""
        return super()._get_workflow_fields() | {
            "state_date",
            "approved_by_id",
            "approved_date",
            "death_date",
            "resign_date",
            "paid_until",
            "months_in_arrears",
        }

    def _get_workflow_group_fields(self):
        """Moving a member, with their payments and claims, to another fund is
        the administrators' (the member's fund is chosen freely on creation)."""
        return {
            **super()._get_workflow_group_fields(),
            "fund_id": ("welfare_base.group_welfare_manager",),
        }

    def _workflow_refused_group_fields(self, vals):
        refused = super()._workflow_refused_group_fields(vals)
        if "fund_id" in refused and (
            not self or all(member.fund_id.id == vals["fund_id"] for member in self)
        ):
            # a new member, or the same fund written again: nobody moves
            refused.discard("fund_id")
        return refused

    @api.model
    def _workflow_refused_create_fields(self, vals):
        # the status date of a new applicant is the day it is created
        refused = super()._workflow_refused_create_fields(vals)
        refused.discard("state_date")
        return refused

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if "join_date" in vals and any(m.state != "applicant" for m in self):
            # the join date of a member is the committee's: fixed once approved
            guarded.add("join_date")
        return guarded

    def write(self, vals):
        if vals.get("national_id"):
            vals["national_id"] = thai_id.clean(vals["national_id"])
        if {"national_id", "fund_id", "state"} & set(vals):
            # a number is taken again when it changes, moves to another fund,
            # or its holder comes back (e.g. a terminated member reinstated);
            # sudo: the national ID is readable by officers only; these are
            # the records being written.
            self._check_national_id_free(
                [
                    (
                        vals.get("fund_id", member.fund_id.id),
                        vals.get("national_id", member.national_id),
                        vals.get("state", member.state),
                    )
                    for member in self.sudo()
                    if "national_id" in vals
                    or "fund_id" in vals
                    or member.state not in HOLDING_STATES
                ],
                exclude_ids=self.ids,
            )
        res = super().write(vals)
        if {"name_title", "first_name", "last_name"} & set(vals) and "name" not in vals:
            for member in self:
                name = member._compose_name(
                    member.name_title, member.first_name, member.last_name
                )
                if name and name != member.name:
                    member.name = name
        if "fund_id" in vals:
            for member in self:
                member.partner_id.company_id = member.company_id
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_money(self):
        # sudo: only whether these members have confirmed payments is read.
        if (
            self.env["welfare.contribution"]
            .sudo()
            .search_count(
                [("member_id", "in", self.ids), ("state", "=", "confirmed")], limit=1
            )
        ):
            raise UserError(
                self.env._(
                    "Members with confirmed contributions cannot be deleted: "
                    "they stay in the registry as resigned, terminated or deceased."
                )
            )

    def action_view_contributions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_contribution_action"
        )
        action["domain"] = [("member_id", "=", self.id)]
        action["context"] = {
            "default_member_id": self.id,
            "default_fund_id": self.fund_id.id,
        }
        return action

    @api.model
    def _action_export_registry(self):
        """The registry of every fund the user works with, as XLSX."""
        funds = self.env["welfare.fund"].search(
            [("company_id", "in", self.env.companies.ids)]
        )
        return self.env.ref(
            "welfare_membership.action_report_member_registry_xlsx"
        ).report_action(None, data={"fund_ids": funds.ids})
