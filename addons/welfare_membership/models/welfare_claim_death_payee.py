from odoo import api, fields, models
from odoo.exceptions import UserError

from .welfare_member_dependant import RELATIONSHIPS

DEATH_PAYEE_BASES = [
    ("heirs", "Statutory Heir"),
    ("funeral_organiser", "Person Who Arranged the Funeral"),
]
#: the committee's decision on who receives a benefit of a member without
#: named beneficiaries: set by ``action_decide_death_payee`` only
DEATH_PAYEE_FIELDS = (
    "death_payee_basis",
    "death_payee_partner_id",
    "death_payee_relationship",
    "death_payee_meeting_id",
    "death_payee_note",
    "death_payee_decided_by_id",
)


class WelfareClaim(models.Model):
    """A death benefit of a member who named no beneficiary: paid to a
    statutory heir or to the person who arranged the funeral, as the committee
    decides at a meeting, the decision recorded on the claim."""

    _inherit = "welfare.claim"

    death_payee_basis = fields.Selection(
        DEATH_PAYEE_BASES,
        string="Paid As",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the committee when the member named no beneficiary: the "
        "benefit goes to a statutory heir or to whoever arranged the funeral.",
    )
    death_payee_partner_id = fields.Many2one(
        "res.partner",
        string="Decided Payee",
        readonly=True,
        copy=False,
        tracking=True,
    )
    death_payee_relationship = fields.Selection(
        RELATIONSHIPS,
        string="Relationship to the Member",
        readonly=True,
        copy=False,
    )
    death_payee_meeting_id = fields.Many2one(
        "welfare.fund.meeting",
        string="Decided at Meeting",
        readonly=True,
        copy=False,
        tracking=True,
    )
    death_payee_note = fields.Text(
        string="Basis of the Decision",
        readonly=True,
        copy=False,
    )
    death_payee_decided_by_id = fields.Many2one(
        "res.users",
        string="Payee Decided By",
        readonly=True,
        copy=False,
    )
    member_has_beneficiaries = fields.Boolean(
        compute="_compute_member_has_beneficiaries",
    )

    @api.depends("member_id.beneficiary_ids")
    def _compute_member_has_beneficiaries(self):
        for claim in self:
            claim.member_has_beneficiaries = bool(claim.member_id.beneficiary_ids)

    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | set(DEATH_PAYEE_FIELDS)

    def action_decide_death_payee(
        self, partner, relationship, basis, meeting, note=None
    ):
        """The committee decides who receives the benefit of a member who named
        no beneficiary: a statutory heir or the funeral's organiser."""
        self._check_committee()
        self._check_state(("draft", "submitted"), self.env._("Deciding the payee"))
        wrong = self.filtered(lambda c: c.payee_type != "beneficiaries")
        if wrong:
            raise UserError(
                self.env._(
                    "%(claims)s: only a benefit paid to the beneficiaries may be "
                    "paid to an heir or the funeral's organiser instead.",
                    claims=", ".join(wrong.mapped("name")),
                )
            )
        named = self.filtered(lambda c: c.member_id.beneficiary_ids)
        if named:
            raise UserError(
                self.env._(
                    "%(claims)s: the member named beneficiaries, who receive the "
                    "benefit by share.",
                    claims=", ".join(named.mapped("name")),
                )
            )
        if basis not in dict(DEATH_PAYEE_BASES):
            raise UserError(
                self.env._(
                    "Say whether the payee is an heir or the funeral's organiser."
                )
            )
        if not partner:
            raise UserError(self.env._("Name the person to be paid."))
        if not meeting:
            raise UserError(
                self.env._("Name the committee meeting that decided who is paid.")
            )
        if meeting.fund_id not in self.fund_id:
            raise UserError(
                self.env._("The meeting must be a meeting of the claim's fund.")
            )
        self._workflow_write(
            {
                "death_payee_basis": basis,
                "death_payee_partner_id": partner.id,
                "death_payee_relationship": relationship or "other",
                "death_payee_meeting_id": meeting.id,
                "death_payee_note": note,
                "death_payee_decided_by_id": self.env.user.id,
            }
        )
        return True

    def action_open_death_payee_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decide Who Is Paid"),
            "res_model": "welfare.claim.death.payee",
            "view_mode": "form",
            "target": "new",
            "context": {"default_claim_ids": self.ids},
        }

    def action_approve(self):
        self._check_committee()
        undecided = self.filtered(
            lambda c: (
                c.payee_type == "beneficiaries"
                and not c.member_id.beneficiary_ids
                and not c.death_payee_partner_id
            )
        )
        if undecided:
            undecided[:1]._payee_shares()  # says what the committee must decide
        return super().action_approve()

    def _payee_shares(self):
        self.ensure_one()
        if self.payee_type == "beneficiaries" and not self.member_id.beneficiary_ids:
            if not self.death_payee_partner_id:
                raise UserError(
                    self.env._(
                        "%(member)s named no beneficiary: the committee first "
                        "decides who receives %(claim)s (a statutory heir or the "
                        "person who arranged the funeral), with the meeting.",
                        member=self.member_id.display_name,
                        claim=self.name,
                    )
                )
            return [(self.death_payee_partner_id, 100.0)]
        return super()._payee_shares()
