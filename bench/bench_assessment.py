#!/usr/bin/env python3
"""Benchmark of batch assessment: time and SQL queries for 200 and 2,000 funds.

    python3 bench/bench_assessment.py -c ODOO_CONF -d DB [--funds 200,2000]
        [--members 5]

DB must have welfare_assessment installed (with welfare_membership). For each
size the script creates that many funds in a province of their own, with
committee seats, meetings, members, beneficiaries and benefit types, then runs
one batch assessment of the province with the default template and prints the
time and the number of SQL queries it took. Everything is rolled back at the
end: the database is left as it was.

The query count must stay flat as the number of funds grows (beyond the
batching of large IN lists and writes): each indicator is one query for every
fund of the period.
"""

import argparse
import datetime
import sys
import time

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tools import config

# Provinces of the benchmark funds (none of the demo network's).
PROVINCE_CODES = ["TH-40", "TH-41", "TH-30", "TH-34"]


def national_id(serial):
    from odoo.addons.welfare_membership.lib import thai_id  # noqa: PLC0415 - addons path

    return thai_id.make(f"3{serial:011d}")


def create_funds(env, province, count, members_per_fund, offset):
    """``count`` funds with data; companies are created in one call."""
    companies = (
        env["res.company"]
        .with_context(chart_template_load=True)
        .create(
            [
                {
                    "name": f"Bench fund {province.code} {i}",
                    "country_id": env.ref("base.th").id,
                    "currency_id": env.ref("base.THB").id,
                }
                for i in range(count)
            ]
        )
    )
    funds = env["welfare.fund"].create(
        [
            {
                "name": f"Bench fund {i}",
                "code": f"B{province.code}-{i:05d}",
                "company_id": company.id,
                "state_id": province.id,
                "village_total": 10 + i % 7,
                "village_covered": 3 + i % 8,
            }
            for i, company in enumerate(companies)
        ]
    )
    partners = env["res.partner"].create([{"name": f"Committee {i}"} for i in range(4)])
    start = datetime.date(2023, 1, 1)
    env["welfare.fund.committee"].create(
        [
            {
                "fund_id": fund.id,
                "partner_id": partners[r].id,
                "role": role,
                "date_start": start,
            }
            for fund in funds
            for r, role in enumerate(
                ["chair", "treasurer", "secretary"][: 1 + fund.id % 3]
            )
        ]
    )
    env["welfare.fund.meeting"].create(
        [
            {
                "fund_id": fund.id,
                "name": f"Meeting {m}",
                "date": datetime.date(2024, 10 + m % 3, 5),
            }
            for fund in funds
            for m in range(fund.id % 6)
        ]
    )
    if "welfare.member" in env:
        serial = offset
        vals_list = []
        for fund in funds:
            for m in range(members_per_fund):
                serial += 1
                vals_list.append(
                    {
                        "name": f"Member {serial}",
                        "fund_id": fund.id,
                        "national_id": national_id(serial),
                        "join_date": datetime.date(2020 + m % 6, 1, 1),
                        "state": "active",
                        "village_no": str(1 + m % 9),
                        "paid_until": datetime.date(2025, 6 + m % 6, 30),
                        "beneficiary_ids": [
                            Command.create(
                                {"name": f"Heir {serial}", "relationship": "child"}
                            )
                        ]
                        if m % 2
                        else [],
                    }
                )
        # a registry as the fund kept it: members already active
        env["welfare.member"]._workflow_create(vals_list)
        env["welfare.benefit.type"].create(
            [
                {
                    "fund_id": fund.id,
                    "name": name,
                    "category": category,
                    "is_basic": True,
                    "amount_type": "fixed",
                    "amount": 500,
                }
                for fund in funds
                for name, category in [("Birth", "birth"), ("Death", "death")]
            ]
        )
    env.flush_all()
    return funds


def bench(env, province, count, members_per_fund, offset):
    started = time.perf_counter()
    create_funds(env, province, count, members_per_fund, offset)
    setup = time.perf_counter() - started
    env.invalidate_all()
    template = env.ref("welfare_assessment.welfare_assessment_template_codi")
    batch = env["welfare.assessment.batch"].create(
        {
            "scope": "province",
            "province_id": province.id,
            "template_id": template.id,
            "fiscal_year": 2025,
        }
    )
    env.flush_all()
    queries = env.cr.sql_log_count
    started = time.perf_counter()
    batch.action_run()
    env.flush_all()
    elapsed = time.perf_counter() - started
    queries = env.cr.sql_log_count - queries
    lines = env["welfare.assessment.line"].search_count(
        [("assessment_id.fund_id.state_id", "=", province.id)]
    )
    print(
        f"funds={count:>5}  data set up in {setup:7.1f}s  |  batch assessment: "
        f"{elapsed:6.2f}s, {queries:>5} SQL queries, {lines} criteria scored, "
        f"{batch.done_count} funds done",
        flush=True,
    )
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--funds", default="200,2000")
    parser.add_argument("--members", type=int, default=5)
    args = parser.parse_args()
    config.parse_config(["-c", args.config, "-d", args.database])
    odoo.service.server.load_server_wide_modules()
    registry = Registry(args.database)
    sizes = [int(n) for n in args.funds.split(",")]
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        provinces = [
            env["res.country.state"].search([("code", "=", code)], limit=1)
            for code in PROVINCE_CODES
        ]
        try:
            for i, count in enumerate(sizes):
                bench(env, provinces[i], count, args.members, offset=i * 1_000_000)
        finally:
            cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
