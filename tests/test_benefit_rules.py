import datetime

import pytest

from odoo.addons.welfare_membership.lib import benefit_rules as br

D = datetime.date
TODAY = D(2025, 6, 30)
EVENT = D(2025, 6, 1)
MEMBER = br.MemberFacts(
    join_date=D(2020, 1, 15),
    state="active",
    paid_until=D(2025, 6, 30),
    birthdate=D(1960, 5, 1),
)


def run(rule, member=MEMBER, event=EVENT, units=0, past=(), today=TODAY):
    return br.evaluate(rule, member, event, today, units=units, past_claims=past)


def member(**changes):
    values = {
        "join_date": MEMBER.join_date,
        "state": MEMBER.state,
        "paid_until": MEMBER.paid_until,
        "birthdate": MEMBER.birthdate,
        "death_date": None,
    }
    values.update(changes)
    return br.MemberFacts(**values)


# ------------------------------------------------------------------ amounts


def test_fixed_amount_is_paid_as_is():
    result = run(br.Rule(amount=1000))
    assert result.amount == 1000
    assert not result.refused
    assert result.codes == ["fixed"]


def test_per_unit_multiplies_units():
    rule = br.Rule(amount_type="per_unit", amount=200, unit_label="คืน")
    result = run(rule, units=2)
    assert result.amount == 400
    assert "คืนละ 200 บาท × 2 คืน = 400 บาท" in result.text()


def test_per_unit_is_limited_to_max_units():
    rule = br.Rule(amount_type="per_unit", amount=200, max_units=3)
    result = run(rule, units=5)
    assert result.amount == 600
    assert "max_units" in result.codes


def test_per_unit_without_units_is_refused():
    rule = br.Rule(amount_type="per_unit", amount=200)
    result = run(rule, units=0)
    assert result.amount == 0
    assert "no_units" in result.codes


def test_cap_per_claim_lowers_the_amount():
    rule = br.Rule(amount_type="per_unit", amount=200, cap_per_claim=600)
    result = run(rule, units=4)
    assert result.amount == 600
    assert "cap_claim" in result.codes


def test_cap_per_year_counts_what_was_paid_in_the_fiscal_year():
    rule = br.Rule(amount_type="per_unit", amount=200, cap_per_year=1000)
    past = [br.PastClaim(D(2024, 11, 3), 600)]
    result = run(rule, units=3, past=past)
    assert result.amount == 400
    assert "cap_year" in result.codes
    assert "ได้รับไปแล้ว 600 บาท" in result.text()
    assert "ปีงบประมาณ 2568" in result.text()


def test_cap_per_year_ignores_claims_of_the_previous_fiscal_year():
    rule = br.Rule(amount_type="per_unit", amount=200, cap_per_year=1000)
    # 30 September 2024 belongs to fiscal year 2024, the event to 2025.
    past = [br.PastClaim(D(2024, 9, 30), 1000)]
    result = run(rule, units=3, past=past)
    assert result.amount == 600


def test_fiscal_year_starts_on_the_first_of_october():
    rule = br.Rule(amount_type="per_unit", amount=200, cap_per_year=1000)
    past = [br.PastClaim(D(2024, 10, 1), 1000)]
    result = run(rule, units=1, past=past)
    assert result.amount == 0
    assert "cap_year_reached" in result.codes


def test_cap_per_year_reached_refuses():
    rule = br.Rule(amount=500, cap_per_year=1000)
    past = [br.PastClaim(D(2025, 1, 5), 500), br.PastClaim(D(2025, 3, 5), 500)]
    result = run(rule, past=past)
    assert result.amount == 0
    assert result.refused


def test_cap_lifetime_lowers_then_refuses():
    rule = br.Rule(amount=3000, cap_lifetime=5000)
    first = run(rule, past=[br.PastClaim(D(2021, 1, 1), 3000)])
    assert first.amount == 2000
    assert "cap_lifetime" in first.codes
    second = run(rule, past=[br.PastClaim(D(2021, 1, 1), 5000)])
    assert second.amount == 0
    assert "cap_lifetime_reached" in second.codes


@pytest.mark.parametrize(
    ("event", "amount"),
    [
        (D(2021, 1, 14), 0),  # 11 months 30 days: no tier yet
        (D(2021, 1, 15), 3000),  # first anniversary: 1 year
        (D(2025, 1, 14), 3000),  # 4 years 364 days: still the 1-year tier
        (D(2025, 1, 15), 10000),  # 5 years exactly
        (D(2030, 1, 15), 30000),  # 10 years exactly
    ],
)
def test_tiers_by_completed_years_of_membership(event, amount):
    rule = br.Rule(
        amount_type="tiered",
        tiers=((10, 30000), (1, 3000), (5, 10000)),
    )
    result = run(rule, event=event, today=D(2031, 1, 1))
    assert result.amount == amount


def test_tier_not_reached_explains_the_first_tier():
    rule = br.Rule(amount_type="tiered", tiers=((1, 3000),))
    result = run(rule, member=member(join_date=D(2025, 1, 1)))
    assert result.amount == 0
    assert "ยังไม่ถึงขั้นแรก (1 ปี)" in result.text()


# ------------------------------------------------------------------ conditions


@pytest.mark.parametrize(
    ("event", "eligible"),
    [
        (D(2025, 7, 13), False),  # day 179
        (D(2025, 7, 14), True),  # day 180: the boundary day is eligible
    ],
)
def test_waiting_period_boundary_day(event, eligible):
    rule = br.Rule(amount=500, waiting_days=180)
    joined = member(join_date=D(2025, 1, 15), paid_until=D(2025, 12, 31))
    result = run(rule, member=joined, event=event, today=D(2025, 12, 31))
    assert (result.amount == 500) is eligible
    assert ("waiting_period" in result.codes) is not eligible


def test_waiting_period_reason_gives_the_first_eligible_day():
    rule = br.Rule(amount=500, waiting_days=180)
    joined = member(join_date=D(2025, 1, 15))
    result = run(rule, member=joined, event=D(2025, 6, 1))
    assert "มีสิทธิ์ตั้งแต่ 14 ก.ค. 2568" in result.text()


def test_paid_up_member_may_owe_the_current_month():
    rule = br.Rule(amount=500, require_paid_up=True)
    result = run(rule, member=member(paid_until=D(2025, 5, 31)), event=D(2025, 6, 20))
    assert result.amount == 500


def test_member_in_arrears_is_refused_when_paid_up_is_required():
    rule = br.Rule(amount=500, require_paid_up=True)
    result = run(rule, member=member(paid_until=D(2025, 4, 30)), event=D(2025, 6, 20))
    assert result.amount == 0
    assert "not_paid_up" in result.codes


def test_member_who_never_paid_is_not_paid_up():
    rule = br.Rule(amount=500, require_paid_up=True)
    result = run(rule, member=member(paid_until=None))
    assert "ยังไม่เคยส่งเงินสมทบ" in result.text()


def test_arrears_do_not_matter_without_the_paid_up_rule():
    result = run(br.Rule(amount=500), member=member(paid_until=D(2024, 1, 31)))
    assert result.amount == 500


@pytest.mark.parametrize(
    ("birthdate", "eligible"),
    [
        (D(1965, 6, 2), False),  # 59 the day before the 60th birthday
        (D(1965, 6, 1), True),  # 60 on the event day
    ],
)
def test_minimum_age_at_the_event(birthdate, eligible):
    rule = br.Rule(amount=200, min_age=60)
    result = run(rule, member=member(birthdate=birthdate), event=D(2025, 6, 1))
    assert (result.amount == 200) is eligible


def test_maximum_age_at_the_event():
    rule = br.Rule(amount=500, max_age=18)
    result = run(rule, member=member(birthdate=D(2006, 5, 31)), event=D(2025, 6, 1))
    assert result.amount == 0
    assert "age_above_max" in result.codes


def test_age_limit_without_birthdate_is_refused():
    rule = br.Rule(amount=500, min_age=60)
    result = run(rule, member=member(birthdate=None))
    assert "age_unknown" in result.codes


def test_max_claims_per_fiscal_year():
    rule = br.Rule(amount=500, max_claims_per_year=1)
    result = run(rule, past=[br.PastClaim(D(2024, 12, 1), 500)])
    assert result.amount == 0
    assert "max_claims_year" in result.codes


def test_max_claims_lifetime():
    rule = br.Rule(amount=1000, max_claims_lifetime=2)
    past = [br.PastClaim(D(2021, 1, 1), 1000), br.PastClaim(D(2023, 1, 1), 1000)]
    result = run(rule, past=past)
    assert "max_claims_lifetime" in result.codes
    assert result.amount == 0


def test_future_event_is_refused():
    result = run(br.Rule(amount=500), event=D(2025, 7, 1))
    assert result.amount == 0
    assert "future_event" in result.codes


def test_member_deceased_before_the_event_is_refused():
    dead = member(state="deceased", death_date=D(2025, 5, 1))
    result = run(br.Rule(amount=500), member=dead, event=D(2025, 6, 1))
    assert result.amount == 0
    assert "deceased" in result.codes


def test_death_claim_on_the_day_of_death_is_allowed():
    dead = member(state="deceased", death_date=D(2025, 6, 1))
    result = run(br.Rule(amount=3000), member=dead, event=D(2025, 6, 1))
    assert result.amount == 3000


@pytest.mark.parametrize("state", ["applicant", "suspended", "terminated", "resigned"])
def test_member_not_active_is_refused(state):
    result = run(br.Rule(amount=500), member=member(state=state))
    assert result.amount == 0
    assert "not_active" in result.codes


def test_member_in_grace_may_still_claim():
    result = run(br.Rule(amount=500), member=member(state="grace"))
    assert result.amount == 500


def test_event_before_joining_is_refused():
    result = run(br.Rule(amount=500), event=D(2019, 12, 31))
    assert "before_join" in result.codes


def test_every_refusal_is_reported_at_once():
    rule = br.Rule(amount=500, waiting_days=365, require_paid_up=True)
    late = member(join_date=D(2025, 3, 1), paid_until=None)
    result = run(rule, member=late)
    assert {"waiting_period", "not_paid_up"} <= set(result.codes)
    assert result.amount == 0


def test_missing_event_date_is_refused():
    result = br.evaluate(br.Rule(amount=500), MEMBER, None, TODAY)
    assert result.codes == ["no_event_date"]


def test_amounts_are_rounded_to_the_satang():
    rule = br.Rule(amount_type="per_unit", amount=33.333, unit_label="วัน")
    assert run(rule, units=3).amount == 100.0


# ------------------------------------------------------------------ dependants

SCHOLARSHIP = br.Rule(amount=500, max_age=18, claim_for=br.FOR_CHILD)


CHILD_BIRTH = D(2015, 3, 1)


def child(birthdate=CHILD_BIRTH, relationship="child"):
    return br.DependantFacts(
        name="เด็กหญิงใจดี", relationship=relationship, birthdate=birthdate
    )


def test_a_childs_scholarship_judges_the_childs_age_not_the_members():
    # the member is 65; the child is 10: eligible
    result = br.evaluate(SCHOLARSHIP, MEMBER, EVENT, TODAY, dependant=child())
    assert result.amount == 500
    assert "dependant_age" in result.codes
    assert "อายุ 10 ปี" in result.text()


def test_a_child_above_the_age_limit_is_refused():
    result = br.evaluate(
        SCHOLARSHIP, MEMBER, EVENT, TODAY, dependant=child(D(2000, 1, 1))
    )
    assert result.refused
    assert "age_above_max" in result.codes
    assert "เด็กหญิงใจดี อายุ 25 ปี" in result.text()


def test_a_benefit_for_a_child_needs_a_child_named():
    result = br.evaluate(SCHOLARSHIP, MEMBER, EVENT, TODAY)
    assert result.refused
    assert "no_dependant" in result.codes


def test_a_benefit_for_a_child_refuses_a_spouse():
    result = br.evaluate(
        SCHOLARSHIP, MEMBER, EVENT, TODAY, dependant=child(relationship="spouse")
    )
    assert "not_a_child" in result.codes


def test_a_dependant_without_birth_date_cannot_pass_an_age_limit():
    result = br.evaluate(SCHOLARSHIP, MEMBER, EVENT, TODAY, dependant=child(None))
    assert "age_unknown" in result.codes


def test_the_members_own_benefit_ignores_a_dependant():
    rule = br.Rule(amount=200, min_age=60)
    result = br.evaluate(rule, MEMBER, EVENT, TODAY, dependant=child())
    assert result.amount == 200


def test_paid_up_is_the_month_before_the_day():
    # the one definition: every month before the day's month is covered
    assert br.is_paid_up(D(2025, 8, 31), D(2025, 9, 30))
    assert not br.is_paid_up(D(2025, 8, 30), D(2025, 9, 1))
    assert not br.is_paid_up(None, D(2025, 9, 1))
