from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.welfare_base.lib.fund_snapshot import BENEFIT_CATEGORIES

from ..lib import benefit_rules

#: CODI's benefit categories, shared with the fund snapshots and the roll-up
CATEGORIES = BENEFIT_CATEGORIES

# Categories whose claims carry health details (sensitive under the PDPA).
HEALTH_CATEGORIES = ("sickness", "hospital", "disadvantaged")

# Thai unit words used in the explanation of an amount.
UNIT_WORDS = {
    "night": "คืน",
    "day": "วัน",
    "visit": "ครั้ง",
    "item": "หน่วย",
}

# Rule fields copied when a catalogue is copied from one place to another.
RULE_FIELDS = (
    "name",
    "sequence",
    "category",
    "is_basic",
    "description",
    "required_documents",
    "amount_type",
    "amount",
    "unit",
    "max_units",
    "cap_per_claim",
    "cap_per_year",
    "cap_lifetime",
    "max_claims_per_year",
    "max_claims_lifetime",
    "waiting_days",
    "require_paid_up",
    "min_age",
    "max_age",
    "payee_type",
    "claim_for",
)


class WelfareBenefitRuleMixin(models.AbstractModel):
    """What a benefit pays and on which conditions.

    Shared by a fund's benefit types and by the ready catalogue they are
    copied from; the rule itself is applied by ``lib/benefit_rules.py``.
    """

    _name = "welfare.benefit.rule.mixin"
    _description = "Benefit Rule"
    _order = "sequence, id"

    name = fields.Char(
        required=True,
    )
    sequence = fields.Integer(
        default=10,
    )
    active = fields.Boolean(
        default=True,
    )
    category = fields.Selection(
        selection=CATEGORIES,
        required=True,
        default="other",
        help="Category on CODI's fund status form.",
    )
    is_basic = fields.Boolean(
        string="Basic Benefit",
        help="Counts toward the three basic benefits a fund must offer to "
        "receive CODI matching money.",
    )
    description = fields.Text()
    required_documents = fields.Text(
        help="Documents the member brings with a claim, one per line.",
    )
    amount_type = fields.Selection(
        selection=[
            ("fixed", "Fixed Amount"),
            ("per_unit", "Per Unit"),
            ("tiered", "Tiers by Years of Membership"),
        ],
        string="Amount Rule",
        required=True,
        default="fixed",
    )
    amount = fields.Float(
        string="Amount",
        digits=(16, 2),
        help="The fixed amount, or the amount per unit.",
    )
    unit = fields.Selection(
        selection=[
            ("night", "Night"),
            ("day", "Day"),
            ("visit", "Visit"),
            ("item", "Unit"),
        ],
        default="night",
    )
    max_units = fields.Float(
        string="Max Units per Claim",
        digits=(16, 1),
        help="0 means no limit.",
    )
    cap_per_claim = fields.Float(
        string="Cap per Claim",
        digits=(16, 2),
        help="0 means no cap.",
    )
    cap_per_year = fields.Float(
        string="Cap per Fiscal Year",
        digits=(16, 2),
        help="Most a member receives from this benefit in one fiscal year "
        "(1 October - 30 September). 0 means no cap.",
    )
    cap_lifetime = fields.Float(
        string="Lifetime Cap",
        digits=(16, 2),
        help="Most a member receives from this benefit in their whole "
        "membership. 0 means no cap.",
    )
    max_claims_per_year = fields.Integer(
        string="Max Claims per Fiscal Year",
        help="0 means no limit.",
    )
    max_claims_lifetime = fields.Integer(
        string="Max Claims in a Lifetime",
        help="0 means no limit.",
    )
    waiting_days = fields.Integer(
        string="Waiting Period (Days)",
        help="Days from joining before the benefit may be claimed; the "
        "member is eligible on the day the period ends.",
    )
    require_paid_up = fields.Boolean(
        string="Must Be Paid Up",
        default=True,
        help="Refuse claims of members whose contributions do not cover "
        "every month before the month of the event.",
    )
    min_age = fields.Integer(
        string="Minimum Age",
        help="Completed years on the day of the event. 0 means no limit.",
    )
    max_age = fields.Integer(
        string="Maximum Age",
        help="Completed years on the day of the event. 0 means no limit.",
    )
    claim_for = fields.Selection(
        selection=[
            ("member", "The Member"),
            ("child", "A Child of the Member"),
            ("dependant", "A Dependant of the Member"),
        ],
        string="Benefit For",
        required=True,
        default="member",
        help="Whom the benefit is for. For a child or another dependant (a "
        "scholarship for members' children, the birth of a child), each claim "
        "names the dependant, registered on the member's form, and the age "
        "conditions are judged on the dependant's birth date; the waiting "
        "period, payments and limits remain the member's.",
    )
    payee_type = fields.Selection(
        selection=[
            ("member", "The Member"),
            ("beneficiaries", "The Beneficiaries by Share"),
            ("named", "A Person Named on the Claim"),
        ],
        string="Paid To",
        required=True,
        default="member",
    )

    _sql_constraints = [
        (
            "amounts_positive",
            "CHECK(amount >= 0 AND max_units >= 0 AND cap_per_claim >= 0 "
            "AND cap_per_year >= 0 AND cap_lifetime >= 0)",
            "Amounts, units and caps cannot be negative.",
        ),
        (
            "limits_positive",
            "CHECK(max_claims_per_year >= 0 AND max_claims_lifetime >= 0 "
            "AND waiting_days >= 0 AND min_age >= 0 AND max_age >= 0)",
            "Limits, waiting periods and ages cannot be negative.",
        ),
    ]

    @api.constrains("min_age", "max_age")
    def _check_ages(self):
        for rule in self:
            if rule.max_age and rule.max_age < rule.min_age:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the maximum age cannot be below the minimum age.",
                        name=rule.name,
                    )
                )

    @api.constrains("amount_type", "amount")
    def _check_amount(self):
        for rule in self:
            if rule.amount_type in ("fixed", "per_unit") and rule.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "%(name)s: a fixed or per-unit benefit needs an amount.",
                        name=rule.name,
                    )
                )

    def _get_tier_pairs(self):
        """((min years, amount), ...) of the rule's tiers."""
        self.ensure_one()
        return tuple((t.min_years, t.amount) for t in self.tier_ids)

    def _get_rule(self):
        """The rule as the plain value the engine takes."""
        self.ensure_one()
        return benefit_rules.Rule(
            amount_type=self.amount_type,
            amount=self.amount,
            unit_label=UNIT_WORDS.get(self.unit, UNIT_WORDS["item"]),
            max_units=self.max_units,
            tiers=self._get_tier_pairs() if self.amount_type == "tiered" else (),
            cap_per_claim=self.cap_per_claim,
            cap_per_year=self.cap_per_year,
            cap_lifetime=self.cap_lifetime,
            max_claims_per_year=self.max_claims_per_year,
            max_claims_lifetime=self.max_claims_lifetime,
            waiting_days=self.waiting_days,
            require_paid_up=self.require_paid_up,
            min_age=self.min_age,
            max_age=self.max_age,
            claim_for=self.claim_for or benefit_rules.FOR_MEMBER,
        )

    def _get_copy_values(self):
        """Values of a benefit type made from this rule (catalogue copies)."""
        self.ensure_one()
        vals = {name: self[name] for name in RULE_FIELDS}
        vals["tier_ids"] = [
            fields.Command.create({"min_years": t.min_years, "amount": t.amount})
            for t in self.tier_ids
        ]
        return vals
