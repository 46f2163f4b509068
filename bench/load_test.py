#!/usr/bin/env python3
"""Load test: Odoo with workers, many fund officers at once over XML-RPC.

    python3 bench/load_test.py -c odoo.conf -d bn_load --seconds 120

Starts Odoo with ``--workers`` (4 by default) on 127.0.0.1, on a province
database made by ``bench/generate.py`` (made first with ``--generate`` when
it does not exist), creates one officer account per client, then drives the
server with real XML-RPC clients (``xmlrpc.client``) for a bounded time:
20 clients recording and confirming contributions at the cash desk, 5 clients
submitting benefit claims. It prints throughput, p50/p95 latency and the error
count (which must be 0), then checks that every fund's ledger balances and
that every contribution recorded is there exactly once, confirmed, with one
ledger line of its amount. The exit code is non-zero when any check fails.

The figures depend on the machine: they are printed, never asserted.
"""

import argparse
import datetime
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import xmlrpc.client
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
HOST = "127.0.0.1"
CLAIM_CATEGORIES = ["hospital", "sickness", "birth", "elderly"]
CLIENT_PASSWORD = "load-test-officer"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-c", "--config", help="Odoo configuration (database server).")
    p.add_argument("-d", "--db", default=os.environ.get("BENCH_LOAD_DB", "bn_load"))
    p.add_argument("--seconds", type=int, default=120, help="Length of the run.")
    p.add_argument("--contributors", type=int, default=20)
    p.add_argument("--claimers", type=int, default=5)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8069)))
    p.add_argument("--admin-password", default="admin")
    p.add_argument(
        "--generate",
        action="store_true",
        help="Make the database with bench/generate.py when it does not exist.",
    )
    p.add_argument("--funds", type=int, default=4, help="Funds to generate.")
    p.add_argument("--members", type=int, default=4000, help="Members to generate.")
    return p.parse_args()


# ----------------------------------------------------------------------
# Server
# ----------------------------------------------------------------------
def database_exists(args):
    """Whether the database exists, asked of PostgreSQL with the config's login."""
    import configparser  # noqa: PLC0415

    import psycopg2  # noqa: PLC0415

    options = {}
    if args.config:
        parser = configparser.ConfigParser()
        parser.read(args.config)
        if parser.has_section("options"):
            options = dict(parser["options"])
    params = {
        "dbname": "postgres",
        "host": options.get("db_host") or None,
        "port": options.get("db_port") or None,
        "user": options.get("db_user") or None,
        "password": options.get("db_password") or None,
    }
    conn = psycopg2.connect(
        **{k: v for k, v in params.items() if v not in (None, "False")}
    )
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (args.db,))
            return bool(cr.fetchone())
    finally:
        conn.close()


def generate(args):
    cmd = [sys.executable, str(BENCH / "generate.py"), "-d", args.db]
    if args.config:
        cmd += ["-c", args.config]
    cmd += ["--funds", str(args.funds), "--members", str(args.members)]
    print(f"  load: generating {args.db} ({args.funds} funds, {args.members} members)")
    subprocess.run(cmd, check=True)


def odoo_command():
    """Odoo's command line through ``odoo_server.py`` (see there why)."""
    return [sys.executable, str(BENCH / "odoo_server.py")]


def start_server(args):
    cmd = odoo_command()
    if args.config:
        cmd += ["-c", args.config]
    else:
        cmd += ["--addons-path", str(REPO / "addons")]
    cmd += [
        "-d",
        args.db,
        "--db-filter",
        f"^{args.db}$",
        "--workers",
        str(args.workers),
        "--max-cron-threads",
        "0",
        "--http-interface",
        HOST,
        "--http-port",
        str(args.port),
        "--gevent-port",
        str(args.port + 1),
        "--limit-time-real",
        "600",
        "--limit-time-cpu",
        "300",
        "--log-level",
        os.environ.get("BENCH_LOG_LEVEL", "warn"),
        "--no-database-list",
    ]
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"load_{args.db}.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"Odoo stopped at start; see {log.name}")
        try:
            xmlrpc_proxy(args, "common").version()
            print(f"  load: Odoo up with {args.workers} workers on {HOST}:{args.port}")
            return server, log
        except (OSError, xmlrpc.client.ProtocolError):
            time.sleep(1)
    stop_server(server)
    raise SystemExit("Odoo did not answer within 180 s")


def stop_server(server):
    """Stop the server this script started (its own process group only)."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


# ----------------------------------------------------------------------
# XML-RPC
# ----------------------------------------------------------------------
def xmlrpc_proxy(args, service):
    return xmlrpc.client.ServerProxy(
        f"http://{HOST}:{args.port}/xmlrpc/2/{service}", allow_none=True
    )


class Client:
    """One user's connection: login once, then ``call(model, method, ...)``."""

    def __init__(self, args, login, password):
        self.db = args.db
        self.password = password
        self.uid = xmlrpc_proxy(args, "common").authenticate(
            args.db, login, password, {}
        )
        if not self.uid:
            raise SystemExit(f"login of {login} refused")
        self.models = xmlrpc_proxy(args, "object")

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )


def prepare(admin, n_clients):
    """Officer accounts spread over the funds, and each one's members."""
    funds = admin.call(
        "welfare.fund", "search_read", [], ["id", "company_id"], order="id"
    )
    if not funds:
        raise SystemExit("the database holds no fund: generate it first")
    group = admin.call(
        "ir.model.data",
        "check_object_reference",
        "welfare_base",
        "group_welfare_officer",
    )[1]
    logins = [f"load_officer_{i:02d}" for i in range(n_clients)]
    existing = {
        u["login"]: u["id"]
        for u in admin.call(
            "res.users",
            "search_read",
            [("login", "in", logins)],
            ["login"],
            context={"active_test": False},
        )
    }
    users = []
    for i, login in enumerate(logins):
        fund = funds[i % len(funds)]
        company = fund["company_id"][0]
        vals = {
            "company_id": company,
            "company_ids": [(6, 0, [company])],
            "groups_id": [(6, 0, [group])],
            "password": CLIENT_PASSWORD,
            "active": True,
        }
        if login in existing:
            admin.call("res.users", "write", [existing[login]], vals)
        else:
            admin.call("res.users", "create", dict(vals, name=login, login=login))
        users.append((login, fund["id"]))
    return users


def fund_members(admin, fund_id):
    return admin.call(
        "welfare.member",
        "search",
        [("fund_id", "=", fund_id), ("state", "in", ["active", "grace"])],
        order="id",
    )


# ----------------------------------------------------------------------
# Clients
# ----------------------------------------------------------------------
class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {"contribution": [], "claim": []}
        self.errors = []
        self.contributions = {}  # id -> amount
        self.claims = []

    def ok(self, kind, seconds, record_id, amount=None):
        with self.lock:
            self.latencies[kind].append(seconds)
            if kind == "contribution":
                self.contributions[record_id] = amount
            else:
                self.claims.append(record_id)

    def error(self, who, error):
        with self.lock:
            self.errors.append(f"{who}: {str(error)[:300]}")


def contributor(args, login, members, deadline, results):
    client = Client(args, login, CLIENT_PASSWORD)
    today = datetime.date.today().isoformat()
    rng = random.Random(login)
    while time.monotonic() < deadline:
        member = rng.choice(members)
        amount = float(rng.choice([30, 60, 90, 365]))
        t0 = time.perf_counter()
        try:
            pid = client.call(
                "welfare.contribution",
                "create",
                {
                    "member_id": member,
                    "amount": amount,
                    "date": today,
                    "payment_method": rng.choice(["cash", "transfer", "promptpay"]),
                },
            )
            client.call("welfare.contribution", "action_confirm", [pid])
        except (xmlrpc.client.Error, OSError) as error:
            results.error(login, error)
            continue
        results.ok("contribution", time.perf_counter() - t0, pid, amount)


def claimer(args, login, fund_id, members, deadline, results):
    client = Client(args, login, CLIENT_PASSWORD)
    types = client.call(
        "welfare.benefit.type",
        "search_read",
        [("fund_id", "=", fund_id), ("category", "in", CLAIM_CATEGORIES)],
        ["amount_type"],
    )
    if not types:
        results.error(login, "no benefit type to claim in the fund")
        return
    today = datetime.date.today()
    pairs = [(m, t) for t in types for m in members]
    # one claim per member, benefit and day: skip what earlier runs claimed
    taken = {
        (c["member_id"][0], c["benefit_type_id"][0], c["event_date"])
        for c in client.call(
            "welfare.claim",
            "search_read",
            [("member_id", "in", members), ("state", "!=", "cancelled")],
            ["member_id", "benefit_type_id", "event_date"],
        )
    }
    index = 0
    while time.monotonic() < deadline and pairs:
        member, btype = pairs[index % len(pairs)]
        # an earlier day each round through the members
        event = today - datetime.timedelta(days=3 + index // len(pairs))
        index += 1
        if (member, btype["id"], event.isoformat()) in taken:
            continue
        t0 = time.perf_counter()
        try:
            cid = client.call(
                "welfare.claim",
                "create",
                {
                    "member_id": member,
                    "benefit_type_id": btype["id"],
                    "event_date": event.isoformat(),
                    "units": 2 if btype["amount_type"] == "per_unit" else 1,
                },
            )
            client.call("welfare.claim", "action_submit", [cid])
        except (xmlrpc.client.Error, OSError) as error:
            results.error(login, error)
            continue
        results.ok("claim", time.perf_counter() - t0, cid)


# ----------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------
def check_ledger(admin):
    """Every company's posted entries balance: debits equal credits."""
    problems = []
    groups = admin.call(
        "account.move.line",
        "read_group",
        [("parent_state", "=", "posted")],
        ["debit:sum", "credit:sum"],
        ["company_id"],
        lazy=False,
    )
    for group in groups:
        if abs(group["debit"] - group["credit"]) > 0.005:
            problems.append(
                f"ledger of {group['company_id'][1]} out of balance: "
                f"{group['debit']:.2f} debit, {group['credit']:.2f} credit"
            )
    return problems, len(groups)


def check_contributions(admin, recorded):
    """Each recorded payment confirmed once, with one ledger line of its amount."""
    problems = []
    ids = list(recorded)
    rows = []
    lines = []
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        rows += admin.call(
            "welfare.contribution",
            "read",
            chunk,
            ["state", "amount", "receipt_number", "company_id"],
        )
        lines += admin.call(
            "account.move.line",
            "search_read",
            [("welfare_contribution_id", "in", chunk), ("credit", ">", 0)],
            ["welfare_contribution_id", "credit"],
        )
    if len(rows) != len(ids):
        problems.append(f"{len(ids) - len(rows)} recorded payments are missing")
    # receipt numbers are per fund: unique within each fund's company
    receipts = [(r["company_id"][0], r["receipt_number"]) for r in rows]
    if len(set(receipts)) != len(receipts):
        problems.append("duplicate receipt numbers in a fund")
    for row in rows:
        if row["state"] != "confirmed" or row["amount"] != recorded[row["id"]]:
            problems.append(f"payment {row['id']}: {row['state']} {row['amount']}")
    per_payment = {}
    for line in lines:
        key = line["welfare_contribution_id"][0]
        per_payment.setdefault(key, []).append(line["credit"])
    for pid, amount in recorded.items():
        credits = per_payment.get(pid, [])
        if len(credits) != 1 or abs(credits[0] - amount) > 0.005:
            problems.append(f"payment {pid}: ledger lines {credits}, paid {amount}")
    return problems[:20] + (
        [f"... and {len(problems) - 20} more"] if len(problems) > 20 else []
    )


def check_claims(admin, claims):
    if not claims:
        return []
    rows = admin.call("welfare.claim", "read", claims, ["state"])
    wrong = [r["id"] for r in rows if r["state"] != "submitted"]
    problems = []
    if len(rows) != len(claims):
        problems.append(f"{len(claims) - len(rows)} submitted claims are missing")
    if wrong:
        problems.append(f"claims not submitted: {wrong[:10]}")
    return problems


def percentile(values, pct):
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


# ----------------------------------------------------------------------
def main():
    args = parse_args()
    print(
        f"== load test: {args.contributors} cash desks + {args.claimers} claim "
        f"desks for {args.seconds} s, {args.workers} workers, database {args.db}"
    )
    server = log = None
    if not database_exists(args):
        if not args.generate:
            raise SystemExit(f"database {args.db} missing: add --generate")
        generate(args)
    try:
        server, log = start_server(args)
        admin = Client(args, "admin", args.admin_password)
        users = prepare(admin, args.contributors + args.claimers)
        members = {}
        for _login, fund_id in users:
            if fund_id not in members:
                members[fund_id] = fund_members(admin, fund_id)
        # each desk works on its own share of its fund's members
        desks = {}
        for login, fund_id in users:
            desks.setdefault(fund_id, []).append(login)
        shares = {}
        for fund_id, logins in desks.items():
            for i, login in enumerate(logins):
                shares[login] = members[fund_id][i :: len(logins)]
        results = Results()
        deadline = time.monotonic() + args.seconds
        threads = make_threads(args, users, shares, deadline, results)
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        print_figures(results, elapsed)
        problems = run_checks(admin, results)
        failed = bool(problems or results.errors)
        print("== load test " + ("FAILED" if failed else "passed"))
        return 1 if failed else 0
    finally:
        if server:
            stop_server(server)
        if log:
            log.close()


def make_threads(args, users, shares, deadline, results):
    threads = []
    for i, (login, fund_id) in enumerate(users):
        if not shares[login]:
            continue
        if i < args.contributors:
            target, extra = contributor, (login, shares[login])
        else:
            target, extra = claimer, (login, fund_id, shares[login])
        threads.append(
            threading.Thread(
                target=target, args=(args, *extra, deadline, results), daemon=True
            )
        )
    return threads


def run_checks(admin, results):
    problems, companies = check_ledger(admin)
    problems += check_contributions(admin, results.contributions)
    problems += check_claims(admin, results.claims)
    balanced = not any("ledger of" in p for p in problems)
    print(f"  check: ledgers of {companies} companies balance: {yes(balanced)}")
    once = not any("payment" in p for p in problems)
    print(
        f"  check: {len(results.contributions)} contributions each there exactly "
        f"once, confirmed, one ledger line each: {yes(once)}"
    )
    print(f"  check: {len(results.claims)} claims submitted: {yes(not problems)}")
    for problem in problems:
        print(f"  PROBLEM {problem}")
    for error in results.errors[:10]:
        print(f"  ERROR {error}")
    return problems


def yes(ok):
    return "yes" if ok else "NO"


def print_figures(results, elapsed):
    total = 0
    for kind, values in results.latencies.items():
        total += len(values)
        print(
            f"  {kind}s: {len(values):,} in {elapsed:,.0f} s = "
            f"{len(values) / elapsed:,.1f}/s; latency p50 "
            f"{percentile(values, 50) * 1000:,.0f} ms, p95 "
            f"{percentile(values, 95) * 1000:,.0f} ms"
            + (f", mean {statistics.mean(values) * 1000:,.0f} ms" if values else "")
        )
    print(f"  throughput: {total / elapsed:,.1f} operations/s")
    print(f"  errors: {len(results.errors)}")


if __name__ == "__main__":
    sys.exit(main())
