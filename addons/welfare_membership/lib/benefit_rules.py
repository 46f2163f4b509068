"""Benefit eligibility: how much a member may receive for one claim, and why.

Plain Python, no Odoo. The claim model feeds it plain values (the member's
facts, the benefit type's rule, the member's earlier claims of the same type)
and shows the result: the eligible amount and one plain-Thai line for every
rule that shaped, limited or refused it.

Conventions:
- amounts are in baht (floats rounded to the satang), dates are ``datetime.date``;
- a limit of 0 (or ``None``) means "no limit";
- the fiscal year is CODI's: 1 October - 30 September, named by the CE year in
  which it ends (fiscal year 2025 = 1 Oct 2024 - 30 Sep 2025), shown in BE;
- the waiting period is met ON the day ``join_date + waiting_days``;
- years of membership and age are counted in completed years on the event day;
- a benefit for a dependant (``Rule.claim_for``: a child's scholarship, the
  birth of a child) judges the age of the dependant named on the claim, not
  the member's; the membership conditions (waiting period, paid up, claims
  and caps) stay the member's.
"""

import datetime
from dataclasses import dataclass, field

from odoo.addons.welfare_base.lib.thai_calendar import (
    BE_OFFSET,
    completed_years,
    fiscal_year_bounds,
    fiscal_year_of,
    thai_date,
)

AMOUNT_FIXED = "fixed"
AMOUNT_PER_UNIT = "per_unit"
AMOUNT_TIERED = "tiered"

# Whom a benefit is for: the member, a child of the member, any dependant.
FOR_MEMBER = "member"
FOR_CHILD = "child"
FOR_DEPENDANT = "dependant"

# Member states in which a member may claim for an event.
CLAIMING_STATES = ("active", "grace")

# Reason kinds: "info" explains the amount, "limit" lowered it, "refuse" made it 0.
INFO = "info"
LIMIT = "limit"
REFUSE = "refuse"


@dataclass(frozen=True)
class Rule:
    """The amount rule of a benefit type."""

    amount_type: str = AMOUNT_FIXED
    amount: float = 0.0
    unit_label: str = "หน่วย"
    max_units: float = 0.0
    # ((min completed years of membership, amount), ...) in any order
    tiers: tuple = ()
    cap_per_claim: float = 0.0
    cap_per_year: float = 0.0
    cap_lifetime: float = 0.0
    max_claims_per_year: int = 0
    max_claims_lifetime: int = 0
    waiting_days: int = 0
    require_paid_up: bool = False
    min_age: int = 0
    max_age: int = 0
    claim_for: str = FOR_MEMBER


@dataclass(frozen=True)
class DependantFacts:
    """The dependant a claim is for (a child, a spouse...)."""

    name: str = ""
    relationship: str = "child"
    birthdate: datetime.date = None
    active: bool = True


@dataclass(frozen=True)
class MemberFacts:
    """What the engine needs to know about the member."""

    join_date: datetime.date = None
    state: str = "active"
    death_date: datetime.date = None
    paid_until: datetime.date = None
    birthdate: datetime.date = None


@dataclass(frozen=True)
class PastClaim:
    """An earlier approved or paid claim of the same member and benefit type."""

    event_date: datetime.date
    amount: float


@dataclass(frozen=True)
class Reason:
    code: str
    kind: str
    text: str


@dataclass
class Result:
    amount: float = 0.0
    reasons: list = field(default_factory=list)

    @property
    def refused(self):
        return any(r.kind == REFUSE for r in self.reasons)

    @property
    def codes(self):
        return [r.code for r in self.reasons]

    def text(self):
        """The explanation, one line per reason."""
        return "\n".join(r.text for r in self.reasons)

    def _add(self, code, kind, text):
        self.reasons.append(Reason(code, kind, text))


# ---------------------------------------------------------------- helpers


def baht(amount):
    """'1,250' or '1,250.50' baht, without the word."""
    amount = round(amount or 0.0, 2)
    if amount == int(amount):
        return f"{int(amount):,}"
    return f"{amount:,.2f}"


def _num(value):
    return f"{int(value)}" if value == int(value) else f"{value:g}"


def paid_up_required_until(event_date):
    """Last day the contributions must cover for a member to be paid up.

    A member is paid up on the event day when every month before the month of
    the event is covered: members who pay on the village's monthly collection
    day are not refused for the current month they have not reached yet.
    This is the suite's one definition of "paid up": claims' eligibility and
    the assessment's share of members paid up both use it.
    """
    return event_date.replace(day=1) - datetime.timedelta(days=1)


def is_paid_up(paid_until, day):
    """Whether contributions covering up to ``paid_until`` make a member paid
    up on ``day`` (see :func:`paid_up_required_until`)."""
    return bool(paid_until) and paid_until >= paid_up_required_until(day)


def _round(amount):
    return round(max(amount, 0.0) + 0.0, 2)


# ---------------------------------------------------------------- checks


def _check_event(result, member, event_date, today):
    ok = True
    if event_date > today:
        result._add(
            "future_event",
            REFUSE,
            f"วันที่เกิดเหตุ {thai_date(event_date, short=True)} ยังมาไม่ถึง "
            "(ยื่นขอรับสวัสดิการล่วงหน้าไม่ได้)",
        )
        ok = False
    if member.death_date and member.death_date < event_date:
        result._add(
            "deceased",
            REFUSE,
            f"สมาชิกเสียชีวิตแล้วเมื่อ {thai_date(member.death_date, short=True)} "
            "ก่อนวันที่เกิดเหตุ",
        )
        return False
    if member.state == "deceased" and not member.death_date:
        result._add("deceased", REFUSE, "สมาชิกเสียชีวิตแล้ว")
        return False
    if member.state not in CLAIMING_STATES and member.state != "deceased":
        result._add(
            "not_active",
            REFUSE,
            "สมาชิกไม่อยู่ในสถานะที่มีสิทธิ์รับสวัสดิการ (ต้องเป็นสมาชิกปกติ)",
        )
        ok = False
    if not member.join_date or event_date < member.join_date:
        result._add(
            "before_join",
            REFUSE,
            "วันที่เกิดเหตุอยู่ก่อนวันที่เข้าเป็นสมาชิก",
        )
        ok = False
    return ok


def _check_waiting(result, rule, member, event_date):
    if not rule.waiting_days or not member.join_date:
        return True
    days = (event_date - member.join_date).days
    if days >= rule.waiting_days:
        return True
    first_day = member.join_date + datetime.timedelta(days=rule.waiting_days)
    result._add(
        "waiting_period",
        REFUSE,
        f"ยังไม่พ้นระยะรอสิทธิ์ {rule.waiting_days} วัน "
        f"(เป็นสมาชิกมา {max(days, 0)} วัน มีสิทธิ์ตั้งแต่ {thai_date(first_day, short=True)})",
    )
    return False


def _check_paid_up(result, rule, member, event_date):
    if not rule.require_paid_up:
        return True
    if is_paid_up(member.paid_until, event_date):
        return True
    needed = paid_up_required_until(event_date)
    covered = (
        f"ส่งเงินสมทบถึง {thai_date(member.paid_until, short=True)}"
        if member.paid_until
        else "ยังไม่เคยส่งเงินสมทบ"
    )
    result._add(
        "not_paid_up",
        REFUSE,
        f"ค้างส่งเงินสมทบ: ต้องส่งถึง {thai_date(needed, short=True)} แต่{covered}",
    )
    return False


def _check_dependant(result, rule, dependant):
    """A benefit for a dependant names one, of the relationship it is for."""
    if rule.claim_for == FOR_MEMBER:
        return True
    if dependant is None:
        who = "บุตร" if rule.claim_for == FOR_CHILD else "ผู้อยู่ในอุปการะ"
        result._add(
            "no_dependant",
            REFUSE,
            f"สวัสดิการนี้สำหรับ{who}ของสมาชิก: ต้องระบุ{who}ที่ขอรับ",
        )
        return False
    if rule.claim_for == FOR_CHILD and dependant.relationship != "child":
        result._add(
            "not_a_child",
            REFUSE,
            f"สวัสดิการนี้สำหรับบุตรของสมาชิก แต่ {dependant.name} ไม่ใช่บุตร",
        )
        return False
    return True


def _check_age(result, rule, member, event_date, dependant=None):
    if not rule.min_age and not rule.max_age:
        return True
    # a benefit for a dependant judges the dependant's age
    if rule.claim_for != FOR_MEMBER:
        if dependant is None:
            return False  # refused by _check_dependant
        birthdate, who = dependant.birthdate, f"{dependant.name} "
        unknown = f"ไม่ทราบวันเกิดของ {dependant.name} จึงตรวจเงื่อนไขอายุไม่ได้"
    else:
        birthdate, who = member.birthdate, ""
        unknown = "ไม่ทราบวันเกิดของสมาชิก จึงตรวจเงื่อนไขอายุไม่ได้"
    if not birthdate:
        result._add("age_unknown", REFUSE, unknown)
        return False
    age = completed_years(birthdate, event_date)
    if rule.min_age and age < rule.min_age:
        result._add(
            "age_below_min",
            REFUSE,
            f"{who}อายุ {age} ปี ต่ำกว่าเกณฑ์ขั้นต่ำ {rule.min_age} ปี",
        )
        return False
    if rule.max_age and age > rule.max_age:
        result._add(
            "age_above_max",
            REFUSE,
            f"{who}อายุ {age} ปี เกินเกณฑ์สูงสุด {rule.max_age} ปี",
        )
        return False
    if who:
        result._add("dependant_age", INFO, f"{who}อายุ {age} ปี ในวันที่เกิดเหตุ")
    return True


def _check_counts(result, rule, past_in_year, past, fiscal_year):
    ok = True
    if rule.max_claims_per_year and len(past_in_year) >= rule.max_claims_per_year:
        result._add(
            "max_claims_year",
            REFUSE,
            f"ปีงบประมาณ {fiscal_year + BE_OFFSET} ใช้สิทธิ์ครบ "
            f"{rule.max_claims_per_year} ครั้งแล้ว",
        )
        ok = False
    if rule.max_claims_lifetime and len(past) >= rule.max_claims_lifetime:
        result._add(
            "max_claims_lifetime",
            REFUSE,
            f"ใช้สิทธิ์ครบ {rule.max_claims_lifetime} ครั้งตลอดการเป็นสมาชิกแล้ว",
        )
        ok = False
    return ok


# ---------------------------------------------------------------- amounts


def _base_amount(result, rule, member, event_date, units):
    """The amount before caps, or None when the rule gives nothing."""
    if rule.amount_type == AMOUNT_PER_UNIT:
        units = units or 0
        if units <= 0:
            result._add(
                "no_units",
                REFUSE,
                f"ต้องระบุจำนวน{rule.unit_label}ที่ขอรับ",
            )
            return None
        if rule.max_units and units > rule.max_units:
            result._add(
                "max_units",
                LIMIT,
                f"ขอ {_num(units)} {rule.unit_label} "
                f"จ่ายได้ไม่เกิน {_num(rule.max_units)} {rule.unit_label}ต่อครั้ง",
            )
            units = rule.max_units
        amount = units * rule.amount
        result._add(
            "per_unit",
            INFO,
            f"{rule.unit_label}ละ {baht(rule.amount)} บาท × {_num(units)} "
            f"{rule.unit_label} = {baht(amount)} บาท",
        )
        return amount
    if rule.amount_type == AMOUNT_TIERED:
        years = completed_years(member.join_date, event_date)
        tiers = sorted(rule.tiers)
        reached = [t for t in tiers if t[0] <= years]
        if not reached:
            first = tiers[0][0] if tiers else 0
            result._add(
                "tier_not_reached",
                REFUSE,
                f"เป็นสมาชิกมา {years} ปี ยังไม่ถึงขั้นแรก ({first} ปี)",
            )
            return None
        min_years, amount = reached[-1]
        result._add(
            "tier",
            INFO,
            f"เป็นสมาชิกครบ {years} ปี ได้รับตามขั้น {min_years} ปีขึ้นไป {baht(amount)} บาท",
        )
        return amount
    result._add("fixed", INFO, f"อัตราคงที่ {baht(rule.amount)} บาท")
    return rule.amount


def _apply_caps(result, rule, amount, past_in_year, past, fiscal_year):
    if rule.cap_per_claim and amount > rule.cap_per_claim:
        result._add(
            "cap_claim",
            LIMIT,
            f"เพดานต่อครั้ง {baht(rule.cap_per_claim)} บาท",
        )
        amount = rule.cap_per_claim
    if rule.cap_per_year:
        used = sum(c.amount for c in past_in_year)
        left = max(rule.cap_per_year - used, 0.0)
        if left <= 0:
            result._add(
                "cap_year_reached",
                REFUSE,
                f"ปีงบประมาณ {fiscal_year + BE_OFFSET} ได้รับไปแล้ว {baht(used)} "
                f"บาท เต็มเพดานต่อปี {baht(rule.cap_per_year)} บาท",
            )
            return 0.0
        if amount > left:
            result._add(
                "cap_year",
                LIMIT,
                f"ปีงบประมาณ {fiscal_year + BE_OFFSET} ได้รับไปแล้ว {baht(used)} "
                f"บาท จากเพดานต่อปี {baht(rule.cap_per_year)} บาท "
                f"เหลือสิทธิ์ {baht(left)} บาท",
            )
            amount = left
    if rule.cap_lifetime:
        used = sum(c.amount for c in past)
        left = max(rule.cap_lifetime - used, 0.0)
        if left <= 0:
            result._add(
                "cap_lifetime_reached",
                REFUSE,
                f"ได้รับไปแล้ว {baht(used)} บาท "
                f"เต็มเพดานตลอดการเป็นสมาชิก {baht(rule.cap_lifetime)} บาท",
            )
            return 0.0
        if amount > left:
            result._add(
                "cap_lifetime",
                LIMIT,
                f"ได้รับไปแล้ว {baht(used)} บาท จากเพดานตลอดการเป็นสมาชิก "
                f"{baht(rule.cap_lifetime)} บาท เหลือสิทธิ์ {baht(left)} บาท",
            )
            amount = left
    return amount


# ---------------------------------------------------------------- entry point


def evaluate(rule, member, event_date, today, units=0, past_claims=(), dependant=None):
    """Eligible amount of one claim and the reasons, as a :class:`Result`.

    ``past_claims``: the member's earlier approved/paid claims of the same
    benefit type (not the claim being evaluated), as :class:`PastClaim`.
    ``dependant``: the :class:`DependantFacts` of the person a benefit for a
    dependant is claimed for.
    Every refusal is reported (not only the first), so the officer sees all
    that is missing at once; any refusal makes the amount 0.
    """
    result = Result()
    if not event_date:
        result._add("no_event_date", REFUSE, "ต้องระบุวันที่เกิดเหตุ")
        return result
    fiscal_year = fiscal_year_of(event_date)
    start, end = fiscal_year_bounds(fiscal_year)
    past = list(past_claims)
    past_in_year = [c for c in past if start <= c.event_date <= end]

    amount = _base_amount(result, rule, member, event_date, units)
    checks = [
        _check_event(result, member, event_date, today),
        _check_waiting(result, rule, member, event_date),
        _check_paid_up(result, rule, member, event_date),
        _check_dependant(result, rule, dependant),
        _check_age(result, rule, member, event_date, dependant),
        _check_counts(result, rule, past_in_year, past, fiscal_year),
    ]
    if amount is None or not all(checks):
        result.amount = 0.0
        return result
    amount = _apply_caps(result, rule, amount, past_in_year, past, fiscal_year)
    result.amount = 0.0 if result.refused else _round(amount)
    return result
