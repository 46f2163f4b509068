import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.models.welfare_benefit_rule_mixin import (
    HEALTH_CATEGORIES,
)

#: what a member consents to, and what each consent allows
PURPOSES = [
    ("membership", "Membership Data"),
    ("health", "Health Data for Claims"),
    ("disability", "Disability"),
    ("contact", "Contact for Reminders"),
    ("photo", "Photo"),
]
METHODS = [
    ("paper", "Signed Form"),
    ("verbal", "Verbal, Witnessed"),
    ("electronic", "Electronic"),
]
STATES = [
    ("given", "Given"),
    ("withdrawn", "Withdrawn"),
]


class WelfareConsent(models.Model):
    """A member's consent to one purpose (PDPA B.E. 2562), given and withdrawn.

    Each sensitive field is tied to a purpose: health details, description
    and documents of health claims to ``health``; the member type "disabled"
    to ``disability``; the member's photo to ``photo``; reminders to
    ``contact``. Without a given consent the data cannot be entered. Once
    withdrawn, the data is shown to the fund's committee only and purged
    after the fund's period (``welfare.fund.privacy_purge_days``) by a daily
    job; a photo is removed at once.
    """

    _name = "welfare.consent"
    _description = "Member Consent (PDPA)"
    _inherit = [
        "welfare.request.mixin",
        "welfare.member.owned.mixin",
        "mail.thread",
    ]
    _order = "member_id, purpose, given_date desc, id desc"
    _workflow_initial = {"state": ("given",)}
    _request_decided_by_field = "withdrawn_by_id"
    _request_decided_date_field = "withdrawn_date"

    member_id = fields.Many2one(
        tracking=True,
    )
    purpose = fields.Selection(
        PURPOSES,
        required=True,
        tracking=True,
    )
    method = fields.Selection(
        METHODS,
        string="How Given",
        required=True,
        default="paper",
        tracking=True,
    )
    given_date = fields.Date(
        string="Given On",
        required=True,
        default=welfare_today,
        tracking=True,
    )
    given_by = fields.Char(
        string="Given By",
        help="Who signed or spoke, when not the member: the parent or guardian "
        "of a child, or the member's legal representative.",
    )
    recorded_by_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        readonly=True,
        default=lambda self: self.env.user,
    )
    form_file = fields.Binary(
        string="Signed Form",
        attachment=True,
        copy=False,
    )
    form_filename = fields.Char()
    state = fields.Selection(
        STATES,
        default="given",
    )
    withdrawn_date = fields.Date(
        string="Withdrawn On",
        readonly=True,
        copy=False,
        tracking=True,
    )
    withdrawn_by_id = fields.Many2one(
        "res.users",
        string="Withdrawal Recorded By",
        readonly=True,
        copy=False,
    )
    withdraw_reason = fields.Text(
        string="Withdrawal Note",
        copy=False,
    )
    purge_date = fields.Date(
        string="Data Purged On or After",
        compute="_compute_purge_date",
        store=True,
        help="The day the daily job purges the data this consent allowed.",
    )
    purged_date = fields.Date(
        string="Data Purged On",
        readonly=True,
        copy=False,
    )

    def init(self):
        # one live consent per member and purpose
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS welfare_consent_member_purpose_uniq
                ON welfare_consent (member_id, purpose)
             WHERE state = 'given'
            """
        )

    @api.depends("withdrawn_date", "fund_id.privacy_purge_days", "purpose")
    def _compute_purge_date(self):
        for consent in self:
            if not consent.withdrawn_date:
                consent.purge_date = False
            elif consent.purpose == "photo":
                consent.purge_date = consent.withdrawn_date
            else:
                consent.purge_date = consent.withdrawn_date + datetime.timedelta(
                    days=consent.fund_id.privacy_purge_days
                )

    @api.depends("member_id", "purpose")
    def _compute_display_name(self):
        labels = dict(self._fields["purpose"]._description_selection(self.env))
        for consent in self:
            consent.display_name = "{} – {}".format(
                consent.member_id.display_name or "",
                labels.get(consent.purpose, ""),
            )

    @api.constrains("given_date", "withdrawn_date")
    def _check_dates(self):
        today = welfare_today(self)
        for consent in self:
            if consent.given_date and consent.given_date > today:
                raise ValidationError(
                    self.env._(
                        "%(consent)s: a consent cannot be given in the future.",
                        consent=consent.display_name,
                    )
                )

    @api.model
    def _check_one_given(self, keys, exclude_ids=()):
        """Refuse a second given consent for one member and purpose."""
        keys = [key for key in keys if all(key)]
        if not keys:
            return
        self.flush_model(["member_id", "purpose", "state"])
        # sudo: only whether the member already gave this consent is read
        others = self.sudo().search(
            [
                ("id", "not in", list(exclude_ids)),
                ("member_id", "in", list({k[0] for k in keys})),
                ("state", "=", "given"),
            ]
        )
        taken = {(c.member_id.id, c.purpose) for c in others}
        labels = dict(self._fields["purpose"]._description_selection(self.env))
        for key in keys:
            if key in taken:
                raise ValidationError(
                    self.env._(
                        "%(member)s has already given the consent '%(purpose)s': "
                        "withdraw it before recording a new one.",
                        member=self.env["welfare.member"].browse(key[0]).display_name,
                        purpose=labels.get(key[1], key[1]),
                    )
                )
            taken.add(key)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_one_given(
            [
                (vals.get("member_id"), vals.get("purpose"))
                for vals in vals_list
                if vals.get("state", "given") == "given"
            ]
        )
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Workflow guard
    # ------------------------------------------------------------------
    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | {
            "recorded_by_id",
            "purged_date",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        # whose consent to what is fixed once recorded: a new consent is
        # recorded instead
        guarded |= set(vals) & {"member_id", "purpose"}
        if any(consent.state != "given" for consent in self):
            # a withdrawn consent is a record of the past
            guarded |= set(vals)
        return guarded

    def _workflow_unlink_guarded(self):
        # consents are evidence: withdrawn, never deleted
        return self

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_withdraw(self):
        """The member withdraws these consents (PDPA section 19)."""
        self.check_access("write")
        self._request_check_open(
            lambda names: self.env._(
                "Only given consents can be withdrawn: %(consents)s.", consents=names
            )
        )
        self._request_decide("withdrawn")
        # a photo is of no use to anybody once withdrawn: removed at once
        self.filtered(lambda c: c.purpose == "photo")._purge()
        return True

    @api.model
    def _cron_purge_withdrawn(self, limit=1000):
        """Daily job: purge the data of consents withdrawn long enough ago."""
        today = welfare_today(self)
        consents = self.search(
            [
                ("state", "=", "withdrawn"),
                ("purged_date", "=", False),
                ("purge_date", "<=", today),
            ],
            limit=limit,
        )
        consents._purge()
        remaining = self.search_count(
            [
                ("state", "=", "withdrawn"),
                ("purged_date", "=", False),
                ("purge_date", "<=", today),
            ]
        )
        self.env["ir.cron"]._notify_progress(done=len(consents), remaining=remaining)
        return True

    def _purge(self):
        """Remove the data these withdrawn consents allowed; keep the amounts.

        A member who gave the consent again since keeps their data.
        """
        # sudo: the purge runs for the committee's decision taken by the
        # member's withdrawal, on these members' own records only
        consents = self.sudo().filtered(lambda c: c.state == "withdrawn")
        members = consents.member_id
        by_purpose = {
            purpose: consents.filtered(
                lambda c, p=purpose: c.purpose == p
            ).member_id.filtered(lambda m, p=purpose: not m._welfare_has_consent(p))
            for purpose in ("health", "disability", "photo")
        }
        if by_purpose["health"]:
            by_purpose["health"]._welfare_purge_health()
        if by_purpose["disability"]:
            by_purpose["disability"]._welfare_purge_disability()
        if by_purpose["photo"]:
            by_purpose["photo"]._welfare_purge_photo()
        consents._workflow_write({"purged_date": welfare_today(self)})
        members.invalidate_recordset()
        return True


def health_claim_domain():
    return [("category", "in", HEALTH_CATEGORIES)]
