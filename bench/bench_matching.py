#!/usr/bin/env python3
"""5. CODI matching request for a whole province: one request per fund,
members listed and amounts computed by ``action_compute_lines``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_S = 30.0


def main():
    args = common.parser(__doc__.splitlines()[0]).parse_args()
    common.header("5. CODI matching requests of the province", args)
    with common.odoo_env(args) as env:
        funds = env["welfare.fund"].search([("code", "=like", "BN3%")])
        env = env(
            context=dict(
                env.context,
                allowed_company_ids=funds.company_id.ids,
                tracking_disable=True,
            )
        )
        Request = env["welfare.matching.request"]
        with common.measure(env) as m:
            requests = Request.create([{"fund_id": fund.id} for fund in funds])
            requests.action_compute_lines()
        lines = len(requests.line_ids)
        members = env["welfare.member"].search_count([("fund_id", "in", funds.ids)])
    common.report(
        "matching requests computed",
        m.seconds,
        "s",
        target=f"<= {TARGET_S:.0f} s for 200 funds",
        ok=m.seconds * 200 / max(len(funds), 1) <= TARGET_S,
        funds=len(funds),
        members=members,
        lines=lines,
        queries=m.queries,
        queries_per_fund=round(m.queries / max(len(funds), 1), 1),
    )


if __name__ == "__main__":
    main()
