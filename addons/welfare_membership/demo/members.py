"""Demo members of the Roi Et demo funds, with contributions, some in arrears."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from . import people as demo_people

#: the demo funds of welfare_base, by the key of their xml ids
DEMO_FUND_KEYS = (
    "rop_mueang",
    "nuea_mueang",
    "nai_mueang",
    "kaset_wisai",
    "mueang_bua",
    "sa_khu",
    "klang",
    "na_ngam",
    "waeng",
    "na_udom",
)


def create_members(env, per_fund=30):
    """Members with contributions, some in arrears, for the demo funds.

    Deterministic (seeded by the fund key); each member gets the xml id
    ``welfare_membership.welfare_member_<fund key>_<nn>_demo``.
    """
    Member = env["welfare.member"]
    imd = env["ir.model.data"]
    if imd.search_count(
        [("module", "=", "welfare_membership"), ("model", "=", Member._name)], limit=1
    ):
        return False
    today = welfare_today(Member)
    Contribution = env["welfare.contribution"]
    officer = env.ref("welfare_base.welfare_user_officer_demo", False)
    env["welfare.fund"].search([])._setup_membership()
    for key in DEMO_FUND_KEYS:
        fund = env.ref(f"welfare_base.welfare_fund_{key}_demo", False)
        if not fund:
            continue
        fund = fund.with_company(fund.company_id)
        people = demo_people.people(key, per_fund, today)
        vals_list = []
        for person in people:
            join = today - relativedelta(years=person["years"], months=1)
            vals = {
                "fund_id": fund.id,
                "name_title": person["name_title"],
                "first_name": person["first_name"],
                "last_name": person["last_name"],
                "gender": person["gender"],
                "birthdate": person["birthdate"],
                "national_id": person["national_id"],
                "member_type": person["member_type"],
                "village_no": person["village_no"],
                "street": person["street"],
                "phone": person["phone"],
                "occupation": person["occupation"],
                "consent_date": join,
                "consent_method": "paper",
                "beneficiary_ids": [
                    fields.Command.create(
                        {
                            "name": "{} {}".format(
                                person["first_name"], person["beneficiary"]
                            ),
                            "relationship": "child",
                            "share": 100.0,
                        }
                    )
                ],
            }
            if not person["applicant"]:
                vals.update(
                    state="active",
                    join_date=join,
                    approved_date=join,
                    # the last three payments below bring it to its target
                    paid_until=today - datetime.timedelta(days=person["behind"] + 90),
                )
            vals_list.append(vals)
        # the registry the demo fund kept before: members already active
        members = Member.with_company(fund.company_id)._workflow_create(vals_list)
        imd.create(
            [
                {
                    "module": "welfare_membership",
                    "name": f"welfare_member_{key}_{i:02d}_demo",
                    "model": Member._name,
                    "res_id": member.id,
                    "noupdate": True,
                }
                for i, member in enumerate(members)
            ]
        )
        payments = []
        scheme = fund.contribution_scheme_id
        for member, person in zip(members, people, strict=True):
            if person["applicant"]:
                payments.append(
                    {
                        "member_id": member.id,
                        "kind": "entry_fee",
                        "amount": scheme.entry_fee or 50.0,
                        "date": today - datetime.timedelta(days=3),
                    }
                )
                continue
            for i in range(3):
                start = member.paid_until + datetime.timedelta(days=1 + 30 * i)
                payments.append(
                    {
                        "member_id": member.id,
                        "amount": scheme.amount * 30
                        if scheme.period == "day"
                        else scheme.amount,
                        "date": min(start, today),
                        "payment_method": "cash" if i % 3 else "promptpay",
                    }
                )
        Payments = Contribution.with_company(fund.company_id)
        if officer and fund.company_id in officer.company_ids:
            # the fund's officer received the money: receipts name them
            Payments = Payments.with_user(officer)
        Payments.create(payments).action_confirm()
        members._update_arrears(today)
    return True
