#!/usr/bin/env python3
"""3. Arrears job: ``welfare.member._cron_update_arrears`` over every member.

Run on today (a steady day: few members move) and a month later (many move),
with the SQL query count, and on two batch sizes to show the count follows
the batches, not the members.
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_S = 60.0


def run(args, day, batch_size=None):
    from freezegun import freeze_time  # noqa: PLC0415

    with common.odoo_env(args) as env:
        members = env["welfare.member"].search_count(
            [("state", "in", ("active", "grace", "suspended"))]
        )
        before = states(env)
        kwargs = {"batch_size": batch_size} if batch_size else {}
        # the timer runs outside freezegun, which also stops perf_counter
        with common.measure(env) as m, freeze_time(day):
            env["welfare.member"]._cron_update_arrears(**kwargs)
        after = states(env)
        moved = sum(abs(after.get(s, 0) - before.get(s, 0)) for s in after) // 2
    return members, moved, m


def states(env):
    env.invalidate_all()
    return dict(env["welfare.member"]._read_group([], ["state"], ["__count"]))


def main():
    args = common.parser(__doc__.splitlines()[0]).parse_args()
    common.header("3. arrears job", args)
    today = datetime.date.today()
    later = today + datetime.timedelta(days=31)
    for label, day in (("steady day", today), ("a month later", later)):
        members, moved, m = run(args, day)
        common.report(
            f"arrears job, {label}",
            m.seconds,
            "s",
            target=f"<= {TARGET_S:.0f} s for 300,000",
            ok=m.seconds * 300000 / max(members, 1) <= TARGET_S,
            members=members,
            status_changes_at_least=moved,
            queries=m.queries,
            queries_per_1000_members=round(1000 * m.queries / max(members, 1), 2),
        )
    # same day, batches twice as big: queries must follow the batches
    size = 5000 if members >= 20000 else max(250, members // 8)
    members, _moved, small = run(args, later, batch_size=size // 2)
    _members, _moved, big = run(args, later, batch_size=size)
    common.report(
        f"arrears job queries, batches of {size // 2:,} vs {size:,}",
        small.queries / max(big.queries, 1),
        "x",
        note="about 2x means the count follows the number of batches "
        "(members / batch size), not the number of members",
        queries_small_batches=small.queries,
        queries_big_batches=big.queries,
        members=members,
    )


if __name__ == "__main__":
    main()
