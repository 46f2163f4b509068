from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.lib import thai_id

from .welfare_consent import METHODS

#: consent values a member's create() or write() may carry (imports, forms)
CONSENT_FIELDS = (
    "consent_date",
    "consent_method",
    "health_consent",
    "health_consent_date",
)
#: fields of a member and their contact erased with the member's data
ERASED_MEMBER_FIELDS = (
    "first_name",
    "last_name",
    "national_id",
    "birthdate",
    "gender",
    "occupation",
    "village_no",
)
ERASED_PARTNER_FIELDS = (
    "street",
    "street2",
    "zip",
    "city",
    "phone",
    "mobile",
    "email",
    "website",
    "vat",
    "comment",
    "image_1920",
)
#: tracked fields whose old values the chatter keeps: cleared on erasure
TRACKED_PERSONAL_FIELDS = (
    "name",
    "national_id",
    "birthdate",
    "member_type",
    "first_name",
    "last_name",
)
FORMER_STATES = ("resigned", "terminated", "deceased")


class WelfareMember(models.Model):
    _name = "welfare.member"
    _inherit = ["welfare.member", "welfare.access.logged.mixin"]

    consent_ids = fields.One2many(
        "welfare.consent",
        "member_id",
        string="Consents",
    )
    consent_date = fields.Date(
        compute="_compute_consent_values",
        inverse="_inverse_consent_values",
        store=True,
        readonly=False,
    )
    consent_method = fields.Selection(
        METHODS,
        compute="_compute_consent_values",
        inverse="_inverse_consent_values",
        store=True,
        readonly=False,
    )
    health_consent = fields.Boolean(
        compute="_compute_consent_values",
        inverse="_inverse_consent_values",
        store=True,
        readonly=False,
    )
    health_consent_date = fields.Date(
        compute="_compute_consent_values",
        inverse="_inverse_consent_values",
        store=True,
        readonly=False,
    )
    health_consent_withdrawn = fields.Boolean(
        string="Health Consent Withdrawn",
        compute="_compute_consent_withdrawn",
        store=True,
        index=True,
        help="The member withdrew the consent to keep health data: the health "
        "details and documents of their claims are shown to the committee only, "
        "until they are purged.",
    )
    disability_consent_withdrawn = fields.Boolean(
        string="Disability Consent Withdrawn",
        compute="_compute_consent_withdrawn",
        store=True,
    )
    privacy_request_ids = fields.One2many(
        "welfare.privacy.request",
        "member_id",
        string="Data Requests",
    )
    privacy_erased_date = fields.Date(
        string="Personal Data Erased On",
        readonly=True,
        copy=False,
    )

    # ------------------------------------------------------------------
    # Consents
    # ------------------------------------------------------------------
    @api.depends(
        "consent_ids.state",
        "consent_ids.purpose",
        "consent_ids.given_date",
        "consent_ids.method",
    )
    def _compute_consent_values(self):
        for member in self:
            given = {c.purpose: c for c in member.consent_ids if c.state == "given"}
            membership = given.get("membership")
            health = given.get("health")
            member.consent_date = membership.given_date if membership else False
            member.consent_method = membership.method if membership else False
            member.health_consent = bool(health)
            member.health_consent_date = health.given_date if health else False

    @api.depends("consent_ids.state", "consent_ids.purpose")
    def _compute_consent_withdrawn(self):
        for member in self:
            given = {c.purpose for c in member.consent_ids if c.state == "given"}
            withdrawn = {
                c.purpose for c in member.consent_ids if c.state == "withdrawn"
            }
            member.health_consent_withdrawn = (
                "health" in withdrawn and "health" not in given
            )
            member.disability_consent_withdrawn = (
                "disability" in withdrawn and "disability" not in given
            )

    def _inverse_consent_values(self):
        """Consent values written on the member record or withdraw consents."""
        Consent = self.env["welfare.consent"]
        vals_list = []
        withdraw = Consent
        for member in self:
            given = {c.purpose: c for c in member.consent_ids if c.state == "given"}
            wanted = {
                "membership": (member.consent_date, member.consent_method),
                "health": (
                    member.health_consent
                    and (member.health_consent_date or member.consent_date),
                    member.consent_method,
                ),
            }
            for purpose, (date, method) in wanted.items():
                consent = given.get(purpose)
                if purpose == "health" and member.health_consent and not date:
                    date = welfare_today(self)
                if date and not consent:
                    vals_list.append(
                        {
                            "member_id": member.id,
                            "purpose": purpose,
                            "given_date": date,
                            "method": method or "paper",
                        }
                    )
                elif not date and consent:
                    withdraw |= consent
                elif consent and (
                    consent.given_date != date or (method and consent.method != method)
                ):
                    consent.write(
                        {"given_date": date, "method": method or consent.method}
                    )
        if vals_list:
            Consent.create(vals_list)
        if withdraw:
            withdraw.action_withdraw()

    def _welfare_has_consent(self, purpose):
        """Whether every member of ``self`` has a given consent for ``purpose``.

        Purposes: ``membership``, ``health``, ``disability``, ``contact``
        (reminders), ``photo``.
        """
        # sudo: only whether the consent was given is read
        members = self.sudo()
        if not members:
            return False
        return all(
            any(c.purpose == purpose and c.state == "given" for c in m.consent_ids)
            for m in members
        )

    def _welfare_filter_consent(self, purpose):
        """The members of ``self`` who gave a consent for ``purpose``."""
        # sudo: only whether the consent was given is read
        given = (
            self.env["welfare.consent"]
            .sudo()
            .search(
                [
                    ("member_id", "in", self.ids),
                    ("purpose", "=", purpose),
                    ("state", "=", "given"),
                ]
            )
        )
        ids = set(given.member_id.ids)
        return self.filtered(lambda m: m.id in ids)

    @api.constrains("member_type")
    def _check_disability_consent(self):
        disabled = self.filtered(lambda m: m.member_type == "disabled")
        missing = disabled - disabled._welfare_filter_consent("disability")
        if missing:
            raise ValidationError(
                self.env._(
                    "%(members)s: a member is registered as disabled only with "
                    "their consent to the fund keeping disability data (PDPA "
                    "section 26). Record the consent first.",
                    members=", ".join(missing.mapped("display_name")),
                )
            )

    @api.constrains("image_1920")
    def _check_photo_consent(self):
        pictured = self.filtered("image_1920")
        missing = pictured - pictured._welfare_filter_consent("photo")
        if missing:
            raise ValidationError(
                self.env._(
                    "%(members)s: a photo is kept only with the member's consent. "
                    "Record the consent first.",
                    members=", ".join(missing.mapped("display_name")),
                )
            )

    @api.model
    def _bulk_create(self, vals_list, note=None):
        # the set-based path inserts rows without inverses: the consents the
        # registry carries are recorded after the members exist
        consents = [
            {name: vals.pop(name) for name in CONSENT_FIELDS if name in vals}
            for vals in vals_list
        ]
        members = super()._bulk_create(vals_list, note=note)
        values = []
        for member, given in zip(members, consents, strict=True):
            date = given.get("consent_date")
            method = given.get("consent_method") or "paper"
            if date:
                values.append(
                    {
                        "member_id": member.id,
                        "purpose": "membership",
                        "given_date": date,
                        "method": method,
                    }
                )
            if given.get("health_consent"):
                values.append(
                    {
                        "member_id": member.id,
                        "purpose": "health",
                        "given_date": given.get("health_consent_date")
                        or date
                        or welfare_today(self),
                        "method": method,
                    }
                )
        if values:
            self.env["welfare.consent"].create(values)
        return members

    # ------------------------------------------------------------------
    # Reading: rights follow the fund, full IDs are logged
    # ------------------------------------------------------------------
    def _welfare_staff_members(self):
        """The members of ``self`` whose fund the user serves as staff."""
        if self.env.su:
            return self
        user = self.env.user
        if not user.has_group("welfare_base.group_welfare_officer"):
            return self.browse()
        companies = user._welfare_staff_companies()
        return self.filtered(lambda m: m.company_id in companies)

    def _welfare_committee_members(self):
        """The members of ``self`` whose fund's committee the user sits on."""
        if self.env.su:
            return self
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            return self.browse()
        return self._welfare_staff_members()

    @api.depends("national_id")
    @api.depends_context("uid")
    def _compute_national_id_display(self):
        # who reads in full is decided once for the whole batch (a list)
        staff_ids = set(self._welfare_staff_members().ids)
        # sudo: the masked form is shown to users who may not read the field
        for member, sudo_member in zip(self, self.sudo(), strict=True):
            number = sudo_member.national_id
            if not number:
                member.national_id_display = False
            elif member.id in staff_ids:
                member.national_id_display = thai_id.format_id(number)
            else:
                member.national_id_display = thai_id.mask(number)

    def _can_read_national_id(self):
        """Officers of the member's fund read the ID in full; an officer who
        also reviews a province reads that province's other funds masked."""
        return bool(self) and self._welfare_staff_members() == self

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if self.env.su:
            return result
        reads_id = {"national_id", "national_id_display"} & set(fnames)
        reads_type = "member_type" in fnames
        if not (reads_id or reads_type):
            return result
        records = self.browse([vals["id"] for vals in result])
        if reads_type:
            committee = set(records._welfare_committee_members().ids)
            for vals in result:
                member = self.browse(vals["id"])
                if member.disability_consent_withdrawn and member.id not in committee:
                    vals["member_type"] = False
        if reads_id:
            records._welfare_read_national_ids(
                [(self.browse(vals["id"]), vals) for vals in result]
            )
        return result

    def _welfare_read_national_ids(self, rows, res_model=None):
        """The one rule of full national IDs, for the rows just read of
        members or of the people of a member (dependants).

        ``rows``: [(member, values read)]; ``self``: their members. The ID is
        masked for a member whose fund the user does not serve as staff; a
        full ID read is logged, all of them in one INSERT. ``res_model``: the
        model of the rows when they are not the members themselves.
        """
        staff = set(self._welfare_staff_members().ids)
        logged = []
        for member, vals in rows:
            if member.id not in staff:
                if vals.get("national_id"):
                    vals["national_id"] = thai_id.mask(vals["national_id"])
                continue
            if vals.get("national_id") or vals.get("national_id_display"):
                logged.append(
                    (
                        member.id,
                        member.company_id.id,
                        res_model,
                        vals["id"] if res_model else None,
                        None,
                    )
                )
        self.env["welfare.access.log"]._log("national_id", logged)

    def export_data(self, fields_to_export):
        if not self.env.su and any(
            path.split("/")[0] == "national_id" for path in fields_to_export
        ):
            others = self - self._welfare_staff_members()
            if others:
                raise AccessError(
                    self.env._(
                        "Full national IDs are exported only for the members of "
                        "the funds you serve as staff. Export the masked "
                        "'National ID No.' instead."
                    )
                )
            self.env["welfare.access.log"]._log(
                "national_id",
                [(m.id, m.company_id.id, None, None, None) for m in self],
                channel="report",
                source="export_data",
            )
        return super().export_data(fields_to_export)

    @api.model
    def _welfare_id_domain_guard(self, domain):
        """A search on national IDs stays within the user's staff funds."""
        if self.env.su:
            return domain
        user = self.env.user
        staff = user._welfare_staff_companies()
        if staff == user.company_ids:
            return domain
        for leaf in domain:
            if (
                isinstance(leaf, (list, tuple))
                and len(leaf) == 3
                and isinstance(leaf[0], str)
                and leaf[0].split(".")[0] == "national_id"
            ):
                return expression.AND([domain, [("company_id", "in", staff.ids)]])
        return domain

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return super()._search(
            self._welfare_id_domain_guard(domain), offset, limit, order
        )

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        digits = thai_id.clean(value) if isinstance(value, str) else ""
        if self.env.su or not (digits.isascii() and digits.isdigit()):
            return domain
        user = self.env.user
        staff = user._welfare_staff_companies()
        if staff == user.company_ids:
            return domain
        # a number found in a reviewed fund is its member number, never its
        # national ID: no probing other funds' registries by ID
        return expression.AND(
            [
                domain,
                [
                    "|",
                    ("company_id", "in", staff.ids),
                    ("member_number", "in", list({value.strip(), digits})),
                ],
            ]
        )

    @api.depends("national_id", "fund_id")
    @api.depends_context("uid")
    def _compute_in_other_fund(self):
        """Whether the person is registered in another fund: only that, never
        which fund or member, and the check is logged."""
        res = super()._compute_in_other_fund()
        if self.env.su:
            return res
        # sudo: the number just typed or read; logged masked
        entries = [
            (
                member._origin.id or None,
                member.company_id.id or None,
                None,
                None,
                "{}: {}".format(
                    thai_id.mask(sudo_member.national_id),
                    "yes" if member.in_other_fund else "no",
                ),
            )
            for member, sudo_member in zip(self, self.sudo(), strict=True)
            if sudo_member.national_id
        ]
        self.env["welfare.access.log"]._log("other_fund", entries)
        return res

    # ------------------------------------------------------------------
    # Purge after a withdrawal, erasure of a former member
    # ------------------------------------------------------------------
    def _welfare_health_claims(self):
        # sudo: the claims of these members, for the purge or erasure
        return (
            self.env["welfare.claim"]
            .sudo()
            .with_context(active_test=False)
            .search([("member_id", "in", self.ids)])
        )

    def _welfare_purge_health(self):
        """Health details, descriptions, documents and units of health claims
        go; the claims, their benefit, state and amounts stay (the fund's
        accounts)."""
        self._welfare_health_claims().filtered("is_health")._welfare_purge_health_data()

    def _welfare_purge_disability(self):
        members = self.sudo().filtered(lambda m: m.member_type == "disabled")
        members.with_context(tracking_disable=True).write({"member_type": "general"})
        self._welfare_purge_tracking(["member_type"])

    def _welfare_purge_photo(self):
        # sudo: the photo of these members, removed on their withdrawal
        self.sudo().partner_id.with_context(tracking_disable=True).write(
            {"image_1920": False}
        )

    def _welfare_purge_tracking(self, field_names):
        """Old values of personal fields kept in the chatter are removed."""
        # sudo: tracking values are not readable to fund staff; only those of
        # these members' personal fields are removed
        self.env["mail.tracking.value"].sudo().search(
            [
                ("mail_message_id.model", "=", self._name),
                ("mail_message_id.res_id", "in", self.ids),
                ("field_id.name", "in", list(field_names)),
                ("field_id.model", "=", self._name),
            ]
        ).unlink()

    def _welfare_check_erasable(self):
        """Former members whose fund's retention period has passed."""
        today = welfare_today(self)
        for member in self:
            if member.state not in FORMER_STATES:
                raise UserError(
                    self.env._(
                        "%(member)s is still a member: only the data of a former "
                        "member (resigned, terminated, deceased) can be erased.",
                        member=member.display_name,
                    )
                )
            years = member.fund_id.privacy_retention_years
            left = member.state_date or member.resign_date or member.death_date
            if left and left.replace(year=left.year + years) > today:
                raise UserError(
                    self.env._(
                        "%(member)s left on %(date)s: the fund keeps former "
                        "members' data %(years)s years, until %(until)s.",
                        member=member.display_name,
                        date=left,
                        years=years,
                        until=left.replace(year=left.year + years),
                    )
                )
            if member.privacy_erased_date:
                raise UserError(
                    self.env._(
                        "The personal data of %(member)s was already erased.",
                        member=member.display_name,
                    )
                )

    def _welfare_erase(self):
        """Anonymise former members: their personal data goes, their money stays.

        Name, national ID, birth date, address, phone, e-mail, photo, health
        details and documents of claims, beneficiaries' names and IDs, and the
        old values of these fields in the chatter are removed. Member number,
        status and dates, contributions, claims' amounts and every ledger
        entry are kept, so the fund's accounts and statements are unchanged.
        """
        self._welfare_check_erasable()
        # sudo: the committee's erasure of these former members, checked above
        members = self.sudo().with_context(tracking_disable=True, mail_notrack=True)
        today = welfare_today(self)
        for member in members:
            label = self.env._("Erased member %(number)s", number=member.member_number)
            member.write(
                {
                    **dict.fromkeys(ERASED_MEMBER_FIELDS, False),
                    "name_title": False,
                    "member_type": "general",
                }
            )
            member.partner_id.write(
                {**dict.fromkeys(ERASED_PARTNER_FIELDS, False), "name": label}
            )
            member._workflow_write({"privacy_erased_date": today})
        beneficiaries = members.beneficiary_ids
        for beneficiary in beneficiaries:
            beneficiary.write(
                {
                    "name": self.env._("Erased beneficiary"),
                    "national_id": False,
                    "phone": False,
                    "address": False,
                }
            )
        beneficiaries.partner_id.write(
            {
                **dict.fromkeys(ERASED_PARTNER_FIELDS, False),
                "name": self.env._("Erased beneficiary"),
            }
        )
        self._welfare_health_claims()._welfare_purge_health_data()
        # the signed forms carry the name and signature: the records stay as
        # evidence of what was consented, without the scans
        members.consent_ids._workflow_open().write({"form_file": False})
        self._welfare_purge_tracking(TRACKED_PERSONAL_FIELDS)
        self.env["welfare.access.log"]._log(
            "erasure", [(m.id, m.company_id.id, None, None, None) for m in members]
        )
        return True

    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | {"privacy_erased_date"}

    def write(self, vals):
        erased = self.filtered("privacy_erased_date")
        if erased and not self._in_workflow() and not self.env.su:
            personal = (set(ERASED_MEMBER_FIELDS) | set(ERASED_PARTNER_FIELDS)) & set(
                vals
            )
            if personal:
                raise UserError(
                    self.env._(
                        "The personal data of %(members)s was erased: it is not "
                        "entered again. Nothing was saved.",
                        members=", ".join(erased.mapped("member_number")),
                    )
                )
        return super().write(vals)

    def action_open_privacy_request(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_privacy.welfare_privacy_request_action"
        )
        action["domain"] = [("member_id", "=", self.id)]
        action["context"] = {"default_member_id": self.id}
        return action

    def _welfare_personal_data(self):
        """Everything the fund keeps about this member, as plain values:
        the answer to the right of access (PDPA section 30)."""
        self.ensure_one()
        # sudo: the caller checked that the user serves the member's fund; the
        # member's own data is given to them
        member = self.sudo()

        def label(record, name):
            value = record[name]
            selection = dict(record._fields[name]._description_selection(self.env))
            return selection.get(value, value or None)

        return {
            "fund": member.fund_id.display_name,
            "member_number": member.member_number,
            "name": member.name,
            "title": label(member, "name_title"),
            "first_name": member.first_name or None,
            "last_name": member.last_name or None,
            "national_id": thai_id.format_id(member.national_id or "") or None,
            "birthdate": member.birthdate,
            "gender": label(member, "gender"),
            "member_type": label(member, "member_type"),
            "occupation": member.occupation or None,
            "address": {
                "street": member.street or None,
                "village_no": member.village_no or None,
                "subdistrict": member.subdistrict_id.display_name or None,
                "district": member.district_id.display_name or None,
                "province": member.state_id.display_name or None,
                "zip": member.zip or None,
            },
            "phone": member.phone or None,
            "mobile": member.mobile or None,
            "email": member.email or None,
            "status": label(member, "state"),
            "join_date": member.join_date,
            "paid_until": member.paid_until,
            "beneficiaries": [
                {
                    "name": b.name,
                    "relationship": label(b, "relationship"),
                    "share": b.share,
                    "national_id": thai_id.format_id(b.national_id or "") or None,
                }
                for b in member.beneficiary_ids
            ],
            "consents": [
                {
                    "purpose": label(c, "purpose"),
                    "given_on": c.given_date,
                    "how": label(c, "method"),
                    "status": label(c, "state"),
                    "withdrawn_on": c.withdrawn_date or None,
                }
                for c in member.consent_ids
            ],
            "contributions": [
                {
                    "date": c.date,
                    "receipt": c.receipt_number or None,
                    "kind": label(c, "kind"),
                    "amount": c.amount,
                    "period": [c.period_start or None, c.period_end or None],
                    "status": label(c, "state"),
                }
                for c in member.contribution_ids.sorted("date")
            ],
            "claims": [
                {
                    "reference": c.name,
                    "benefit": c.benefit_type_id.display_name,
                    "event_date": c.event_date,
                    "units": c.units,
                    "amount_approved": c.amount_approved,
                    "status": label(c, "state"),
                    "payment_date": c.payment_date or None,
                    "description": c.description or None,
                    "health_details": c.health_details or None,
                }
                for c in self.env["welfare.claim"]
                .sudo()
                .search([("member_id", "=", member.id)], order="event_date, id")
            ],
        }
