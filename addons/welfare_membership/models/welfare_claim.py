import psycopg2

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import benefit_rules
from .welfare_benefit_rule_mixin import HEALTH_CATEGORIES

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("paid", "Paid"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
PAYMENT_METHODS = [
    ("cash", "Cash"),
    ("transfer", "Bank Transfer"),
    ("promptpay", "PromptPay"),
]
# The facts a claim is judged on; frozen once the claim leaves the draft.
CLAIM_FACTS = (
    "member_id",
    "benefit_type_id",
    "event_date",
    "units",
    "fund_id",
    "dependant_id",
)
# States whose amounts count toward the member's caps and claim limits.
COUNTED_STATES = ("approved", "paid")


class WelfareClaim(models.Model):
    """A member's claim for a benefit, judged by the fund's rule and committee."""

    _name = "welfare.claim"
    _description = "Benefit Claim"
    _inherit = [
        "welfare.workflow.guard.mixin",
        "welfare.fund.owned.mixin",
        "welfare.numbered.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "event_date desc, id desc"
    _workflow_initial = {"state": ("draft",)}
    _rec_names_search = ["name", "member_id.search_name", "member_id.member_number"]

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    fund_id = fields.Many2one(
        compute="_compute_fund_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    member_number = fields.Char(
        related="member_id.member_number",
    )
    dependant_id = fields.Many2one(
        "welfare.member.dependant",
        string="For Dependant",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        check_company=True,
        domain="[('member_id', '=', member_id)]",
        help="The child or other dependant a benefit for dependants is claimed "
        "for: its age conditions are judged on the dependant's birth date.",
    )
    claim_for = fields.Selection(
        related="benefit_type_id.claim_for",
    )
    benefit_type_id = fields.Many2one(
        "welfare.benefit.type",
        string="Benefit",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
        domain="[('fund_id', '=', fund_id)]",
    )
    category = fields.Selection(
        related="benefit_type_id.category",
        store=True,
    )
    amount_type = fields.Selection(
        related="benefit_type_id.amount_type",
    )
    unit = fields.Selection(
        related="benefit_type_id.unit",
    )
    payee_type = fields.Selection(
        related="benefit_type_id.payee_type",
    )
    required_documents = fields.Text(
        related="benefit_type_id.required_documents",
    )
    is_health = fields.Boolean(
        compute="_compute_is_health",
    )
    event_date = fields.Date(
        required=True,
        tracking=True,
        default=welfare_today,
        help="Day of the birth, admission, death or other event claimed for.",
    )
    units = fields.Float(
        digits=(16, 1),
        tracking=True,
        help="Nights, days or visits claimed, for benefits paid per unit.",
    )
    description = fields.Text(
        help="What happened, as the member tells it.",
    )
    member_health_consent = fields.Boolean(
        related="member_id.health_consent",
        string="Health Data Consent",
    )
    health_details = fields.Text(
        groups="welfare_base.group_welfare_officer",
        help="Diagnosis, hospital and treatment. Sensitive personal data: "
        "visible only to the officers and committee of the member's fund.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Documents",
        groups="welfare_base.group_welfare_officer",
        help="Scans or photos of the documents the member brought. May hold "
        "health data: visible only to the officers and committee of the fund.",
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id",
    )
    amount_requested = fields.Monetary(
        tracking=True,
    )
    amount_eligible = fields.Monetary(
        compute="_compute_eligibility",
        store=True,
        help="What the benefit's rule allows for this claim, given the "
        "member's history.",
    )
    eligibility_notes = fields.Text(
        string="Eligibility",
        compute="_compute_eligibility",
        store=True,
    )
    eligibility_refused = fields.Boolean(
        compute="_compute_eligibility",
        store=True,
    )
    amount_approved = fields.Monetary(
        tracking=True,
        copy=False,
        help="Set by the committee: at most the eligible amount.",
    )
    state = fields.Selection(
        selection=STATES,
        required=True,
        default="draft",
        tracking=True,
        copy=False,
        index=True,
    )
    submitted_date = fields.Date(
        readonly=True,
        copy=False,
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Decided By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_date = fields.Date(
        string="Decision Date",
        readonly=True,
        copy=False,
        tracking=True,
    )
    reject_reason = fields.Text(
        readonly=True,
        copy=False,
        tracking=True,
    )
    payee_partner_id = fields.Many2one(
        "res.partner",
        string="Named Payee",
        tracking=True,
        help="The person paid, for benefits paid to a person named on the claim.",
    )
    payee_line_ids = fields.One2many(
        "welfare.claim.payee",
        "claim_id",
        string="Payees",
        copy=False,
    )
    payment_date = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
    )
    payment_method = fields.Selection(
        selection=PAYMENT_METHODS,
        readonly=True,
        copy=False,
        tracking=True,
    )
    payment_reference = fields.Char(
        readonly=True,
        copy=False,
    )
    paid_by_id = fields.Many2one(
        "res.users",
        string="Paid By",
        readonly=True,
        copy=False,
    )
    payment_undo_reason = fields.Text(
        string="Payment Undone Because",
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        (
            "amounts_positive",
            "CHECK(units >= 0 AND amount_requested >= 0 AND amount_approved >= 0)",
            "Units and amounts of a claim cannot be negative.",
        ),
    ]

    def init(self):
        # One live claim per member, benefit, event and dependant: a partial
        # unique index, so that cancelled or rejected claims may be filed
        # again, and two children's scholarships of one day are two claims.
        self.env.cr.execute("DROP INDEX IF EXISTS welfare_claim_member_event_uniq")
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS welfare_claim_member_event_dep_uniq
                ON welfare_claim (member_id, benefit_type_id, event_date,
                                  COALESCE(dependant_id, 0))
             WHERE state NOT IN ('cancelled', 'rejected')
            """
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("member_id")
    def _compute_fund_id(self):
        for claim in self:
            if claim.member_id:
                claim.fund_id = claim.member_id.fund_id
            elif not claim.fund_id:
                claim.fund_id = claim._default_fund_id()

    @api.depends("category")
    def _compute_is_health(self):
        for claim in self:
            claim.is_health = claim.category in HEALTH_CATEGORIES

    def _past_claims_by_key(self):
        """{(member id, benefit id, dependant id or False): [(claim id, event
        date, amount)]}, one query: limits of a benefit for dependants count
        each dependant's claims (one scholarship a year for each child)."""
        claims = self.filtered(lambda c: c.member_id and c.benefit_type_id)
        if not claims:
            return {}
        # sudo: limits count past claims whoever filed them; only claims of these
        # claims' members (same fund) are read, for the eligibility figures.
        rows = (
            self.env["welfare.claim"]
            .sudo()
            .search_read(
                [
                    ("member_id", "in", claims.member_id.ids),
                    ("benefit_type_id", "in", claims.benefit_type_id.ids),
                    ("state", "in", COUNTED_STATES),
                ],
                [
                    "member_id",
                    "benefit_type_id",
                    "dependant_id",
                    "event_date",
                    "amount_approved",
                ],
                load=None,
            )
        )
        past = {}
        for row in rows:
            key = (row["member_id"], row["benefit_type_id"], row["dependant_id"])
            past.setdefault(key, []).append(
                (row["id"], row["event_date"], row["amount_approved"])
            )
        return past

    @api.model
    def _member_facts(self, member):
        # sudo: the rule needs the member's dates whoever prepares the claim.
        member = member.sudo()
        return benefit_rules.MemberFacts(
            join_date=member.join_date,
            state=member.state,
            death_date=member.death_date,
            paid_until=member.paid_until,
            birthdate=member.birthdate,
        )

    @api.model
    def _dependant_facts(self, dependant):
        if not dependant:
            return None
        # sudo: the rule needs the dependant's birth date whoever prepares it.
        dependant = dependant.sudo()
        return benefit_rules.DependantFacts(
            name=dependant.name,
            relationship=dependant.relationship,
            birthdate=dependant.birth_date,
            active=dependant.active,
        )

    @api.depends(*CLAIM_FACTS, "dependant_id.birth_date", "dependant_id.relationship")
    def _compute_eligibility(self):
        today = welfare_today(self)
        past = self._past_claims_by_key()
        for claim in self:
            if not (claim.member_id and claim.benefit_type_id):
                claim.amount_eligible = 0.0
                claim.eligibility_notes = False
                claim.eligibility_refused = False
                continue
            key = (
                claim.member_id.id,
                claim.benefit_type_id.id,
                claim.dependant_id._origin.id or False,
            )
            history = [
                benefit_rules.PastClaim(event_date=date, amount=amount)
                for claim_id, date, amount in past.get(key, [])
                if claim_id != claim._origin.id
            ]
            result = benefit_rules.evaluate(
                claim.benefit_type_id._get_rule(),
                self._member_facts(claim.member_id),
                claim.event_date,
                today,
                units=claim.units,
                past_claims=history,
                dependant=self._dependant_facts(claim.dependant_id),
            )
            claim.amount_eligible = result.amount
            claim.eligibility_notes = result.text()
            claim.eligibility_refused = result.refused

    def _refresh_eligibility(self):
        """Judge the claims again on the member's history of today."""
        self.env.add_to_compute(self._fields["amount_eligible"], self)
        self._recompute_recordset(
            ["amount_eligible", "eligibility_notes", "eligibility_refused"]
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    def _raise_double_claim(self, member, benefit, event_date, other):
        raise ValidationError(
            self.env._(
                "%(member)s already has claim %(other)s for %(benefit)s on "
                "%(date)s. Cancel it first if it was wrong.",
                member=member.display_name,
                other=other.name or "-",
                benefit=benefit.name,
                date=event_date,
            )
        )

    @api.model
    def _check_double_claim_keys(self, keys, exclude_ids=()):
        """Refuse live claims that repeat a member, benefit and event date.

        ``keys``: [(member id, benefit id, event date, dependant id or False)]
        about to be written. Checked before the database's unique index would
        refuse them, so the user gets a clear message.
        """
        keys = [(*k[:3], k[3] or False) for k in keys if all(k[:3])]
        if not keys:
            return
        # sudo: a double claim must be found whoever filed the first one.
        others = self.sudo().search(
            [
                ("id", "not in", list(exclude_ids)),
                ("member_id", "in", list({k[0] for k in keys})),
                ("benefit_type_id", "in", list({k[1] for k in keys})),
                ("event_date", "in", list({k[2] for k in keys})),
                ("state", "not in", ("cancelled", "rejected")),
            ]
        )
        seen = {
            (c.member_id.id, c.benefit_type_id.id, c.event_date, c.dependant_id.id): c
            for c in others
        }
        Member, Benefit = self.env["welfare.member"], self.env["welfare.benefit.type"]
        for key in keys:
            if key in seen:
                self._raise_double_claim(
                    Member.browse(key[0]), Benefit.browse(key[1]), key[2], seen[key]
                )
            seen[key] = self.browse()

    @api.constrains("health_details", "member_id")
    def _check_health_consent(self):
        # sudo: only whether health details are present is read, to refuse
        # them for members who did not consent (PDPA section 26)
        for claim, sudo_claim in zip(self, self.sudo(), strict=True):
            if sudo_claim.health_details and not claim.member_id.health_consent:
                raise ValidationError(
                    self.env._(
                        "%(member)s has not consented to the fund keeping health "
                        "data: record the consent on the member's form before "
                        "entering health details.",
                        member=claim.member_id.display_name,
                    )
                )

    @api.model
    def _check_health_benefit_consent(self, member, benefit):
        """A benefit for sickness, a hospital stay or a disability tells the
        member's health: it is filed only for a member who consented to the
        fund keeping health data (PDPA section 26). One rule for the form,
        RPC calls and the member portal."""
        if benefit.category in HEALTH_CATEGORIES and not member._welfare_has_consent(
            "health"
        ):
            raise ValidationError(
                self.env._(
                    "%(member)s has not consented to the fund keeping health "
                    "data: a claim for %(benefit)s tells their health (a "
                    "sickness, a hospital stay or a disability). Record the "
                    "consent to keep health data on the member's form first; "
                    "nothing was saved.",
                    member=member.display_name,
                    benefit=benefit.display_name,
                )
            )

    @api.constrains("member_id", "benefit_type_id")
    def _check_health_benefit(self):
        # the consents of all the claims' members are read at once
        health = self.filtered(
            lambda c: c.benefit_type_id.category in HEALTH_CATEGORIES
        )
        consenting = health.member_id._welfare_filter_consent("health")
        missing = health.filtered(lambda c: c.member_id not in consenting)[:1]
        if missing:
            self._check_health_benefit_consent(
                missing.member_id, missing.benefit_type_id
            )

    @api.constrains("dependant_id", "member_id", "benefit_type_id")
    def _check_dependant(self):
        for claim in self:
            if claim.dependant_id and claim.dependant_id.member_id != claim.member_id:
                raise ValidationError(
                    self.env._(
                        "%(dependant)s is not a dependant of %(member)s.",
                        dependant=claim.dependant_id.name,
                        member=claim.member_id.display_name,
                    )
                )
            if claim.claim_for not in (False, "member") and not claim.dependant_id:
                raise ValidationError(
                    self.env._(
                        "%(benefit)s is a benefit for a member's child or "
                        "dependant: choose whom this claim is for (register "
                        "the dependant on the member's form first).",
                        benefit=claim.benefit_type_id.name,
                    )
                )

    @api.constrains("member_id", "benefit_type_id")
    def _check_same_fund(self):
        for claim in self:
            if claim.benefit_type_id.fund_id != claim.member_id.fund_id:
                raise ValidationError(
                    self.env._(
                        "%(benefit)s is not a benefit of the fund of %(member)s.",
                        benefit=claim.benefit_type_id.name,
                        member=claim.member_id.display_name,
                    )
                )

    @api.constrains("amount_approved", "amount_eligible", "state")
    def _check_amount_approved(self):
        for claim in self:
            if claim.state not in COUNTED_STATES:
                continue
            rounding = claim.currency_id.rounding or 0.01
            if (
                float_compare(
                    claim.amount_approved,
                    claim.amount_eligible,
                    precision_rounding=rounding,
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "The approved amount of %(claim)s (%(approved)s) cannot be "
                        "above the eligible amount (%(eligible)s).",
                        claim=claim.name,
                        approved=claim.amount_approved,
                        eligible=claim.amount_eligible,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        members = self.env["welfare.member"].browse(
            [vals["member_id"] for vals in vals_list if vals.get("member_id")]
        )
        fund_of = {member.id: member.fund_id.id for member in members}
        for vals in vals_list:
            if vals.get("member_id") and not vals.get("fund_id"):
                vals["fund_id"] = fund_of.get(vals["member_id"])
        self.flush_model(
            ["state", "member_id", "benefit_type_id", "event_date", "dependant_id"]
        )
        self._check_double_claim_keys(
            [
                (
                    vals.get("member_id"),
                    vals.get("benefit_type_id"),
                    fields.Date.to_date(vals.get("event_date") or welfare_today(self)),
                    vals.get("dependant_id"),
                )
                for vals in vals_list
                if vals.get("state", "draft") not in ("cancelled", "rejected")
            ]
        )
        claims = super().create(vals_list)
        claims.filtered(lambda c: c.name == "/")._assign_document_numbers()
        return claims

    @api.model
    def _get_workflow_fields(self):
        """The committee's decision and the payment: set by the actions only."""
        return super()._get_workflow_fields() | {
            "amount_approved",
            "submitted_date",
            "approved_by_id",
            "approved_date",
            "reject_reason",
            "payment_date",
            "payment_method",
            "payment_reference",
            "paid_by_id",
            "payment_undo_reason",
            "payee_line_ids",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if (
            "amount_approved" in guarded
            and all(claim.state == "submitted" for claim in self)
            and self.env.user.has_group("welfare_base.group_welfare_committee")
        ):
            # the committee may propose the amount before approving; the
            # approval checks it against the eligible amount
            guarded.discard("amount_approved")
        return guarded

    def write(self, vals):
        if set(vals) & set(CLAIM_FACTS) and not self._in_workflow():
            frozen = self.filtered(lambda c: c.state != "draft")
            if frozen:
                raise UserError(
                    self.env._(
                        "Member, benefit, event date and units of %(claims)s can "
                        "no longer change: reset the claim to draft first.",
                        claims=", ".join(frozen.mapped("name")),
                    )
                )
        keyed = {"member_id", "benefit_type_id", "event_date", "state", "dependant_id"}
        if keyed & set(vals) and (vals.get("state") not in ("cancelled", "rejected")):
            self.flush_model(
                ["state", "member_id", "benefit_type_id", "event_date", "dependant_id"]
            )
            self._check_double_claim_keys(
                [
                    (
                        vals.get("member_id", claim.member_id.id),
                        vals.get("benefit_type_id", claim.benefit_type_id.id),
                        fields.Date.to_date(vals.get("event_date", claim.event_date)),
                        vals.get("dependant_id", claim.dependant_id.id),
                    )
                    for claim in self
                    if vals.get("state", claim.state) not in ("cancelled", "rejected")
                ],
                exclude_ids=self.ids,
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(
            claim.state not in ("draft", "cancelled") or claim.payment_date
            for claim in self
        ):
            raise UserError(
                self.env._("Only draft or cancelled claims can be deleted.")
            )
        self._release_document_numbers()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_committee(self):
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise AccessError(
                self.env._("Only the fund committee may decide on benefit claims.")
            )

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda c: c.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(claims)s in their present state.",
                    action=action,
                    claims=", ".join(wrong.mapped("name")),
                )
            )

    def action_submit(self):
        self._check_state(("draft",), self.env._("Submitting"))
        self._refresh_eligibility()
        for claim in self:
            if claim.payee_type == "named" and not claim.payee_partner_id:
                raise UserError(
                    self.env._(
                        "%(claim)s: name the person to be paid.", claim=claim.name
                    )
                )
            # a member without beneficiaries: the committee decides who is
            # paid before approving (see welfare_claim_death_payee.py)
        self._workflow_write(
            {
                "state": "submitted",
                "submitted_date": welfare_today(self),
            }
        )
        return True

    def _lock_members_for_decision(self):
        """Hold the claims' members until this transaction ends.

        Two committee members approving claims of the same member at once
        would each count the member's past claims without the other's, and
        together pass a yearly or lifetime cap. The members' rows are
        written (a no-op update): a second approval waits for the first, and
        once the first is committed PostgreSQL refuses the second's stale
        snapshot (a serialization failure), which the server retries on
        fresh data, where the first approval counts.
        """
        member_ids = tuple(sorted(set(self.member_id.ids)))
        if member_ids:
            self.env.cr.execute(
                "UPDATE welfare_member SET write_date = write_date WHERE id IN %s",
                (member_ids,),
            )

    def action_approve(self):
        self._check_committee()
        self._check_state(("submitted",), self.env._("Approving"))
        self._lock_members_for_decision()
        self._refresh_eligibility()
        today = welfare_today(self)
        for claim in self:
            if claim.eligibility_refused or claim.amount_eligible <= 0:
                raise UserError(
                    self.env._(
                        "%(claim)s is not eligible and can only be rejected:\n"
                        "%(notes)s",
                        claim=claim.name,
                        notes=claim.eligibility_notes or "",
                    )
                )
            approved = claim.amount_approved or min(
                claim.amount_requested or claim.amount_eligible,
                claim.amount_eligible,
            )
            claim._workflow_write(
                {
                    "state": "approved",
                    "amount_approved": approved,
                    "approved_by_id": self.env.user.id,
                    "approved_date": today,
                }
            )
        self._prepare_payee_lines()
        self._end_membership_on_death()
        return True

    def action_reject(self, reason):
        self._check_committee()
        self._check_state(("submitted",), self.env._("Rejecting"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for rejecting the claim."))
        self._workflow_write(
            {
                "state": "rejected",
                "reject_reason": reason,
                "approved_by_id": self.env.user.id,
                "approved_date": welfare_today(self),
            }
        )
        self._message_log_batch(
            bodies=dict.fromkeys(
                self.ids,
                self.env._("Claim rejected. Reason: %(reason)s", reason=reason),
            )
        )
        return True

    def action_cancel(self):
        self._check_state(("draft", "submitted", "approved"), self.env._("Cancelling"))
        if self.filtered(lambda c: c.state == "approved"):
            self._check_committee()
        self._workflow_write({"state": "cancelled"})
        return True

    def action_draft(self):
        self._check_state(("submitted", "rejected", "cancelled"), self.env._("Reset"))
        # a claim that was paid keeps its payment on record: file a new claim
        self.filtered("payment_date")._check_state((), self.env._("Reset"))
        self._workflow_write(
            {
                "state": "draft",
                "amount_approved": 0.0,
                "reject_reason": False,
                "approved_by_id": False,
                "approved_date": False,
            }
        )
        # sudo: payee lines are the approval's, which is undone here
        self.payee_line_ids.sudo()._workflow_open().unlink()
        return True

    def action_undo_payment(self, reason):
        """The committee undoes the payment of paid claims, giving the reason.

        The one way back from paid: the claim is cancelled (its amount no
        longer counts toward the member's caps), its payment stays on record
        and, with the fund's ledger, its entry is reversed, never edited.
        A new claim can then be filed.
        """
        self._check_committee()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for undoing the payment."))
        self.flush_model()
        states = self._lock_for_payment()
        self.invalidate_recordset(["state"])
        not_paid = self.filtered(lambda c: states.get(c.id) != "paid")
        not_paid._check_state((), self.env._("Undoing the payment"))
        self._workflow_write({"state": "cancelled", "payment_undo_reason": reason})
        self._message_log_batch(
            bodies=dict.fromkeys(
                self.ids,
                self.env._("Payment undone. Reason: %(reason)s", reason=reason),
            )
        )
        return True

    def action_open_undo_payment_wizard(self):
        self._check_state(("paid",), self.env._("Undoing the payment"))
        action = self.action_open_reject_wizard()
        action["name"] = self.env._("Undo Payment")
        action["context"] = dict(action["context"], default_mode="undo_payment")
        return action

    def action_check_eligibility(self):
        """Judge the claims again, e.g. after the member paid their arrears."""
        self._check_state(("draft", "submitted"), self.env._("Checking"))
        self._refresh_eligibility()
        return True

    def action_open_reject_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject Claim"),
            "res_model": "welfare.claim.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_ids": self.ids},
        }

    def action_open_pay_wizard(self):
        self._check_state(("approved",), self.env._("Paying"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pay Claim"),
            "res_model": "welfare.claim.pay",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_ids": self.ids},
        }

    # ------------------------------------------------------------------
    # Payees and payment
    # ------------------------------------------------------------------
    def _payee_shares(self):
        """[(partner, share percent)] of who receives this claim's money."""
        self.ensure_one()
        if self.payee_type == "named":
            return [(self.payee_partner_id, 100.0)]
        if self.payee_type == "beneficiaries":
            beneficiaries = self.member_id.beneficiary_ids
            missing = beneficiaries.filtered(lambda b: not b.partner_id)
            if missing:
                # sudo: a beneficiary without a contact gets one, in the fund's
                # company, so the payment can name who received it.
                partners = (
                    self.env["res.partner"]
                    .sudo()
                    .create(
                        [
                            {
                                "name": b.name,
                                "phone": b.phone,
                                "street": b.address,
                                "company_id": self.company_id.id,
                            }
                            for b in missing
                        ]
                    )
                )
                for beneficiary, partner in zip(missing, partners, strict=True):
                    beneficiary.partner_id = partner
            return [(b.partner_id, b.share) for b in beneficiaries]
        return [(self.member_id.partner_id, 100.0)]

    @api.model
    def _split_amount(self, amount, shares, rounding=0.01):
        """Amounts by share; the last payee takes the rounding remainder."""
        total = sum(shares) or 1.0
        amounts = [
            float_round(amount * share / total, precision_rounding=rounding)
            for share in shares[:-1]
        ]
        amounts.append(float_round(amount - sum(amounts), precision_rounding=rounding))
        return amounts

    def _prepare_payee_lines(self):
        """The payees of approved claims, from the benefit's payee rule.

        Payee lines are read-only for every user: only the approval makes
        them (and resetting the claim removes them), so who is paid is what
        the committee approved.
        """
        # sudo: the committee's approval was checked by the caller; the lines
        # are made for these claims only, from their member and benefit.
        self.payee_line_ids.sudo()._workflow_open().unlink()
        vals_list = []
        for claim in self:
            shares = claim._payee_shares()
            amounts = self._split_amount(
                claim.amount_approved,
                [share for _partner, share in shares],
                claim.currency_id.rounding or 0.01,
            )
            for (partner, share), amount in zip(shares, amounts, strict=True):
                vals_list.append(
                    {
                        "claim_id": claim.id,
                        "partner_id": partner.id,
                        "share": share,
                        "amount": amount,
                    }
                )
        self.env["welfare.claim.payee"].sudo()._workflow_create(vals_list)

    def _end_membership_on_death(self):
        deaths = self.filtered(
            lambda c: c.category == "death" and c.member_id.state != "deceased"
        )
        for claim in deaths:
            # sudo: an approved death claim ends its own member's membership (same
            # fund), whatever the approver's rights on members.
            claim.member_id.sudo().action_mark_deceased(
                claim.event_date,
                self.env._("death benefit claim %(claim)s approved", claim=claim.name),
            )

    def _lock_for_payment(self):
        """Lock the claims' rows; refuse when another payment holds them."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id, state FROM welfare_claim WHERE id IN %s "
                    "FOR UPDATE NOWAIT",
                    (tuple(self.ids),),
                )
                return dict(self.env.cr.fetchall())
        except psycopg2.errors.LockNotAvailable:
            raise UserError(
                self.env._(
                    "These claims are being paid from another screen right now. "
                    "Reload and check before paying again."
                )
            )

    def _mark_paid(self, payment_vals):
        """Move approved claims to paid: the one way a claim gets paid.

        ``payment_vals``: ``payment_date``, ``payment_method`` and optionally
        ``payment_reference``. The claims' rows are locked first, so two
        payments of the same claim, even from two screens at once, cannot both
        pass. Extended by the accounting module to post the benefit expense.
        """
        if not self:
            return True
        self.flush_model()
        states = self._lock_for_payment()
        self.invalidate_recordset(["state"])
        paid = self.filtered(lambda c: states.get(c.id) == "paid")
        if paid:
            raise UserError(
                self.env._(
                    "%(claims)s has already been paid.",
                    claims=", ".join(paid.mapped("name")),
                )
            )
        self._check_state(("approved",), self.env._("Paying"))
        if not payment_vals.get("payment_method"):
            raise UserError(self.env._("Choose how the claim is paid."))
        for claim in self:
            total = sum(claim.payee_line_ids.mapped("amount"))
            rounding = claim.currency_id.rounding or 0.01
            if (
                float_compare(total, claim.amount_approved, precision_rounding=rounding)
                != 0
            ):
                raise UserError(
                    self.env._(
                        "The payees of %(claim)s receive %(total)s, not the "
                        "approved %(approved)s.",
                        claim=claim.name,
                        total=total,
                        approved=claim.amount_approved,
                    )
                )
        self._workflow_write(
            {
                "state": "paid",
                "payment_date": payment_vals.get("payment_date") or welfare_today(self),
                "payment_method": payment_vals["payment_method"],
                "payment_reference": payment_vals.get("payment_reference"),
                "paid_by_id": self.env.user.id,
            }
        )
        return True

    # ------------------------------------------------------------------
    # Committee meeting
    # ------------------------------------------------------------------
    @api.model
    def _get_to_approve_total(self, fund):
        """Eligible total of the submitted claims of a fund: one query."""
        groups = self._read_group(
            [("fund_id", "=", fund.id), ("state", "=", "submitted")],
            [],
            ["amount_eligible:sum"],
        )
        return groups[0][0] or 0.0
