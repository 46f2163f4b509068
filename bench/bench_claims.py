#!/usr/bin/env python3
"""4. Claims: the rule engine's eligibility for 10,000 claims.

Draft claims are created across the province's funds (eligibility is computed
at creation), then judged again with ``_refresh_eligibility`` (what submit and
approve call), then submitted with ``action_submit``.
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_S = 20.0


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--claims", type=int)
    args = p.parse_args()
    count = args.claims or (1000 if args.quick else 10000)
    common.header(f"4. eligibility of {count:,} claims", args)
    with common.odoo_env(args) as env:
        today = datetime.date.today()
        types = env["welfare.benefit.type"].search(
            [("category", "in", ("hospital", "sickness", "birth", "elderly", "death"))]
        )
        by_fund = types.grouped("fund_id")
        members = env["welfare.member"].search(
            [
                ("state", "in", ("active", "grace", "suspended")),
                ("fund_id", "in", types.fund_id.ids),
            ],
            order="id desc",
            limit=count,
        )
        vals_list = []
        for i in range(count):
            member = members[i % len(members)]
            fund_types = by_fund[member.fund_id]
            btype = fund_types[i % len(fund_types)]
            vals_list.append(
                {
                    "member_id": member.id,
                    "benefit_type_id": btype.id,
                    # one live claim per member, benefit and day
                    "event_date": today
                    - datetime.timedelta(days=1 + i // len(members)),
                    "units": 1 + i % 4 if btype.amount_type == "per_unit" else 1,
                }
            )
        # a benefit for a child (childbirth) is claimed for the child, who is
        # registered on the member's form first (set-up, outside the clock)
        for_child = [
            vals
            for vals in vals_list
            if types.browse(vals["benefit_type_id"]).claim_for != "member"
        ]
        children = env["welfare.member.dependant"].create(
            [
                {
                    "member_id": vals["member_id"],
                    "name": f"ด.ญ.ลูกสมาชิก {index}",
                    "relationship": "child",
                    "birth_date": vals["event_date"],
                }
                for index, vals in enumerate(for_child)
            ]
        )
        for vals, child in zip(for_child, children, strict=True):
            vals["dependant_id"] = child.id
        env = env(
            context=dict(
                env.context,
                allowed_company_ids=members.company_id.ids,
                tracking_disable=True,
            )
        )
        Claim = env["welfare.claim"]
        with common.measure(env) as create:
            claims = Claim.create(vals_list)
        env.invalidate_all()
        claims = claims.with_env(env)
        with common.measure(env) as refresh:
            claims._refresh_eligibility()
        env.invalidate_all()
        with common.measure(env) as submit:
            claims.action_submit()
        refused = len(claims.filtered("eligibility_refused"))
    common.report(
        "claims created with eligibility",
        create.seconds,
        "s",
        target=f"<= {TARGET_S:.0f} s for 10,000",
        ok=create.seconds * 10000 / count <= TARGET_S,
        claims=count,
        queries=create.queries,
        refused=refused,
    )
    common.report(
        "eligibility judged again (_refresh_eligibility)",
        refresh.seconds,
        "s",
        target=f"<= {TARGET_S:.0f} s for 10,000",
        ok=refresh.seconds * 10000 / count <= TARGET_S,
        claims=count,
        queries=refresh.queries,
    )
    common.report(
        "claims submitted (action_submit)",
        submit.seconds,
        "s",
        claims=count,
        queries=submit.queries,
    )


if __name__ == "__main__":
    main()
