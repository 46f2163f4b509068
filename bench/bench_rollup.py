#!/usr/bin/env python3
"""The national roll-up: provinces pulled over the network; national dashboards.

    bin/python bench/bench_rollup.py -c odoo.conf --network     # 3 province servers
    bin/python bench/bench_rollup.py -c odoo.conf --national   # 77 provinces

``--network``: three province databases (Roi Et, Khon Kaen, Maha Sarakham)
made with ``welfare_snapshot``, funds with members and payments, their
snapshots computed by the province code and an API user each; three Odoo
servers on loopback ports; a roll-up database pulls them over JSON-RPC.
Measured: one province's pull, all of them, a second pull (nothing
changes), bytes per province. Checked: the national table equals the sum of
the provinces' own snapshots, read from their databases; the API user reads
nothing but snapshots.

``--national``: a roll-up database fed synthetic snapshots of 77 provinces
and 5,509 funds (2,219 in the north-east) for two fiscal years, through the
same ``_apply_rows`` as a pull. Measured: the load, a second load, and each
dashboard query as a network reviewer, and the XLSX exports.

Databases start with ``bn_rollup`` and are made again on each run
(``--reuse`` keeps them). Exit status 1 when a check fails.
"""

import importlib.util
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

PROVINCES = (
    ("TH-45", "bn_rollup_roiet"),
    ("TH-40", "bn_rollup_khonkaen"),
    ("TH-44", "bn_rollup_mahasarakham"),
)
ROLLUP_NET_DB = "bn_rollup_net"
ROLLUP_NATIONAL_DB = "bn_rollup_national"
NATIONAL_FUNDS = 5509
NORTHEAST_FUNDS = 2219
DASHBOARD_TARGET = 1.0
SUMMED = (
    "members_total",
    "members_current",
    "contribution_amount",
    "benefit_count",
    "benefit_amount",
    "balance",
)
FAILURES = []


def rollup_lib(name):
    """A plain module of welfare_rollup/lib, loaded from its file."""
    path = common.REPO / "addons" / "welfare_rollup" / "lib" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"rollup_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print(f"  CHECK FAILED: {message}", flush=True)


def with_db(args, db):
    clone = type(args)(**vars(args))
    clone.db = db
    return clone


def install(args, db, modules):
    common.dropdb(args, db)
    cmd = [sys.executable, "-m", "odoo", *common.odoo_args(args)]
    cmd += ["-d", db, "-i", modules, "--without-demo=all", "--stop-after-init"]
    cmd += ["--http-port", str(free_port())]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    print(
        f"  installed {modules} in {db}: {time.perf_counter() - t0:,.1f} s", flush=True
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- provinces
def fill_province(args, db, province_code, funds_count, members_per_fund):
    """Funds, members and payments of a province, its snapshots and API user."""
    import datetime  # noqa: PLC0415

    with common.odoo_env(with_db(args, db), commit=True) as env:
        env["ir.config_parameter"].set_param("welfare.province_code", province_code)
        state = env["res.country.state"].search(
            [("code", "=", province_code), ("country_id.code", "=", "TH")]
        )
        subs = env["welfare.subdistrict"].search(
            [("state_id", "=", state.id)], order="code", limit=funds_count
        )
        Fund = env["welfare.fund"].with_context(tracking_disable=True)
        t0 = time.perf_counter()
        funds = Fund.browse()
        for start in range(0, len(subs), 20):
            funds |= Fund.create(
                [
                    {
                        "name": f"กองทุนสวัสดิการชุมชนตำบล{sub.name}",
                        "code": sub.code,
                        "subdistrict_id": sub.id,
                        "founding_date": datetime.date(2010 + i % 8, 1 + i % 12, 1),
                        "certified": bool(i % 5),
                    }
                    for i, sub in enumerate(subs[start : start + 20], start=start)
                ]
            )
        rnd = random.Random(province_code)
        today = datetime.date.today()
        # no "disabled" member here: that type is kept only with the member's
        # recorded consent (welfare_privacy), which a generated member lacks
        types = ("general", "general", "general", "elderly", "youth")
        Member = env["welfare.member"].with_context(tracking_disable=True)
        Contribution = env["welfare.contribution"].with_context(tracking_disable=True)
        seed = int(province_code[3:]) * 10_000_000
        for fund in funds:
            vals = []
            for _i in range(members_per_fund):
                seed += 1
                vals.append(
                    {
                        "fund_id": fund.id,
                        "name_title": "mr",
                        "first_name": f"สมาชิก{seed}",
                        "last_name": "ทดสอบ",
                        "national_id": _thai_id(seed),
                        "member_type": rnd.choice(types),
                        "state": rnd.choice(("active",) * 8 + ("grace", "suspended")),
                        "join_date": datetime.date(2015 + rnd.randint(0, 9), 1, 1),
                    }
                )
            members = Member._workflow_create(vals)
            payments = Contribution.create(
                [
                    {
                        "member_id": member.id,
                        "amount": 30.0 * rnd.randint(1, 12),
                        "date": today - datetime.timedelta(days=rnd.randint(0, 500)),
                        "payment_method": "cash",
                    }
                    for member in members
                ]
            )
            payments.action_confirm()
        print(
            f"  province {province_code}: {len(funds)} funds, "
            f"{len(funds) * members_per_fund:,} members in "
            f"{time.perf_counter() - t0:,.1f} s",
            flush=True,
        )
        Snapshot = env["welfare.fund.snapshot"]
        years = Snapshot._default_fiscal_years()
        t0 = time.perf_counter()
        rows = Snapshot._refresh_snapshots(years)
        common.report(
            f"province snapshots computed ({province_code})",
            time.perf_counter() - t0,
            "s",
            rows=rows,
        )
        _user, key = Snapshot._create_rollup_api_user("rollup")
        return key


def _thai_id(number):
    from odoo.addons.welfare_membership.lib import thai_id  # noqa: PLC0415 - addons path

    return thai_id.make(f"1{number % 10**11:011d}"[:12])


def province_sums(args, db, years):
    with common.odoo_env(with_db(args, db)) as env:
        rows = env["welfare.fund.snapshot"].search_read(
            [("fiscal_year", "in", years)], ["fiscal_year", *SUMMED]
        )
    sums = {}
    for row in rows:
        total = sums.setdefault(
            row["fiscal_year"], dict.fromkeys(("funds", *SUMMED), 0)
        )
        total["funds"] += 1
        for name in SUMMED:
            total[name] += row[name]
    return sums


def start_server(args, db, port, log):
    cmd = [
        sys.executable,
        str(common.BENCH_DIR / "odoo_server.py"),
        *common.odoo_args(args),
    ]
    cmd += ["-d", db, "--db-filter", f"^{db}$", "--http-port", str(port)]
    cmd += [
        "--http-interface",
        "127.0.0.1",
        "--workers",
        "0",
        "--max-cron-threads",
        "0",
    ]
    process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        if process.poll() is not None:
            common.die(f"the Odoo server of {db} stopped; see {log.name}")
        time.sleep(1)
    process.terminate()
    common.die(f"the Odoo server of {db} did not answer on port {port}")
    return None


def run_network(args):
    common.header(
        "Roll-up over the network: three province servers", with_db(args, ROLLUP_NET_DB)
    )
    funds = 12 if args.quick else args.funds
    members = 5 if args.quick else args.members
    keys = {}
    if not args.reuse:
        for code, db in PROVINCES:
            install(args, db, "welfare_snapshot")
            keys[code] = fill_province(args, db, code, funds, members)
        install(args, ROLLUP_NET_DB, "welfare_rollup")
    else:
        keys = json.loads(
            (common.REPO / ".state" / "bench-rollup-keys.json").read_text()
        )
    state_dir = common.REPO / ".state"
    state_dir.mkdir(exist_ok=True)
    (state_dir / "bench-rollup-keys.json").write_text(json.dumps(keys))
    os.chmod(state_dir / "bench-rollup-keys.json", 0o600)
    servers = []
    logs = []
    try:
        ports = {}
        for code, db in PROVINCES:
            ports[code] = free_port()
            log = open(state_dir / f"bench-rollup-{db}.log", "w")  # noqa: SIM115
            logs.append(log)
            servers.append(start_server(args, db, ports[code], log))
        with common.odoo_env(with_db(args, ROLLUP_NET_DB), commit=True) as env:
            Source = env["welfare.rollup.source"]
            Source.search([]).unlink()
            sources = Source.browse()
            for code, db in PROVINCES:
                state = env["res.country.state"].search(
                    [("code", "=", code), ("country_id.code", "=", "TH")]
                )
                sources |= Source.create(
                    {
                        "name": state.display_name,
                        "state_id": state.id,
                        "transport": "jsonrpc",
                        "url": f"http://127.0.0.1:{ports[code]}",
                        "database": db,
                        "login": "rollup",
                        "api_key": keys[code],
                    }
                )
            env.cr.commit()
            with common.measure(env) as m:
                [(_source, ok)] = sources[0]._pull()
            check(ok, f"pull of {sources[0].name}: {sources[0].last_error}")
            common.report(
                "pull one province (first time)",
                m.seconds,
                "s",
                rows=sources[0].last_rows_received,
                bytes=sources[0].last_bytes,
            )
            env.cr.commit()
            with common.measure(env) as m:
                results = sources[1:]._pull()
            check(all(ok for _s, ok in results), "pull of every province")
            for source in sources:
                common.report(
                    f"bytes moved, {source.name}",
                    source.last_bytes,
                    "bytes",
                    rows=source.last_rows_received,
                    per_row=round(
                        source.last_bytes / max(source.last_rows_received, 1)
                    ),
                )
            common.report("pull the two other provinces", m.seconds, "s")
            env.cr.commit()
            with common.measure(env) as m:
                results = sources._pull()
            changed = sum(source.last_rows_changed for source in sources)
            check(changed == 0, f"a second pull changed {changed} rows")
            common.report(
                "pull all provinces again (nothing changed)",
                m.seconds,
                "s",
                rows_changed=changed,
                bytes=sum(sources.mapped("last_bytes")),
            )
            env.cr.commit()
            Summary = env["welfare.rollup.summary"]
            for (code, db), source in zip(PROVINCES, sources, strict=True):
                years = sorted(set(source.snapshot_ids.mapped("fiscal_year")))
                expected = province_sums(args, db, years)
                for year, sums in expected.items():
                    row = Summary.search(
                        [
                            ("state_id", "=", source.state_id.id),
                            ("fiscal_year_be", "=", year + 543),
                        ]
                    )
                    got = {"funds": row.fund_count, **{n: row[n] for n in SUMMED}}
                    check(
                        all(abs(got[k] - v) < 0.005 for k, v in sums.items()),
                        f"national table of {code} {year}: {got} != {sums}",
                    )
            print(
                "  national table = sum of the provinces' snapshots: checked",
                flush=True,
            )
        # the API user reads nothing but snapshots
        jsonrpc = rollup_lib("jsonrpc")
        JsonRpcClient, RpcError = jsonrpc.JsonRpcClient, jsonrpc.RpcError

        code, db = PROVINCES[0]
        client = JsonRpcClient(
            f"http://127.0.0.1:{ports[code]}", db, "rollup", keys[code]
        )
        client.authenticate()
        for model in (
            "welfare.member",
            "welfare.contribution",
            "res.partner",
            "welfare.fund",
        ):
            try:
                client.execute(
                    model, "search_read", [[]], {"fields": ["id"], "limit": 1}
                )
                check(False, f"the API user read {model}")
            except RpcError:
                pass
        print(
            "  API user refused members, payments, contacts, funds: checked", flush=True
        )
    finally:
        for process in servers:
            process.terminate()
        for process in servers:
            process.wait(timeout=60)
        for log in logs:
            log.close()


# ---------------------------------------------------------------- national
def national_rows(env):
    """Synthetic rows of every province: 5,509 funds, 2,219 in the north-east."""
    payload = rollup_lib("payload")

    ne = env.ref("welfare_base.region_northeast")
    states = env["res.country.state"].search(
        [("country_id.code", "=", "TH"), ("welfare_region_id", "!=", False)],
        order="code",
    )
    subs = {
        state: env["welfare.subdistrict"].search(
            [("state_id", "=", state.id)], order="code"
        )
        for state in states
    }
    ne_subs = sum(len(s) for st, s in subs.items() if st.welfare_region_id == ne)
    other_subs = sum(len(s) for st, s in subs.items() if st.welfare_region_id != ne)
    targets, counts = (
        {True: NORTHEAST_FUNDS, False: NATIONAL_FUNDS - NORTHEAST_FUNDS},
        {},
    )
    for is_ne, total in targets.items():
        group = [st for st in states if (st.welfare_region_id == ne) == is_ne]
        pool = ne_subs if is_ne else other_subs
        for st in group:
            counts[st] = int(len(subs[st]) * total / pool)
        rest = total - sum(counts[st] for st in group)
        for st in sorted(group, key=lambda s: -len(subs[s]))[:rest]:
            counts[st] += 1
    rnd = random.Random(2569)
    by_state = {}
    for state in states:
        rows = []
        for sub in subs[state][: counts[state]]:
            members = rnd.randint(150, 2500)
            for year in (2024, 2025):
                grade = rnd.choice(("A", "B", "B", "C", "D", None, None))
                row = dict.fromkeys(payload.CONTENT_FIELDS)
                row.update(dict.fromkeys(payload.INTEGER_FIELDS, 0))
                row.update(dict.fromkeys(payload.FLOAT_FIELDS, 0.0))
                row.update(
                    fund_code=sub.code,
                    fund_name=f"กองทุนสวัสดิการชุมชนตำบล{sub.name}",
                    subdistrict_code=sub.code,
                    subdistrict_name=sub.name,
                    district_code=sub.district_id.code,
                    district_name=sub.district_id.name,
                    province_code=state.code,
                    region_code=state.welfare_region_id.code,
                    certified=rnd.random() < 0.8,
                    fiscal_year=year,
                    members_total=members + 40,
                    members_current=members,
                    members_general=members,
                    members_active=members,
                    contribution_amount=round(members * 365 * rnd.uniform(0.7, 1), 2),
                    grant_codi_amount=round(members * 100 * rnd.random(), 2),
                    grant_local_amount=round(members * 10 * rnd.random(), 2),
                    benefit_count=rnd.randint(5, 200),
                    benefit_amount=float(rnd.randint(5, 200) * 1000),
                    benefit_lines=json.dumps(
                        {"death": [3, 9000.0], "elderly": [20, 4000.0]},
                        separators=(",", ":"),
                        sort_keys=True,
                    ),
                    balance=round(members * 900 * rnd.uniform(1, 5), 2),
                    assessed=bool(grade),
                    grade=grade,
                    score={"A": 85.0, "B": 70.0, "C": 55.0, "D": 40.0}.get(grade, 0.0),
                    schema_version=1,
                    data_date=f"{year}-09-30",
                    write_date=f"{year}-10-02 01:00:00",
                )
                row["content_hash"] = payload.content_hash(row)
                rows.append(row)
        by_state[state] = rows
    return by_state


def run_national(args):
    args_db = with_db(args, ROLLUP_NATIONAL_DB)
    common.header("Roll-up at national size: 77 provinces, 5,509 funds", args_db)
    if not args.reuse:
        install(args, ROLLUP_NATIONAL_DB, "welfare_rollup")
        with common.odoo_env(args_db, commit=True) as env:
            Source = env["welfare.rollup.source"]
            t0 = time.perf_counter()
            by_state = national_rows(env)
            print(f"  rows generated: {time.perf_counter() - t0:,.1f} s", flush=True)
            sources = Source.create(
                [
                    {"name": st.display_name, "state_id": st.id, "transport": "file"}
                    for st in by_state
                ]
            )
            with common.measure(env) as m:
                for source, rows in zip(sources, by_state.values(), strict=True):
                    source._apply_rows(rows, "file")
            total = sum(len(r) for r in by_state.values())
            common.report(
                "load of every province's rows",
                m.seconds,
                "s",
                rows=total,
                queries=m.queries,
            )
            env.cr.commit()
            with common.measure(env) as m:
                changed = sum(
                    source._apply_rows(rows, "file")
                    for source, rows in zip(sources, by_state.values(), strict=True)
                )
            check(changed == 0, f"a second load changed {changed} rows")
            common.report(
                "second load (nothing changes)",
                m.seconds,
                "s",
                rows=total,
                changed=changed,
            )
    with common.odoo_env(args_db) as env:
        from odoo import Command  # noqa: PLC0415

        network = env.ref("welfare_base.group_welfare_network")
        reviewer = env["res.users"].create(
            {
                "name": "bench reviewer",
                "login": "bench_rollup_reviewer",
                "groups_id": [Command.set(network.ids)],
            }
        )
        env = env(user=reviewer.id)
        Summary = env["welfare.rollup.summary"]
        Snapshot = env["welfare.rollup.snapshot"]
        Benefit = env["welfare.rollup.benefit"]
        year = 2568
        funds = Snapshot.search_count([("fiscal_year_be", "=", year)])
        check(funds == NATIONAL_FUNDS, f"{funds} funds in {year}")
        list_fields = [
            f
            for f in Summary._fields
            if f not in ("id", "display_name") and not f.startswith("__")
        ]
        list_fields = [
            f for f in list_fields if Summary._fields[f].store or f in Summary._fields
        ]
        measures = [
            f"{f}:sum"
            for f in list_fields
            if Summary._fields[f].type in ("integer", "float")
        ]
        cases = {
            "national table by year and region (grouped list)": lambda: (
                Summary.read_group(
                    [], measures, ["fiscal_year_be", "region_id"], lazy=False
                )
            ),
            "national table, provinces of a year (list)": lambda: Summary.search_read(
                [("fiscal_year_be", "=", year)], list_fields
            ),
            "grade shares of the country (of assessed, of all funds)": lambda: (
                Summary.read_group(
                    [("fiscal_year_be", "=", year)],
                    [
                        "fund_count:sum",
                        "grade_a_share",
                        "grade_a_share_all",
                        "grade_b_share",
                    ],
                    [],
                )
            ),
            "funds pivot, region by year": lambda: Snapshot.read_group(
                [],
                ["fund_count:sum", "members_current:sum", "contribution_amount:sum"],
                ["region_id", "fiscal_year_be"],
                lazy=False,
            ),
            "trend over the years (graph)": lambda: Summary.read_group(
                [], ["members_current:sum", "balance:sum"], ["fiscal_year_be"]
            ),
            "benefits paid by category": lambda: Benefit.read_group(
                [("fiscal_year_be", "=", year)],
                ["case_count:sum", "amount:sum"],
                ["category"],
            ),
            "funds not assessed (count and first page)": lambda: (
                Snapshot.search_count(
                    [("fiscal_year_be", "=", year), ("assessed", "=", False)]
                ),
                Snapshot.search_read(
                    [("fiscal_year_be", "=", year), ("assessed", "=", False)],
                    ["fund_name", "state_id", "members_current"],
                    limit=80,
                ),
            ),
            "national table XLSX (every row)": lambda: env["ir.actions.report"]._render(
                "welfare_rollup.summary_xlsx", Summary.search([]).ids, {}
            ),
            "fund figures XLSX (5,509 funds)": lambda: env["ir.actions.report"]._render(
                "welfare_rollup.snapshot_xlsx",
                Snapshot.search([("fiscal_year_be", "=", year)]).ids,
                {},
            ),
        }
        for name, call in cases.items():
            env.invalidate_all()
            with common.measure(env, flush=False) as m:
                call()
            common.report(
                name,
                m.seconds,
                "s",
                target=f"<= {DASHBOARD_TARGET:g} s" if "XLSX" not in name else None,
                ok=m.seconds <= DASHBOARD_TARGET if "XLSX" not in name else None,
                queries=m.queries,
            )
        [national] = Summary.read_group(
            [("fiscal_year_be", "=", year)],
            [
                "fund_count:sum",
                "assessed_count:sum",
                "grade_a_count:sum",
                "grade_a_share",
                "grade_a_share_all",
            ],
            [],
        )
        a_share = national["grade_a_share"]
        a_all = national["grade_a_share_all"]
        print(
            f"  {year}: {int(national['fund_count']):,} funds, "
            f"{int(national['assessed_count']):,} assessed; "
            f"A: {int(national['grade_a_count']):,} funds, {a_share:.2f} % of those "
            f"assessed, {a_all:.2f} % of all funds",
            flush=True,
        )


def main():
    p = common.parser("the national roll-up")
    p.add_argument("--network", action="store_true", help="three province servers")
    p.add_argument("--national", action="store_true", help="77 provinces, 5,509 funds")
    p.add_argument("--reuse", action="store_true", help="keep the generated databases")
    p.add_argument("--funds", type=int, default=60, help="funds per province (network)")
    p.add_argument("--members", type=int, default=30, help="members per fund (network)")
    args = p.parse_args()
    if not (args.network or args.national):
        args.network = args.national = True
    os.environ.setdefault("BENCH_LOAD", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(f"  load average at start: {os.environ['BENCH_LOAD']}", flush=True)
    if args.national:
        run_national(args)
    if args.network:
        run_network(args)
    print(f"  load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
