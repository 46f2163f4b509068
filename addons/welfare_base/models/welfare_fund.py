from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .welfare_date import welfare_today

# a fund's identity: changed by administrators only
ADMIN_FIELDS = (
    "code",
    "company_id",
    "state_id",
    "district_id",
    "subdistrict_id",
    "region_id",
)
# the provincial network's certification, a condition of CODI matching
# (who recorded it is always the user who writes it)
CERTIFICATION_FIELDS = (
    "certified",
    "certification_date",
    "certified_by",
    "certified_user_id",
)


class WelfareFund(models.Model):
    """A community welfare fund (กองทุนสวัสดิการชุมชน) of one sub-district.

    Each fund is its own company: its own ledger, sequences and records, kept
    apart from every other fund by Odoo's multi-company rules.
    """

    _name = "welfare.fund"
    _description = "Community Welfare Fund"
    _inherit = ["welfare.workflow.guard.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "state_id, code"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    name = fields.Char(
        required=True,
        tracking=True,
    )
    code = fields.Char(
        required=True,
        tracking=True,
        copy=False,
        help="Unique code of the fund, e.g. the DOPA code of its sub-district.",
    )
    active = fields.Boolean(
        default=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        required=True,
        readonly=True,
        index=True,
        copy=False,
        ondelete="restrict",
        help="The fund's own company: its ledger, sequences and records.",
    )
    partner_id = fields.Many2one(
        related="company_id.partner_id",
        string="Contact",
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    street = fields.Char(
        compute="_compute_contact",
        inverse="_inverse_contact",
    )
    phone = fields.Char(
        compute="_compute_contact",
        inverse="_inverse_contact",
    )
    email = fields.Char(
        compute="_compute_contact",
        inverse="_inverse_contact",
    )
    subdistrict_id = fields.Many2one(
        "welfare.subdistrict",
        string="Sub-district",
        tracking=True,
        index=True,
    )
    district_id = fields.Many2one(
        "welfare.district",
        string="District",
        compute="_compute_district_id",
        store=True,
        readonly=False,
        index=True,
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        compute="_compute_state_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain="[('country_id.code', '=', 'TH')]",
    )
    zip = fields.Char(
        string="Postcode",
        compute="_compute_zip",
        store=True,
        readonly=False,
    )
    region_id = fields.Many2one(
        "welfare.region",
        string="Region",
        compute="_compute_region_id",
        store=True,
        readonly=False,
        index=True,
    )
    zone_id = fields.Many2one(
        "welfare.zone",
        string="Zone",
        index=True,
        tracking=True,
        domain="[('state_id', '=?', state_id)]",
    )
    founding_date = fields.Date(
        tracking=True,
    )
    supporting_body = fields.Char(
        help="Local government or agency that supported the founding "
        "(e.g. the sub-district administrative organisation).",
    )
    certified = fields.Boolean(
        tracking=True,
        copy=False,
        help="Certified by the provincial network: a condition for CODI matching.",
    )
    certification_date = fields.Date(
        tracking=True,
        copy=False,
    )
    certified_by = fields.Char(
        tracking=True,
        copy=False,
        help="Who certified the fund, e.g. the provincial committee.",
    )
    certified_user_id = fields.Many2one(
        "res.users",
        string="Certification Recorded By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The network reviewer or administrator who recorded the "
        "certification, and when: see the chatter.",
    )
    village_total = fields.Integer(
        string="Villages in Area",
        tracking=True,
        help="Number of villages (or communities) in the fund's sub-district.",
    )
    village_covered = fields.Integer(
        string="Villages Covered",
        tracking=True,
        help="Villages (or communities) with members in the fund.",
    )
    village_coverage = fields.Float(
        string="Village Coverage (%)",
        compute="_compute_village_coverage",
        store=True,
        aggregator="avg",
        digits=(16, 1),
    )
    committee_ids = fields.One2many(
        "welfare.fund.committee",
        "fund_id",
        string="Committee",
    )
    meeting_ids = fields.One2many(
        "welfare.fund.meeting",
        "fund_id",
        string="Meetings",
    )
    chair_id = fields.Many2one(
        "res.partner",
        string="Chair",
        compute="_compute_chair_id",
    )
    committee_count = fields.Integer(
        string="Committee Members",
        compute="_compute_committee_count",
    )
    meeting_count = fields.Integer(
        string="Number of Meetings",
        compute="_compute_meeting_count",
    )
    note = fields.Html()

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a fund must be unique."),
        (
            "company_uniq",
            "unique(company_id)",
            "A company can hold only one welfare fund.",
        ),
        (
            "village_counts_positive",
            "CHECK(village_total >= 0 AND village_covered >= 0)",
            "Village counts cannot be negative.",
        ),
    ]

    @api.model
    def _get_current_fund(self):
        """The fund of the user's current company, if any."""
        return self.search([("company_id", "=", self.env.company.id)], limit=1)

    _CONTACT_FIELDS = ("street", "phone", "email")

    @api.depends("company_id.street", "company_id.phone", "company_id.email")
    def _compute_contact(self):
        for fund in self:
            # sudo: only these contact fields of the fund's own company are read.
            company = fund.company_id.sudo()
            for name in self._CONTACT_FIELDS:
                fund[name] = company[name]

    def _inverse_contact(self):
        for fund in self:
            # sudo: officers keep their fund's address, phone and e-mail up to
            # date; these are stored on the fund's own company, which they may
            # not write otherwise. Only these three fields are written.
            fund.company_id.sudo().write(
                {name: fund[name] for name in self._CONTACT_FIELDS}
            )

    @api.depends("subdistrict_id")
    def _compute_district_id(self):
        for fund in self:
            if fund.subdistrict_id:
                fund.district_id = fund.subdistrict_id.district_id

    @api.depends("district_id")
    def _compute_state_id(self):
        for fund in self:
            if fund.district_id:
                fund.state_id = fund.district_id.state_id

    @api.depends("subdistrict_id")
    def _compute_zip(self):
        for fund in self:
            if fund.subdistrict_id:
                fund.zip = fund.subdistrict_id.zip

    @api.depends("state_id")
    def _compute_region_id(self):
        for fund in self:
            if fund.state_id:
                fund.region_id = fund.state_id.welfare_region_id

    @api.depends("village_total", "village_covered")
    def _compute_village_coverage(self):
        for fund in self:
            fund.village_coverage = (
                100.0 * fund.village_covered / fund.village_total
                if fund.village_total
                else 0.0
            )

    @api.depends("committee_ids.role", "committee_ids.is_current")
    def _compute_chair_id(self):
        for fund in self:
            chair = fund.committee_ids.filtered(
                lambda c: c.role == "chair" and c.is_current
            )[:1]
            fund.chair_id = chair.partner_id

    def _compute_committee_count(self):
        counts = dict(
            self.env["welfare.fund.committee"]._read_group(
                [("fund_id", "in", self.ids), ("is_current", "=", True)],
                ["fund_id"],
                ["__count"],
            )
        )
        for fund in self:
            fund.committee_count = counts.get(fund, 0)

    def _compute_meeting_count(self):
        counts = dict(
            self.env["welfare.fund.meeting"]._read_group(
                [("fund_id", "in", self.ids)], ["fund_id"], ["__count"]
            )
        )
        for fund in self:
            fund.meeting_count = counts.get(fund, 0)

    @api.constrains("village_total", "village_covered")
    def _check_villages(self):
        for fund in self:
            if fund.village_covered > fund.village_total:
                raise ValidationError(
                    self.env._(
                        "Fund %(fund)s: villages covered (%(covered)s) cannot exceed "
                        "the villages in its area (%(total)s).",
                        fund=fund.display_name,
                        covered=fund.village_covered,
                        total=fund.village_total,
                    )
                )

    @api.constrains("founding_date", "certification_date")
    def _check_dates(self):
        today = welfare_today(self)
        for fund in self:
            for date in (fund.founding_date, fund.certification_date):
                if date and date > today:
                    raise ValidationError(
                        self.env._(
                            "Fund %(fund)s: founding and certification dates cannot "
                            "be in the future.",
                            fund=fund.display_name,
                        )
                    )

    @api.constrains("zone_id", "state_id")
    def _check_zone_province(self):
        for fund in self:
            if fund.zone_id and fund.zone_id.state_id != fund.state_id:
                raise ValidationError(
                    self.env._(
                        "Fund %(fund)s: zone %(zone)s belongs to another province.",
                        fund=fund.display_name,
                        zone=fund.zone_id.display_name,
                    )
                )

    @api.constrains("subdistrict_id", "district_id", "state_id")
    def _check_geography(self):
        for fund in self:
            if (
                fund.subdistrict_id
                and fund.subdistrict_id.district_id != fund.district_id
            ):
                raise ValidationError(
                    self.env._(
                        "Fund %(fund)s: the sub-district is not in the chosen "
                        "district.",
                        fund=fund.display_name,
                    )
                )
            if fund.district_id and fund.district_id.state_id != fund.state_id:
                raise ValidationError(
                    self.env._(
                        "Fund %(fund)s: the district is not in the chosen province.",
                        fund=fund.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("company_id"):
                vals["company_id"] = self._create_fund_company(vals).id
        funds = super().create(vals_list)
        funds._grant_company_access()
        return funds

    @api.model
    def _get_workflow_group_fields(self):
        """A fund's identity is the administrators'; its certification the
        network's (reviewers of the province) and the administrators'."""
        admin = ("welfare_base.group_welfare_manager",)
        review = ("welfare_base.group_welfare_network", *admin)
        return {
            **super()._get_workflow_group_fields(),
            **dict.fromkeys(ADMIN_FIELDS, admin),
            **dict.fromkeys(CERTIFICATION_FIELDS, review),
        }

    def _workflow_refused_group_fields(self, vals):
        refused = super()._workflow_refused_group_fields(vals)
        user = self.env.user
        if (
            not self.env.su
            and user.has_group("welfare_base.group_welfare_network")
            and not user.has_group("welfare_base.group_welfare_officer")
        ):
            # a reviewer writes the certification only: nothing of the fund's
            # identity, money or members
            others = set(vals) - set(CERTIFICATION_FIELDS)
            if others:
                # who may not touch the fund at all is told so first
                self.check_access("write" if self else "create")
                raise UserError(
                    self.env._(
                        "Network reviewers record a fund's certification and "
                        "assess it; they change nothing else of the fund "
                        "(%(fields)s). Nothing was saved.",
                        fields=self._field_labels(others & set(self._fields)),
                    )
                )
        return refused

    def write(self, vals):
        if set(CERTIFICATION_FIELDS) & set(vals):
            vals = dict(vals, certified_user_id=self.env.user.id)
            if vals.get("certified") and not vals.get("certification_date"):
                vals["certification_date"] = welfare_today(self)
        if "company_id" in vals and any(
            fund.company_id.id != vals["company_id"] for fund in self
        ):
            raise UserError(
                self.env._(
                    "A fund keeps the company it was created with: its ledger, "
                    "sequences and records live there."
                )
            )
        res = super().write(vals)
        if "name" in vals or "code" in vals:
            for fund in self:
                # sudo: a fund's officers may rename their fund, whose company
                # they may not write; only the name of their own company changes.
                fund.company_id.sudo().name = fund._company_name()
        if "state_id" in vals:
            self._grant_company_access()
        return res

    @api.model
    def _prepare_company_values(self, vals):
        state = self.env["res.country.state"].browse(vals.get("state_id"))
        subdistrict = self.env["welfare.subdistrict"].browse(vals.get("subdistrict_id"))
        if not state and subdistrict:
            state = subdistrict.state_id
        return {
            "name": self._company_name(vals.get("name"), vals.get("code")),
            "country_id": self.env.ref("base.th").id,
            "state_id": state.id,
            "zip": vals.get("zip") or subdistrict.zip,
            "city": subdistrict.district_id.name or False,
            "currency_id": self.env.ref("base.THB").id,
        }

    @api.model
    def _create_fund_company(self, vals):
        # sudo: creating companies is reserved to administrators; welfare
        # managers create a fund's company only through this path.
        return self.env["res.company"].sudo().create(self._prepare_company_values(vals))

    def _company_name(self, name=None, code=None):
        name = name if name is not None else self.name
        code = code if code is not None else self.code
        # Fund names repeat across provinces; company names must be unique.
        return f"{name} [{code}]" if code else name

    def _grant_company_access(self):
        """Give each fund's company to the users who must see it.

        The creator, the suite's managers and the network users who review the
        fund's province.
        """
        manager_group = self.env.ref("welfare_base.group_welfare_manager")
        # sudo: other users are not readable; only the network users of the fund's
        # province are searched, to give them this fund's company below.
        users_all = self.env["res.users"].sudo()
        for fund in self:
            network_users = users_all
            if fund.state_id:
                network_users = users_all.search(
                    [("welfare_state_ids", "in", fund.state_id.ids)]
                )
            # sudo: the managers' group lists its users to administrators only.
            users = (
                self.env.user | manager_group.sudo().users | network_users
            ).filtered(
                lambda u, f=fund: not u.share and f.company_id not in u.company_ids
            )
            # sudo: users may not write other users' allowed companies; this only
            # adds the fund's company to those the design gives it to.
            users.sudo().write(
                {"company_ids": [fields.Command.link(fund.company_id.id)]}
            )

    def _has_welfare_data(self):
        """Whether the fund holds records that must be kept (archive, do not delete).

        Modules that add fund-owned records extend this.
        """
        self.ensure_one()
        return bool(self.committee_ids or self.meeting_ids)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_data(self):
        for fund in self:
            if fund._has_welfare_data():
                raise UserError(
                    self.env._(
                        "Fund %(fund)s already holds records: archive it instead "
                        "of deleting it.",
                        fund=fund.display_name,
                    )
                )

    def action_view_committee(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_base.welfare_fund_committee_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_base.welfare_fund_meeting_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action
