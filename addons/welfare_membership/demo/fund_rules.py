"""Demo data of the fund rules: a member without registration status, a
reinstatement with a waiver, a rejoining, a child's scholarship and a death
benefit paid to the person who arranged the funeral."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import thai_id


def demo_child(member, birth_date=None):
    """The member's child for a demo claim: born on ``birth_date``, or of
    school age."""
    member.ensure_one()
    today = welfare_today(member)
    children = member.dependant_ids.filtered(lambda d: d.relationship == "child")
    if birth_date:
        child = children.filtered(lambda d: d.birth_date == birth_date)[:1]
    else:
        child = children.filtered(
            lambda d: d.birth_date and d.birth_date > today - relativedelta(years=18)
        )[:1]
    if child:
        return child
    girl = bool(member.id % 2)
    return member.env["welfare.member.dependant"].create(
        {
            "member_id": member.id,
            "name": "{}{} {}".format(
                "เด็กหญิง" if girl else "เด็กชาย",
                "กานดา" if girl else "ภูมิใจ",
                member.last_name or "",
            ).strip(),
            "relationship": "child",
            "birth_date": birth_date or today - relativedelta(years=12, days=40),
        }
    )


def create_fund_rules(env):
    """The fund rules of the demo fund ตำบลรอบเมือง, each on a member."""
    fund = env.ref("welfare_base.welfare_fund_rop_mueang_demo", False)
    if not fund or env.ref(
        "welfare_membership.welfare_member_rop_mueang_no_status_demo", False
    ):
        return False
    fund = fund.with_company(fund.company_id)
    Member = env["welfare.member"].with_company(fund.company_id)
    committee = env.ref("welfare_base.welfare_user_committee_demo", False)
    officer = env.ref("welfare_base.welfare_user_officer_demo", False)
    committee = committee or env.user
    officer = officer or env.user
    meeting = env.ref(
        "welfare_base.welfare_fund_meeting_rop_mueang_3_demo", False
    ) or env["welfare.fund.meeting"].create(
        {"fund_id": fund.id, "name": "ประชุมคณะกรรมการ"}
    )
    today = welfare_today(Member)
    end_of_last_month = today.replace(day=1) - datetime.timedelta(days=1)

    def member(key, vals):
        values = {
            "fund_id": fund.id,
            "state": "active",
            "consent_date": vals["join_date"],
            "consent_method": "paper",
            "village_no": "4",
            **vals,
        }
        record = Member._workflow_create(values)
        env["ir.model.data"].create(
            {
                "module": "welfare_membership",
                "name": f"welfare_member_rop_mueang_{key}_demo",
                "model": Member._name,
                "res_id": record.id,
                "noupdate": True,
            }
        )
        return record

    # a person without registration status: a 13-digit number beginning with 0
    member(
        "no_status",
        {
            "name_title": "mr",
            "first_name": "จะแฮ",
            "last_name": "เชอมือ",
            "gender": "male",
            "birthdate": today - relativedelta(years=34, days=20),
            "national_id": thai_id.make("004589012345"),
            "person_category": "no_status",
            "occupation": "รับจ้างทั่วไป",
            "join_date": today - relativedelta(years=2, months=3),
            "paid_until": end_of_last_month,
        },
    )

    # terminated after 8 months without paying; the committee waived the
    # arrears (the member's house was flooded) and reinstated the member
    flooded = member(
        "reinstated",
        {
            "name_title": "mrs",
            "first_name": "บุญเรือน",
            "last_name": "ทองมา",
            "gender": "female",
            "birthdate": today - relativedelta(years=52, days=100),
            "national_id": thai_id.make("345010077881"),
            "join_date": today - relativedelta(years=5, months=2),
            "paid_until": today - relativedelta(months=8, days=5),
        },
    )
    flooded._update_arrears(today)
    waiver = (
        env["welfare.arrears.waiver"]
        .with_user(officer)
        .create(
            {
                "member_id": flooded.id,
                "waived_until": end_of_last_month,
                "meeting_id": meeting.id,
                "reason": "บ้านถูกน้ำท่วมเสียหายทั้งหลัง ขาดรายได้ "
                "ไม่สามารถส่งเงินสมทบได้ ที่ประชุมมีมติยกเว้นเงินสมทบค้างชำระ",
            }
        )
    )
    waiver.with_user(committee).action_approve()
    flooded.with_user(committee).action_reinstate(
        "มติที่ประชุมคณะกรรมการ รับกลับเป็นสมาชิก (ยกเว้นเงินสมทบค้างชำระ)"
    )

    # resigned when moving away, came back and rejoined: two periods
    returned = member(
        "rejoined",
        {
            "name_title": "mr",
            "first_name": "ประเสริฐ",
            "last_name": "คำดี",
            "gender": "male",
            "birthdate": today - relativedelta(years=41, days=10),
            "national_id": thai_id.make("145010077882"),
            "join_date": today - relativedelta(years=6),
            "paid_until": today - relativedelta(years=1, months=6),
        },
    )
    returned._open_period(returned.join_date, "รับเป็นสมาชิก")
    returned.action_resign("ย้ายไปทำงานที่กรุงเทพฯ")
    returned._workflow_write(
        {
            "state_date": today - relativedelta(years=1, months=5),
            "resign_date": today - relativedelta(years=1, months=5),
        }
    )
    returned.with_user(committee).action_rejoin(
        today - relativedelta(months=2),
        "กลับมาอยู่บ้าน สมัครเป็นสมาชิกใหม่ ที่ประชุมคณะกรรมการอนุมัติ",
    )
    payment = (
        env["welfare.contribution"]
        .with_user(officer)
        .create(
            {
                "member_id": returned.id,
                "amount": 60.0,
                "date": today - relativedelta(months=2),
                "payment_method": "cash",
            }
        )
    )
    payment.action_confirm()

    # a scholarship for a member's child, judged on the child's age
    parent = member(
        "parent",
        {
            "name_title": "mrs",
            "first_name": "สุดารัตน์",
            "last_name": "ใจงาม",
            "gender": "female",
            "birthdate": today - relativedelta(years=38, days=60),
            "national_id": thai_id.make("345010077883"),
            "join_date": today - relativedelta(years=4),
            "paid_until": end_of_last_month + relativedelta(months=1),
        },
    )
    child = env["welfare.member.dependant"].create(
        {
            "member_id": parent.id,
            "name": "เด็กหญิงน้ำฝน ใจงาม",
            "relationship": "child",
            "birth_date": today - relativedelta(years=13, days=75),
            "national_id": thai_id.make("145019912345"),
        }
    )
    env["welfare.member.dependant"].create(
        {
            "member_id": parent.id,
            "name": "นายสมหมาย ใจงาม",
            "relationship": "spouse",
            "birth_date": today - relativedelta(years=40),
        }
    )
    Claim = env["welfare.claim"].with_company(fund.company_id)
    scholarship = env.ref(
        "welfare_membership.welfare_benefit_type_rop_mueang_education_demo", False
    )
    if scholarship:
        claim = Claim.with_user(officer).create(
            {
                "member_id": parent.id,
                "benefit_type_id": scholarship.id,
                "dependant_id": child.id,
                "event_date": today - relativedelta(days=8),
                "description": "ทุนการศึกษาบุตร ชั้นมัธยมศึกษาปีที่ 1",
            }
        )
        claim.action_submit()
        claim.with_user(committee).action_approve()

    # a death benefit of a member who named no beneficiary, paid to the
    # nephew who arranged the funeral, as the committee decided
    alone = member(
        "deceased_alone",
        {
            "name_title": "mr",
            "first_name": "ทองดี",
            "last_name": "ศรีสุข",
            "gender": "male",
            "birthdate": today - relativedelta(years=79, days=30),
            "national_id": thai_id.make("345010077884"),
            "join_date": today - relativedelta(years=6, months=4),
            "paid_until": end_of_last_month,
        },
    )
    death = env.ref(
        "welfare_membership.welfare_benefit_type_rop_mueang_death_demo", False
    )
    if death:
        organiser = env["res.partner"].create(
            {
                "name": "นายสมศักดิ์ ศรีสุข",
                "phone": "0891234567",
                "company_id": fund.company_id.id,
            }
        )
        claim = Claim.with_user(officer).create(
            {
                "member_id": alone.id,
                "benefit_type_id": death.id,
                "event_date": today - relativedelta(days=18),
                "description": "เสียชีวิตด้วยโรคชรา ไม่มีผู้รับผลประโยชน์ หลานชายเป็นผู้จัดการงานศพ",
            }
        )
        claim.action_submit()
        claim.with_user(committee).action_decide_death_payee(
            organiser,
            "other",
            "funeral_organiser",
            meeting,
            "ใบมรณบัตรและใบเสร็จค่าจัดงานศพ ญาติทุกคนยินยอมให้หลานรับเงิน",
        )
        claim.with_user(committee).action_approve()
        claim.with_user(officer)._mark_paid(
            {
                "payment_date": today - relativedelta(days=10),
                "payment_method": "cash",
            }
        )
    return True
