"""Demo claims in every state, judged by the real rules on the demo members."""

from dateutil.relativedelta import relativedelta

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from .fund_rules import demo_child


def create_claims(env):
    """Demo: claims in every state for three demo funds, judged by the
    real rules on the demo members (only eligible members are approved)."""
    Claim = env["welfare.claim"]
    today = welfare_today(Claim)
    committee = env.ref("welfare_base.welfare_user_committee_demo", False)
    officer = env.ref("welfare_base.welfare_user_officer_demo", False)
    plans = [
        # (catalogue key, target state, days ago, units, extra values);
        # "refused" is a draft claim of a member the rules refuse
        (
            "hospital",
            "paid",
            40,
            2,
            {"health_details": "ไข้เลือดออก นอนโรงพยาบาลร้อยเอ็ด"},
        ),
        ("death", "paid", 25, 0, {}),
        ("birth", "approved", 12, 0, {}),
        ("elderly", "submitted", 6, 0, {}),
        ("sickness", "submitted", 4, 1, {"health_details": "ความดันโลหิตสูง"}),
        ("hospital", "draft", 2, 3, {"health_details": "ปอดอักเสบ"}),
        # a draft the rules refuse, with the reasons shown
        ("elderly", "refused", 3, 0, {}),
        ("disaster", "rejected", 20, 0, {}),
        ("education", "cancelled", 15, 0, {}),
    ]
    for key in ("rop_mueang", "nuea_mueang", "kaset_wisai"):
        fund = env.ref(f"welfare_base.welfare_fund_{key}_demo", False)
        if not fund:
            continue
        members = env["welfare.member"].search(
            [
                ("fund_id", "=", fund.id),
                ("state", "=", "active"),
                ("join_date", "<=", today - relativedelta(years=3)),
            ],
            order="id",
        )
        used = set()
        for cat_key, state, days, units, extra in plans:
            benefit = env.ref(
                f"welfare_membership.welfare_benefit_type_{key}_{cat_key}_demo",
                False,
            )
            if benefit:
                _create_claim(
                    env,
                    benefit,
                    members,
                    used,
                    state,
                    today - relativedelta(days=days),
                    dict(extra, units=units),
                    committee if key == "rop_mueang" else None,
                    officer if key == "rop_mueang" else None,
                )
    return True


def _create_claim(
    env, benefit, members, used, state, event_date, vals, committee, officer
):
    Claim = env["welfare.claim"]
    for member in members:
        if member.id in used:
            continue
        if vals.get("health_details") and not member.health_consent:
            # the demo member consented to the fund keeping health data
            member.write(
                {
                    "health_consent": True,
                    "health_consent_date": member.consent_date or event_date,
                }
            )
        values = dict(
            vals,
            member_id=member.id,
            benefit_type_id=benefit.id,
            event_date=event_date,
        )
        if benefit.claim_for != "member":
            # a benefit for a child: the member's child, born on the day of
            # a birth, or of school age
            values["dependant_id"] = demo_child(
                member, event_date if benefit.category == "birth" else None
            ).id
        # judged before it is created: no claim number is spent in vain
        refused = Claim.new(values).eligibility_refused
        if refused != (state == "refused"):
            continue
        claim = Claim.create(values)
        used.add(member.id)
        if state in ("draft", "refused"):
            return claim
        if state == "cancelled":
            claim.action_cancel()
            return claim
        claim.with_user(officer or env.user).action_submit()
        decider = claim.with_user(committee or env.user)
        if state == "rejected":
            decider.action_reject("เอกสารรับรองความเสียหายไม่ครบ")
        elif state in ("approved", "paid"):
            decider.action_approve()
        if state == "paid":
            claim.with_user(officer or env.user)._mark_paid(
                {
                    "payment_date": event_date + relativedelta(days=5),
                    "payment_method": "cash",
                }
            )
        return claim
    return Claim.browse()
