#!/usr/bin/env python3
"""Fill a throwaway database with a realistic province, deterministic by seed.

    python3 bench/generate.py -c odoo.conf -d bn_province --funds 200 --members 300000

Creates the database (the suite installed without demo data), then writes
through the suite's own batch paths: funds (each its company and books) with
committees and meetings, members with valid national IDs, Thai names, ages,
types and villages, their paid-until dates and the arrears job over them,
collection days closed with receipts and ledger postings, claims in every
state, grants, and an assessment batch when the assessment addon is there.
Each step prints its own speed.
"""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import people  # noqa: E402

ADDONS = ["welfare_accounting", "welfare_assessment", "base_import"]
#: Nakhon Ratchasima: 289 sub-districts, room for 200 one-per-sub-district funds
PROVINCE_CODE = "TH-30"
QUICK = {"funds": 4, "members": 4000}
FULL = {"funds": 200, "members": 300000}
COMMITTEE_ROLES = ["chair", "vice_chair", "treasurer", "secretary"] + ["member"] * 8


def step(label, count, seconds, unit="rows"):
    rate = count / seconds if seconds else 0.0
    print(
        f"  generate {label}: {count:,} {unit} in {seconds:,.1f} s "
        f"({rate:,.0f} {unit}/s)",
        flush=True,
    )


def create_database(args):
    """A fresh database with the suite (no demo data): odoo-bin -i."""
    common.dropdb(args, args.db)
    cmd = [sys.executable, "-m", "odoo"] + common.odoo_args(args)
    cmd += [
        "-d",
        args.db,
        "-i",
        ",".join(ADDONS),
        "--without-demo=all",
        "--stop-after-init",
        "--http-port",
        os.environ.get("BENCH_HTTP_PORT", "8679"),
    ]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    step("database with the suite installed", 1, time.perf_counter() - t0, "db")


def make_funds(env, args, today):
    from odoo import Command  # noqa: PLC0415

    state = env["res.country.state"].search(
        [("code", "=", PROVINCE_CODE), ("country_id.code", "=", "TH")]
    )
    subs = env["welfare.subdistrict"].search(
        [("state_id", "=", state.id)], order="code", limit=args.funds
    )
    if len(subs) < args.funds:
        common.die(f"only {len(subs)} sub-districts in the province")
    profiles = [people.fund_profile(args.seed, i, today) for i in range(args.funds)]
    vals_list = []
    for sub, profile in zip(subs, profiles, strict=True):
        villages = profile["villages"]
        vals_list.append(
            {
                "name": f"กองทุนสวัสดิการชุมชนตำบล{sub.name}",
                "code": f"BN{sub.code}",
                "state_id": state.id,
                "district_id": sub.district_id.id,
                "subdistrict_id": sub.id,
                "founding_date": profile["founding_date"],
                "certified": True,
                "certification_date": profile["founding_date"]
                + datetime.timedelta(days=200),
                "village_total": villages,
                "village_covered": max(1, villages - len(vals_list) % 4),
                "meeting_ids": [
                    Command.create(
                        {
                            "name": f"ประชุมคณะกรรมการ ครั้งที่ {m + 1}",
                            "date": today - datetime.timedelta(days=30 * m + 5),
                            "kind": "committee" if m % 6 else "general_assembly",
                        }
                    )
                    for m in range(12)
                ],
            }
        )
    Fund = env["welfare.fund"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    funds = Fund.browse()
    t0 = time.perf_counter()
    for start in range(0, len(vals_list), 10):
        funds |= Fund.create(vals_list[start : start + 10])
        env.cr.commit()
    step(
        "funds (companies, books, meetings)",
        len(funds),
        time.perf_counter() - t0,
        "funds",
    )
    templates = env["welfare.benefit.template"].search([])
    t0 = time.perf_counter()
    types = (
        env["welfare.benefit.type"]
        .with_context(tracking_disable=True)
        ._copy_from_catalogue(templates, funds)
    )
    env.cr.commit()
    step("benefit types from the catalogue", len(types), time.perf_counter() - t0)
    return funds, profiles


def member_vals(args, index, fund, profile, today):
    from odoo import Command  # noqa: PLC0415

    person = people.person(args.seed, index, today, villages=profile["villages"])
    dates = people.membership(
        args.seed, index, today, profile["founding_date"], person["birthdate"]
    )
    vals = {
        "fund_id": fund.id,
        "name_title": person["name_title"],
        "first_name": person["first_name"],
        "last_name": person["last_name"],
        "national_id": person["national_id"],
        "gender": person["gender"],
        "birthdate": person["birthdate"],
        "member_type": person["member_type"],
        "village_no": person["village_no"],
        "street": person["street"],
        "phone": person["phone"],
        "occupation": person["occupation"],
        "subdistrict_id": fund.subdistrict_id.id,
        "state": "active",
        "join_date": dates["join_date"],
        "approved_date": dates["join_date"],
        "paid_until": dates["paid_until"],
        "consent_date": dates["join_date"],
        "consent_method": "paper",
        "beneficiary_ids": [
            Command.create(
                {
                    "name": person["beneficiary_name"],
                    "relationship": "child",
                    "share": 100.0,
                }
            )
        ],
    }
    # the registration form asks for the consents a member gives: to keep
    # health data for claims (every generated member signs it, so that their
    # sickness and hospital claims can be filed) and, for a disabled member,
    # disability data; with the personal-data addon they are consent records,
    # as the registry import records them
    purposes = ["health"]
    if person["member_type"] == "disabled":
        purposes.append("disability")
    if "consent_ids" in fund.env["welfare.member"]._fields:
        vals["consent_ids"] = [
            Command.create(
                {
                    "purpose": purpose,
                    "method": "paper",
                    "given_date": dates["join_date"],
                }
            )
            for purpose in purposes
        ]
    else:
        vals["health_consent"] = True
        vals["health_consent_date"] = dates["join_date"]
    return vals


def make_members(env, args, funds, profiles, today):
    """Members through the registry import's set-based path
    (``welfare.member._bulk_create``) in batches of 1,000 per fund."""
    sizes = people.split_members(args.members, [p["weight"] for p in profiles])
    Member = env["welfare.member"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    index = 0
    total = 0
    t0 = time.perf_counter()
    for fund, profile, size in zip(funds, profiles, sizes, strict=True):
        fund_members = Member.with_company(fund.company_id)
        for start in range(0, size, 1000):
            count = min(1000, size - start)
            vals_list = [
                member_vals(args, index + i, fund, profile, today) for i in range(count)
            ]
            index += count
            fund_members._bulk_create(vals_list)
            total += count
        env.cr.commit()
        env.invalidate_all()
    step("members (contact, beneficiary, paid-until)", total, time.perf_counter() - t0)
    # committees: the first twelve members of each fund
    t0 = time.perf_counter()
    vals_list = []
    for fund in funds:
        members = env["welfare.member"].search(
            [("fund_id", "=", fund.id)], limit=12, order="id"
        )
        for role, member in zip(COMMITTEE_ROLES, members, strict=False):
            vals_list.append(
                {
                    "fund_id": fund.id,
                    "partner_id": member.partner_id.id,
                    "role": role,
                    "village_no": member.village_no,
                    "date_start": today - datetime.timedelta(days=700),
                }
            )
    env["welfare.fund.committee"].create(vals_list)
    env.cr.commit()
    step("committee members", len(vals_list), time.perf_counter() - t0)
    t0 = time.perf_counter()
    with common.measure(env) as m:
        env["welfare.member"]._cron_update_arrears()
    env.cr.commit()
    step("arrears job over all members", total, m.seconds)
    return total


def make_collections(env, args, funds, today):
    """Recent collection days per fund, closed through the suite's path."""
    days = 1
    per_day = 60 if args.quick else 150
    Collection = env["welfare.collection"].with_context(tracking_disable=True)
    total = 0
    t0 = time.perf_counter()
    for fund in funds:
        fund = fund.with_company(fund.company_id)
        members = env["welfare.member"].search(
            [
                ("fund_id", "=", fund.id),
                ("state", "in", ("active", "grace", "suspended")),
            ],
            order="id",
            limit=days * per_day,
        )
        scheme = fund.contribution_scheme_id
        month = scheme.amount * 30 if scheme.period == "day" else scheme.amount
        for day in range(days):
            date = today - datetime.timedelta(days=30 * (days - day))
            chunk = members[day * per_day : (day + 1) * per_day]
            collection = Collection.with_company(fund.company_id).create(
                {
                    "fund_id": fund.id,
                    "date": date,
                    "contribution_ids": [
                        (
                            0,
                            0,
                            {
                                "member_id": member.id,
                                "amount": month * (1 + (member.id % 3 == 0) * 2),
                                "date": date,
                                "payment_method": (
                                    "cash",
                                    "cash",
                                    "transfer",
                                    "promptpay",
                                )[member.id % 4],
                            },
                        )
                        for member in chunk
                    ],
                }
            )
            collection.action_close()
            total += len(chunk)
        env.cr.commit()
    step("contributions via closed collection days", total, time.perf_counter() - t0)


def make_claims(env, args, funds, today):
    """Claims in every state, through submit / approve / pay / reject / cancel."""
    per_fund = 10 if args.quick else 30
    Claim = env["welfare.claim"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    t0 = time.perf_counter()
    total = 0
    for fund in funds:
        fund = fund.with_company(fund.company_id)
        types = env["welfare.benefit.type"].search(
            [
                ("fund_id", "=", fund.id),
                ("category", "in", ("hospital", "sickness", "birth", "elderly")),
            ]
        )
        members = env["welfare.member"].search(
            [
                ("fund_id", "=", fund.id),
                ("state", "=", "active"),
                ("join_date", "<", today - datetime.timedelta(days=400)),
            ],
            order="id desc",
            limit=per_fund,
        )
        if not types or not members:
            continue
        vals_list = []
        for i, member in enumerate(members):
            btype = types[i % len(types)]
            vals_list.append(
                {
                    "member_id": member.id,
                    "benefit_type_id": btype.id,
                    "event_date": today - datetime.timedelta(days=5 + i),
                    "units": 2 if btype.amount_type == "per_unit" else 1,
                }
            )
        # a benefit for a child (childbirth) is claimed for the child, who
        # is registered on the member's form first: all of them in one create
        for_child = [
            (vals, member)
            for vals, member in zip(vals_list, members, strict=True)
            if env["welfare.benefit.type"].browse(vals["benefit_type_id"]).claim_for
            != "member"
        ]
        children = env["welfare.member.dependant"].create(
            [
                {
                    "member_id": member.id,
                    "name": f"ด.ญ.{member.first_name} {member.last_name}",
                    "relationship": "child",
                    "birth_date": vals["event_date"],
                }
                for vals, member in for_child
            ]
        )
        for (vals, _member), child in zip(for_child, children, strict=True):
            vals["dependant_id"] = child.id
        claims = Claim.with_company(fund.company_id).create(vals_list)
        total += len(claims)
        n = len(claims)
        to_submit = claims[: int(n * 0.85)]
        to_submit.action_submit()
        eligible = to_submit.filtered(
            lambda c: not c.eligibility_refused and c.amount_eligible > 0
        )
        refused = to_submit - eligible
        approve = eligible[: int(len(eligible) * 0.8)]
        approve.action_approve()
        approve[: int(len(approve) * 0.7)]._mark_paid(
            {"payment_date": today, "payment_method": "cash"}
        )
        refused[:2].action_reject("เอกสารไม่ครบ")
        claims[int(n * 0.85) : int(n * 0.9)].action_cancel()
        env.cr.commit()
    step(
        "claims in all states (submitted, approved, paid, ...)",
        total,
        time.perf_counter() - t0,
    )


def make_grants(env, args, funds, today):
    Grant = env["welfare.grant"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    vals_list = []
    for i, fund in enumerate(funds):
        founded = fund.founding_date or today
        vals_list += [
            {
                "fund_id": fund.id,
                "source": "codi_seed",
                "date": founded,
                "amount": 50000.0,
            },
            {
                "fund_id": fund.id,
                "source": "local_government",
                "date": today - datetime.timedelta(days=60),
                "amount": 20000.0 + 1000 * (i % 10),
            },
            {
                "fund_id": fund.id,
                "source": "codi_matching",
                "matching_round": 1,
                "date": today - datetime.timedelta(days=120),
                "amount": 30000.0 + 500 * (i % 7),
            },
        ]
    t0 = time.perf_counter()
    grants = Grant.browse()
    for fund in funds:
        mine = [v for v in vals_list if v["fund_id"] == fund.id]
        grants |= Grant.with_company(fund.company_id).create(mine)
    grants.action_post()
    env.cr.commit()
    step("grants posted to the ledger", len(grants), time.perf_counter() - t0)


def make_assessments(env, args, funds, today):
    if "welfare.assessment.batch" not in env:
        return
    Batch = env["welfare.assessment.batch"]
    t0 = time.perf_counter()
    try:
        batch = Batch.create(
            {"scope": "province", "province_id": funds[:1].state_id.id}
        )
        batch.action_run()
    except Exception as error:  # noqa: BLE001 - reported, generation goes on
        env.cr.rollback()
        print(f"  generate assessments: skipped ({error})", flush=True)
        return
    env.cr.commit()
    count = env["welfare.assessment"].search_count([("fund_id", "in", funds.ids)])
    step("assessments (batch of the province)", count, time.perf_counter() - t0)


def main():
    p = common.parser("Generate a province database for the benchmarks.")
    p.add_argument("--funds", type=int)
    p.add_argument("--members", type=int)
    p.add_argument("--seed", type=int, default=2569)
    p.add_argument(
        "--reuse",
        action="store_true",
        help="Keep an existing database with the suite installed; only add data.",
    )
    args = p.parse_args()
    sizes = QUICK if args.quick else FULL
    args.funds = args.funds or sizes["funds"]
    args.members = args.members or sizes["members"]
    common.header(f"generate {args.funds} funds, {args.members:,} members", args)
    t_all = time.perf_counter()
    if not args.reuse:
        create_database(args)
    today = datetime.date.today()
    with common.odoo_env(args, commit=True) as env:
        funds, profiles = make_funds(env, args, today)
        make_members(env, args, funds, profiles, today)
        make_collections(env, args, funds, today)
        make_claims(env, args, funds, today)
        make_grants(env, args, funds, today)
        make_assessments(env, args, funds, today)
    total = time.perf_counter() - t_all
    print(f"  generate total: {total:,.0f} s", flush=True)
    common.report("generator total", total, "s", funds=args.funds, members=args.members)


if __name__ == "__main__":
    main()
