#!/usr/bin/env python3
"""2. Collection day: close one day of 2,000 payments (receipts, paid-until,
arrears, ledger postings) through ``welfare.collection.action_close``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_S = 5.0


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--lines", type=int)
    args = p.parse_args()
    lines = args.lines or (300 if args.quick else 2000)
    common.header(f"2. collection day of {lines:,} payments", args)
    with common.odoo_env(args) as env:
        # the fund with the most paying members
        counts = env["welfare.member"]._read_group(
            [("state", "in", ("active", "grace", "suspended"))],
            ["fund_id"],
            ["__count"],
        )
        fund, available = max(counts, key=lambda row: row[1])
        if available < lines:
            print(f"  (largest fund has {available} paying members: measuring them)")
            lines = available
        env = env(context=dict(env.context, allowed_company_ids=fund.company_id.ids))
        fund = fund.with_env(env)
        members = env["welfare.member"].search(
            [
                ("fund_id", "=", fund.id),
                ("state", "in", ("active", "grace", "suspended")),
            ],
            order="id",
            limit=lines,
        )
        scheme = fund.contribution_scheme_id
        month = scheme.amount * 30 if scheme.period == "day" else scheme.amount
        today = (
            env["welfare.collection"]._fields["date"].default(env["welfare.collection"])
        )
        collection = env["welfare.collection"].create(
            {
                "fund_id": fund.id,
                "date": today,
                "contribution_ids": [
                    (
                        0,
                        0,
                        {
                            "member_id": member.id,
                            "amount": month * (1 + (i % 4 == 0) * 2),
                            "payment_method": ("cash", "cash", "transfer", "promptpay")[
                                i % 4
                            ],
                        },
                    )
                    for i, member in enumerate(members)
                ],
            }
        )
        env.flush_all()
        env.invalidate_all()
        with common.measure(env) as m:
            collection.action_close()
        confirmed = collection.contribution_ids.filtered(
            lambda c: c.state == "confirmed"
        )
        posted = (
            confirmed.filtered("move_id")
            if "move_id" in confirmed._fields
            else confirmed
        )
        moves = len(confirmed.move_id) if "move_id" in confirmed._fields else 0
    scaled = m.seconds * 2000 / lines
    common.report(
        "collection day close",
        m.seconds,
        "s",
        target=f"<= {TARGET_S:.0f} s for 2,000",
        ok=scaled <= TARGET_S,
        payments=lines,
        queries=m.queries,
        queries_per_payment=round(m.queries / lines, 2),
        posted=len(posted),
        ledger_entries=moves,
    )


if __name__ == "__main__":
    main()
