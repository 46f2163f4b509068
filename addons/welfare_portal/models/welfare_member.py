import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.models.welfare_member import CURRENT_STATES
from odoo.addons.welfare_membership.models.welfare_member_card import (
    CARD_VALID_STATES,
)

from ..lib import codes

PORTAL_GROUP = "base.group_portal"
#: documents a member may send with a claim request
MAX_DOCUMENTS = 10
MAX_DOCUMENT_SIZE = 10 * 1024 * 1024
DOCUMENT_TYPES = ("image/jpeg", "image/png", "image/heic", "application/pdf")


class WelfareMember(models.Model):
    """The member's login to the member portal, and what the portal does."""

    _inherit = "welfare.member"

    portal_user_id = fields.Many2one(
        "res.users",
        string="Member Portal Login",
        compute="_compute_portal_user_id",
        help="The login with which the member follows their membership on "
        "the member portal.",
    )
    change_request_ids = fields.One2many(
        "welfare.member.change.request",
        "member_id",
        string="Change Requests",
    )

    @api.depends("partner_id")
    def _compute_portal_user_id(self):
        # sudo: the member's login is looked up to show it to the fund's staff
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.partner_id.ids)])
        )
        by_partner = {user.partner_id.id: user for user in users}
        for member in self:
            user = by_partner.get(member.partner_id.id)
            member.portal_user_id = user.id if user and user.active else False

    # ------------------------------------------------------------------
    # Logins
    # ------------------------------------------------------------------
    def action_grant_portal_access(self):
        """Give the members a login to the member portal, and tell them by SMS.

        The login is the member's mobile number (or the fund's code and the
        member number when another login has that number). The member sets
        their password on the sign-up page with a code sent to that phone.
        """
        self.check_access("write")
        for member in self:
            if member.state not in CURRENT_STATES:
                raise UserError(
                    self.env._(
                        "%(member)s is not a member of the fund now: only members "
                        "get a member portal login.",
                        member=member.display_name,
                    )
                )
            phone = member._portal_phone()
            if not phone:
                raise UserError(
                    self.env._(
                        "Record the mobile phone number of %(member)s first: the "
                        "member sets their password with a code sent to it.",
                        member=member.display_name,
                    )
                )
        for member in self:
            user = member._portal_ensure_user()
            member._portal_send_sms(
                member._portal_phone(),
                self.env._(
                    "%(fund)s: your member portal login is %(login)s. Set your "
                    "password at %(url)s",
                    fund=member.fund_id.name,
                    login=user.login,
                    url=member._portal_signup_url(),
                ),
            )
            member.message_post(
                body=self.env._(
                    "Member portal login %(login)s given to the member.",
                    login=user.login,
                ),
                message_type="notification",
            )
        return True

    def action_revoke_portal_access(self):
        """Close the members' logins to the member portal."""
        self.check_access("write")
        users = self.portal_user_id.filtered("share")
        # sudo: users are administrators' records; only the portal logins of
        # these members, of the fund the officer may write, are archived
        users.sudo().write({"active": False})
        self.invalidate_model(["portal_user_id"])
        for member in self.filtered("partner_id"):
            member.message_post(
                body=self.env._("Member portal login closed."),
                message_type="notification",
            )
        return True

    def _portal_phone(self):
        self.ensure_one()
        return codes.normalize_phone(self.mobile) or codes.normalize_phone(self.phone)

    @api.model
    def _portal_signup_url(self):
        return self._card_base_url() + "/welfare/portal/signup"

    def _portal_login_candidates(self):
        self.ensure_one()
        phone = self._portal_phone()
        candidates = [phone] if phone else []
        base = f"{self.fund_id.code}-{self.member_number or self.id}".lower()
        candidates += [base, f"{base}-{self.id}"]
        return candidates

    def _portal_ensure_user(self):
        """The member's portal login, made or reopened; one per person.

        A person who is a member of several funds (several members of one
        contact) has one login that sees each of their memberships.
        """
        self.ensure_one()
        # sudo: users are administrators' records. A member's own login is
        # made by an officer of the member's fund (who may write the member,
        # checked by the callers) or by the member proving their phone; the
        # login gets the portal group alone, and only the companies of the
        # person's own memberships
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        partner = self.partner_id
        members = (
            self.env["welfare.member"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("state", "in", CURRENT_STATES)])
        ) | self.sudo()
        companies = members.company_id
        user = Users.search([("partner_id", "=", partner.id)], limit=1)
        if user and not user.share:
            raise UserError(
                self.env._(
                    "%(member)s already has a login of the fund's staff; "
                    "a member portal login is for members only.",
                    member=self.display_name,
                )
            )
        if user:
            user.write(
                {
                    "active": True,
                    "company_ids": [fields.Command.link(c.id) for c in companies],
                }
            )
            self.invalidate_model(["portal_user_id"])
            return user
        taken = set(
            Users.search([("login", "in", self._portal_login_candidates())]).mapped(
                "login"
            )
        )
        login = next(c for c in self._portal_login_candidates() if c not in taken)
        # sudo: only the codes of the active languages, to pick the login's one
        active = self.env["res.lang"].sudo()._get_active_by("code")
        lang = "th_TH" if "th_TH" in active else False
        self.invalidate_model(["portal_user_id"])
        return Users.with_context(no_reset_password=True).create(
            {
                "login": login,
                "partner_id": partner.id,
                "company_id": self.company_id.id,
                "company_ids": [fields.Command.set(companies.ids)],
                "groups_id": [fields.Command.set([self.env.ref(PORTAL_GROUP).id])],
                "lang": lang or partner.lang,
                "tz": "Asia/Bangkok",
            }
        )

    def _portal_send_sms(self, number, body):
        """Queue an SMS to ``number``; the SMS queue sends it at once."""
        self.ensure_one()
        # sudo: the SMS queue is the server's; the message goes to the
        # member's own phone
        self.env["sms.sms"].sudo().create(
            {
                "number": number,
                "body": body,
                "partner_id": self.partner_id.id,
                "state": "outgoing",
            }
        )
        self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()._trigger()

    # ------------------------------------------------------------------
    # What the portal shows
    # ------------------------------------------------------------------
    def _portal_amount_due(self):
        """What the member should pay now to be paid up (arrears included)."""
        self.ensure_one()
        if self.state not in ("active", "grace", "suspended"):
            return 0.0
        if not self.paid_until and not self.join_date:
            return 0.0
        today = welfare_today(self)
        if self.paid_until and self.paid_until >= today:
            return 0.0
        return self._proposed_amounts(today)[self.id]

    def _portal_card_qr(self):
        """The QR image of the member's card, as a data URI (current cards only)."""
        self.ensure_one()
        if self.state not in CARD_VALID_STATES:
            return False
        # sudo: the member sees their own card (the caller checked it); the QR
        # image is cached on the member like the printed card's
        return self.sudo()._card_qr_data_uris()[self.id]

    def _portal_benefits(self):
        """Benefits the member may ask for from the portal."""
        self.ensure_one()
        # sudo: the member reads their fund's catalogue to choose a benefit
        return (
            self.env["welfare.benefit.type"]
            .sudo()
            .search([("fund_id", "=", self.fund_id.id)], order="sequence, name")
        )

    # ------------------------------------------------------------------
    # Claim requests from the portal
    # ------------------------------------------------------------------
    def _portal_file_claim(
        self,
        benefit_id,
        event_date,
        description,
        files=(),
        health_details=None,
        units=0.0,
        dependant_id=None,
    ):
        """A draft claim of this member, as the member asked from the portal.

        The caller checked that the user may read this member (their own).
        ``files``: [(file name, content type, bytes)]. The fund's officer gets
        a to-do; the claim stays a draft until the office submits it.
        """
        self.ensure_one()
        if self.state not in CARD_VALID_STATES:
            raise UserError(
                self.env._("Only members of the fund may ask for a benefit.")
            )
        benefit = self._portal_benefits().filtered(lambda b: b.id == benefit_id)
        if not benefit:
            raise UserError(self.env._("Choose a benefit of your fund."))
        if not event_date:
            raise UserError(self.env._("Give the date of the event."))
        if event_date > welfare_today(self):
            raise UserError(
                self.env._("The date of the event cannot be in the future.")
            )
        description = (description or "").strip()
        if not description:
            raise UserError(self.env._("Tell the fund what happened."))
        health_details = (health_details or "").strip()
        try:
            # PDPA: without the member's explicit consent, the fund keeps no
            # health data: a claim for a stay in hospital or an illness is
            # health data (the claim's own rule, told to the member)
            self.env["welfare.claim"]._check_health_benefit_consent(self, benefit)
        except ValidationError as error:
            raise UserError(
                self.env._(
                    "You have not given the fund your consent to keep health "
                    "data, so what happened, documents and health details "
                    "cannot be sent for this benefit. Give your consent at the "
                    "fund's office, or ask the office to file the request."
                )
            ) from error
        if health_details and not self._welfare_has_consent("health"):
            raise UserError(
                self.env._(
                    "You have not given the fund your consent to keep health data: "
                    "health details cannot be sent."
                )
            )
        self._portal_check_files(files)
        dependant = self.env["welfare.member.dependant"]
        if dependant_id:
            # sudo: the dependants of this member only (checked by the caller)
            dependant = dependant.sudo().search(
                [("id", "=", dependant_id), ("member_id", "=", self.id)]
            )
            if not dependant:
                raise UserError(self.env._("Choose one of your dependants."))
        # sudo: members may not create claims; the portal makes a draft claim
        # of the member's own membership (checked by the caller), with the
        # facts the member gave only. The claim's own rules apply (health
        # consent, one claim per event), and the office judges it.
        vals = {
            "member_id": self.id,
            "benefit_type_id": benefit.id,
            "event_date": event_date,
            "description": description,
            "units": max(float(units or 0.0), 0.0),
            "dependant_id": dependant.id,
        }
        if health_details:
            vals["health_details"] = health_details
        claim = self.env["welfare.claim"].sudo().create(vals)
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(content),
                        "mimetype": mimetype,
                        "res_model": "welfare.claim",
                        "res_id": claim.id,
                    }
                    for name, mimetype, content in files
                ]
            )
        )
        if attachments:
            claim.attachment_ids = [fields.Command.link(a.id) for a in attachments]
        claim.with_context(mail_create_nosubscribe=True).message_post(
            body=self.env._("Claim request sent by the member from the member portal."),
            author_id=self.partner_id.id,
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        officer = self.sudo().fund_id._portal_officer()
        if officer:
            # the to-do shows in the officer's activities; no e-mail is sent
            claim.with_context(mail_activity_quick_update=True).activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=officer.id,
                summary=self.env._("Check the member's claim request"),
                note=self.env._(
                    "Sent from the member portal: check the documents, then "
                    "submit the claim to the committee."
                ),
            )
        return claim.with_env(self.env)

    def _portal_check_files(self, files):
        if len(files) > MAX_DOCUMENTS:
            raise UserError(
                self.env._("Send at most %(count)s documents.", count=MAX_DOCUMENTS)
            )
        for name, mimetype, content in files:
            if mimetype not in DOCUMENT_TYPES:
                raise ValidationError(
                    self.env._(
                        "%(name)s: send photos (JPEG, PNG) or PDF files only.",
                        name=name,
                    )
                )
            if len(content) > MAX_DOCUMENT_SIZE:
                raise ValidationError(
                    self.env._(
                        "%(name)s is larger than %(size)s MB.",
                        name=name,
                        size=MAX_DOCUMENT_SIZE // (1024 * 1024),
                    )
                )
            if not content:
                raise ValidationError(self.env._("%(name)s is empty.", name=name))

    # ------------------------------------------------------------------
    # Change requests from the portal
    # ------------------------------------------------------------------
    def _portal_request_change(self, subject, details):
        """A change request of this member; the fund's officer gets a to-do.

        The caller checked that the user may read this member (their own).
        """
        self.ensure_one()
        Request = self.env["welfare.member.change.request"]
        subjects = dict(Request._fields["subject"].selection)
        if subject not in subjects:
            raise UserError(self.env._("Choose what you want to change."))
        details = (details or "").strip()
        if not details:
            raise UserError(self.env._("Describe the change you ask for."))
        # sudo: members may not create records of the fund; the request of
        # the member's own membership is made with what they typed only
        request = Request.sudo().create(
            {"member_id": self.id, "subject": subject, "details": details}
        )
        request.message_post(
            body=self.env._(
                "Change request sent by the member from the member portal."
            ),
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        officer = self.sudo().fund_id._portal_officer()
        if officer:
            request.with_context(mail_activity_quick_update=True).activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=officer.id,
                summary=self.env._("Change asked by a member"),
                note=self.env._(
                    "Make the change on the member's form, then mark the "
                    "request done; or refuse it with a reason."
                ),
            )
        return request.with_env(self.env)
