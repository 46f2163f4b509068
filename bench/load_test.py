#!/usr/bin/env python3
"""Load test: Odoo with workers, many fund officers at once over XML-RPC.

    python3 bench/load_test.py -c odoo.conf -d bn_load --seconds 120

Starts Odoo with ``--workers`` (4 by default) on 127.0.0.1, on a province
database made by ``bench/generate.py`` (made first with ``--generate`` when
it does not exist), creates one officer account per client, then drives the
server with real XML-RPC clients (``xmlrpc.client``) for a bounded time:
20 clients recording and confirming contributions at the cash desk, 5 clients
submitting benefit claims. Each cash desk works as a collector does: it opens
a collection day of its fund before the clock starts and takes its payments
in it. It prints throughput, p50/p95 latency and the error count (which must
be 0); then each desk closes its day, and the script checks that every fund's
ledger balances and that every contribution recorded is there exactly once,
confirmed, with one ledger line of its amount. The exit code is non-zero when
any check fails.

Each client logs in and calls the server until every worker has checked
its password once (Odoo hashes an XML-RPC password with 600,000 rounds of
PBKDF2 the first time a worker sees a user: a cost per user and worker, not
per operation) before the clock starts. While the clients run, the
database's sessions are sampled every 0.1 s: the share of busy sessions
waiting for a lock, and on what, is printed with the serialization retries
the server logged.

    python3 bench/load_test.py -c odoo.conf -d bn_load --compare main --mix 1+1,20+5

``--compare REV`` runs the same benchmark twice in one command, first on the
addons of the revision REV (taken from git into a temporary directory), then
on this checkout's, each on its own copy of the database updated to its code,
and prints the figures side by side. ``--mix`` names the desk mixes measured
(contribution desks + claim desks); each run starts from the same data.

The figures depend on the machine: they are printed, never asserted.
"""

import argparse
import collections
import configparser
import datetime
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
HOST = "127.0.0.1"
#: not "birth": it is claimed for a registered child or dependant
CLAIM_CATEGORIES = ["hospital", "sickness", "elderly"]
CLIENT_PASSWORD = "load-test-officer"
SUITE = "welfare_base,welfare_membership,welfare_accounting,welfare_assessment"
#: databases this script copies and drops must carry one of these prefixes
SAFE_PREFIXES = ("bn_", "bench_")
#: what Odoo's server logs when it retries a request after a conflict
RETRY_LOG = re.compile(r"odoo\.service\.model: (\w+), (\d+ tries left|maximum)")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-c", "--config", help="Odoo configuration (database server).")
    p.add_argument("-d", "--db", default=os.environ.get("BENCH_LOAD_DB", "bn_load"))
    p.add_argument("--seconds", type=int, default=120, help="Length of the run.")
    p.add_argument("--contributors", type=int, default=20)
    p.add_argument("--claimers", type=int, default=5)
    p.add_argument(
        "--mix",
        help="Desk mixes to measure one after the other, e.g. 1+1,20+5 "
        "(contribution desks + claim desks); default: --contributors + --claimers.",
    )
    p.add_argument(
        "--compare",
        metavar="REV",
        help="Measure the addons of git revision REV, then this checkout's, "
        "each on its own copy of the database, and print both.",
    )
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
    args = p.parse_args()
    mixes = args.mix or f"{args.contributors}+{args.claimers}"
    try:
        args.mixes = [
            tuple(int(n) for n in item.split("+", 1)) for item in mixes.split(",")
        ]
    except ValueError:
        p.error(f"--mix: {mixes!r} is not like 1+1,20+5")
    if any(len(mix) != 2 for mix in args.mixes):
        p.error(f"--mix: {mixes!r} is not like 1+1,20+5")
    if args.compare and not args.db.startswith(SAFE_PREFIXES):
        p.error("--compare copies the database: its name must start with bn_ or bench_")
    return args


# ----------------------------------------------------------------------
# Database server
# ----------------------------------------------------------------------
def config_options(args):
    options = {}
    if args.config:
        parser = configparser.ConfigParser()
        parser.read(args.config)
        if parser.has_section("options"):
            options = dict(parser["options"])
    return options


def pg_connect(args, dbname="postgres"):
    import psycopg2  # noqa: PLC0415

    options = config_options(args)
    params = {
        "dbname": dbname,
        "host": options.get("db_host") or None,
        "port": options.get("db_port") or None,
        "user": options.get("db_user") or None,
        "password": options.get("db_password") or None,
    }
    conn = psycopg2.connect(
        **{k: v for k, v in params.items() if v not in (None, "False")}
    )
    conn.autocommit = True
    return conn


def database_exists(args, name=None):
    """Whether the database exists, asked of PostgreSQL with the config's login."""
    conn = pg_connect(args)
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name or args.db,)
            )
            return bool(cr.fetchone())
    finally:
        conn.close()


def filestore(args, name):
    options = config_options(args)
    data_dir = options.get("data_dir")
    if not data_dir or data_dir == "False":
        data_dir = os.path.expanduser("~/.local/share/Odoo")
    return Path(data_dir) / "filestore" / name


def copy_database(args, source, target):
    """``target`` made again as a copy of ``source`` (database and filestore)."""
    for name in (source, target):
        if not name.startswith(SAFE_PREFIXES):
            raise SystemExit(f"refusing to copy {name}: not a bn_/bench_ database")
    drop_database(args, target)
    conn = pg_connect(args)
    try:
        with conn.cursor() as cr:
            cr.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    finally:
        conn.close()
    if filestore(args, source).is_dir():
        shutil.copytree(filestore(args, source), filestore(args, target))


def drop_database(args, name):
    if not name.startswith(SAFE_PREFIXES):
        raise SystemExit(f"refusing to drop {name}: not a bn_/bench_ database")
    conn = pg_connect(args)
    try:
        with conn.cursor() as cr:
            cr.execute(f'DROP DATABASE IF EXISTS "{name}"')
    finally:
        conn.close()
    shutil.rmtree(filestore(args, name), ignore_errors=True)


def generate(args):
    cmd = [sys.executable, str(BENCH / "generate.py"), "-d", args.db]
    if args.config:
        cmd += ["-c", args.config]
    cmd += ["--funds", str(args.funds), "--members", str(args.members)]
    print(f"  load: generating {args.db} ({args.funds} funds, {args.members} members)")
    subprocess.run(cmd, check=True)


# ----------------------------------------------------------------------
# Code under test
# ----------------------------------------------------------------------
def addons_path(args, addons):
    """The configuration's addons path with this checkout's addons replaced."""
    ours = (REPO / "addons").resolve()
    paths = [
        p.strip()
        for p in (config_options(args).get("addons_path") or "").split(",")
        if p.strip()
    ]
    kept = [p for p in paths if Path(p).resolve() != ours]
    return ",".join([str(addons), *kept])


def export_addons(rev, target):
    """The ``addons`` folder of git revision ``rev``, written under ``target``."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", rev, "addons"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return Path(target) / "addons"


def update_database(args, name, addons):
    """Bring ``name`` to the code of ``addons`` (odoo -u of the suite)."""
    cmd = odoo_command(args, addons) + [
        "-d",
        name,
        "-u",
        SUITE,
        "--stop-after-init",
        "--max-cron-threads",
        "0",
        "--http-port",
        str(args.port),
        "--log-level",
        "warn",
    ]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    seconds = time.perf_counter() - t0
    print(f"  load: {name} updated to the code under test in {seconds:.0f} s")


# ----------------------------------------------------------------------
# Server
# ----------------------------------------------------------------------
def odoo_command(args, addons=None):
    """Odoo's command line through ``odoo_server.py`` (see there why)."""
    cmd = [sys.executable, str(BENCH / "odoo_server.py")]
    if args.config:
        cmd += ["-c", args.config]
    if addons:
        cmd += ["--addons-path", addons_path(args, addons)]
    elif not args.config:
        cmd += ["--addons-path", str(REPO / "addons")]
    return cmd


def start_server(args, db, addons=None):
    cmd = odoo_command(args, addons) + [
        "-d",
        db,
        "--db-filter",
        f"^{db}$",
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
        # the retries after a serialization failure or a lock are counted
        "--log-handler",
        "odoo.service.model:INFO",
        "--no-database-list",
    ]
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"load_{db}.log"
    log = open(log_path, "w")  # noqa: SIM115
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


def count_retries(log_path, offset):
    """Retries the server logged after ``offset`` bytes of its log: {error: n}."""
    counts = collections.Counter()
    with open(log_path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for line in log:
            match = RETRY_LOG.search(line)
            if match:
                counts[match.group(1)] += 1
    return counts


# ----------------------------------------------------------------------
# XML-RPC
# ----------------------------------------------------------------------
def xmlrpc_proxy(args, service):
    return xmlrpc.client.ServerProxy(
        f"http://{HOST}:{args.port}/xmlrpc/2/{service}", allow_none=True
    )


class Client:
    """One user's connection: login once, then ``call(model, method, ...)``."""

    def __init__(self, args, db, login, password):
        self.db = db
        self.password = password
        self.uid = xmlrpc_proxy(args, "common").authenticate(db, login, password, {})
        if not self.uid:
            raise SystemExit(f"login of {login} refused")
        self.models = xmlrpc_proxy(args, "object")

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )

    def warm_up(self, workers):
        """Calls enough for every worker to have checked this password once."""
        for _i in range(6 * workers):
            self.call("welfare.member", "search_count", [("id", "=", 0)])


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
            "active": True,
        }
        if login in existing:
            admin.call("res.users", "write", [existing[login]], vals)
        else:
            admin.call(
                "res.users",
                "create",
                dict(vals, name=login, login=login, password=CLIENT_PASSWORD),
            )
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
        self.days = []  # (client, collection day id) of each cash desk
        self.claims = []
        self.deadline = None
        self.started = None

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


def contributor(args, db, login, fund_id, members, start, results):
    client = Client(args, db, login, CLIENT_PASSWORD)
    client.warm_up(args.workers)
    today = datetime.date.today().isoformat()
    rng = random.Random(login)
    # the desk's collection day, opened before the clock starts, closed by
    # the checks after it stops
    day = client.call(
        "welfare.collection", "create", {"fund_id": fund_id, "date": today}
    )
    with results.lock:
        results.days.append((client, day))
    start.wait()
    while time.monotonic() < results.deadline:
        member = rng.choice(members)
        amount = float(rng.choice([30, 60, 90, 365]))
        t0 = time.perf_counter()
        try:
            pid = client.call(
                "welfare.contribution",
                "create",
                {
                    "member_id": member,
                    "collection_id": day,
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


def claimer(args, db, login, fund_id, members, start, results):
    client = Client(args, db, login, CLIENT_PASSWORD)
    client.warm_up(args.workers)
    types = client.call(
        "welfare.benefit.type",
        "search_read",
        [("fund_id", "=", fund_id), ("category", "in", CLAIM_CATEGORIES)],
        ["amount_type"],
    )
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
    start.wait()
    if not types:
        results.error(login, "no benefit type to claim in the fund")
        return
    index = 0
    while time.monotonic() < results.deadline and pairs:
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
# What the database's sessions wait for
# ----------------------------------------------------------------------
class LockSampler(threading.Thread):
    """Samples the database's busy sessions every 0.1 s while the clients run."""

    QUERY = r"""
        SELECT a.wait_event_type, a.wait_event,
               left(regexp_replace(a.query, '\s+', ' ', 'g'), 90),
               (SELECT string_agg(DISTINCT l.locktype || ' ' ||
                           coalesce(l.relation::regclass::text, ''), ', ')
                  FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted)
          FROM pg_stat_activity a
         WHERE a.datname = %s AND a.pid <> pg_backend_pid()
           AND a.state <> 'idle'
           AND NOT (a.state = 'idle in transaction' AND a.wait_event = 'ClientRead')
    """

    def __init__(self, args, db, results):
        super().__init__(daemon=True)
        self.args, self.db, self.results = args, db, results
        self.busy = 0
        self.waits = collections.Counter()
        self.loads = []  # the machine's 1-minute load average every 5 s

    def run(self):
        conn = pg_connect(self.args)
        try:
            with conn.cursor() as cr:
                next_load = 0.0
                while time.monotonic() < self.results.deadline:
                    if time.monotonic() >= next_load:
                        self.loads.append(os.getloadavg()[0])
                        next_load = time.monotonic() + 5
                    cr.execute(self.QUERY, (self.db,))
                    for wait_type, event, query, locks in cr.fetchall():
                        self.busy += 1
                        if wait_type == "Lock":
                            # one line per statement, whatever its values
                            query = re.sub(r"'[^']*'|\b\d+\b", "?", query or "")
                            self.waits[(event, locks or "", query)] += 1
                    time.sleep(0.1)
        finally:
            conn.close()

    def lines(self):
        waiting = sum(self.waits.values())
        share = waiting / self.busy * 100 if self.busy else 0.0
        yield (
            f"  locks: {waiting} of {self.busy} busy session samples wait for a "
            f"lock ({share:.0f}%)"
        )
        for (event, locks, query), count in self.waits.most_common(5):
            yield f"    {count:5d} {event} on {locks}: {query}"


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
            [
                ("welfare_contribution_id", "in", chunk),
                ("credit", ">", 0),
                ("parent_state", "=", "posted"),
            ],
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
    if not database_exists(args):
        if not args.generate:
            raise SystemExit(f"database {args.db} missing: add --generate")
        generate(args)
    if not args.compare:
        figures = [measure(args, args.db, None, mix, label="") for mix in args.mixes]
        return 1 if any(f["failed"] for f in figures) else 0
    return compare(args)


def compare(args):
    """The same runs on the addons of ``args.compare``, then on this checkout's."""
    sides = []
    with tempfile.TemporaryDirectory(prefix="load-compare-") as tmp:
        base_addons = export_addons(args.compare, tmp)
        runs = (
            (args.compare, base_addons, "base"),
            ("this checkout", REPO / "addons", "head"),
        )
        for label, addons, suffix in runs:
            side_db = f"{args.db}_{suffix}"
            print(f"== {label}: {side_db}, addons {addons}")
            copy_database(args, args.db, side_db)
            update_database(args, side_db, addons)
            run_db = f"{side_db}_run"
            figures = []
            for mix in args.mixes:
                # every run starts from the same data
                copy_database(args, side_db, run_db)
                figures.append(measure(args, run_db, addons, mix, label=label))
            drop_database(args, run_db)
            drop_database(args, side_db)
            sides.append((label, figures))
    print_comparison(args, sides)
    failed = any(f["failed"] for _label, figures in sides for f in figures)
    return 1 if failed else 0


def print_comparison(args, sides):
    (base_label, base), (head_label, head) = sides
    print(
        f"== side by side: {args.workers} workers, {args.seconds} s a run, "
        f"{os.cpu_count()} cores"
    )
    rows = [
        ("operations/s", "throughput", "{:.1f}"),
        ("contribution p50 ms", "contribution_p50", "{:,.0f}"),
        ("contribution p95 ms", "contribution_p95", "{:,.0f}"),
        ("claim p50 ms", "claim_p50", "{:,.0f}"),
        ("claim p95 ms", "claim_p95", "{:,.0f}"),
        ("errors", "errors", "{}"),
        ("retries after a conflict", "retries", "{}"),
        ("busy samples waiting for a lock", "lock_share", "{:.0f}%"),
        ("load average (1 min) during the run", "load_range", "{}"),
        ("load average (1 min) at the end", "load", "{:.1f}"),
        ("checks (exactly once, balanced)", "checks", "{}"),
    ]
    width = 34
    for before, after in zip(base, head, strict=True):
        mix = f"{before['mix'][0]}+{before['mix'][1]} desks"
        print(f"  {mix:<{width}} {base_label[:18]:>18} {head_label[:18]:>18}")
        for title, key, fmt in rows:
            print(
                f"  {title:<{width}} {fmt.format(before[key]):>18} "
                f"{fmt.format(after[key]):>18}"
            )
        ratio = (
            after["throughput"] / before["throughput"] if before["throughput"] else 0
        )
        print(f"  {'throughput ratio':<{width}} {'':>18} {ratio:>17.2f}x")


def measure(args, db, addons, mix, label):
    contributors, claimers = mix
    print(
        f"== load test{' (' + label + ')' if label else ''}: {contributors} cash "
        f"desks + {claimers} claim desks for {args.seconds} s, {args.workers} "
        f"workers, database {db}"
    )
    server = log = None
    try:
        server, log = start_server(args, db, addons)
        admin = Client(args, db, "admin", args.admin_password)
        users = prepare(admin, contributors + claimers)
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
        sampler = LockSampler(args, db, results)
        clients = [u for u in users if shares[u[0]]]

        def clock_starts():
            results.started = time.monotonic()
            results.deadline = results.started + args.seconds
            results.log_offset = log.tell() if log else 0
            sampler.start()

        start = threading.Barrier(len(clients), action=clock_starts)
        threads = make_threads(args, db, contributors, clients, shares, start, results)
        t0 = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if results.started is None:
            raise SystemExit("the clients never started")
        elapsed = time.monotonic() - results.started
        print(
            f"  load: clients logged in and warmed up in {results.started - t0:.0f} s"
        )
        sampler.join()
        log.flush()
        retries = count_retries(log.name, results.log_offset)
        figures = print_figures(results, elapsed)
        for line in sampler.lines():
            print(line)
        print(
            "  retries after a conflict: "
            + (", ".join(f"{n} {k}" for k, n in retries.items()) or "none")
        )
        load = os.getloadavg()[0]
        loads = sampler.loads or [load]
        print(
            f"  load average (1 min) during the run: {min(loads):.1f}-"
            f"{max(loads):.1f}, at the end "
            f"{'/'.join(f'{x:.1f}' for x in os.getloadavg())}"
        )
        close_days(results)
        problems = run_checks(admin, results)
        failed = bool(problems or results.errors)
        print("== load test " + ("FAILED" if failed else "passed"))
        figures.update(
            mix=mix,
            errors=len(results.errors),
            retries=sum(retries.values()),
            lock_share=(
                sum(sampler.waits.values()) / sampler.busy * 100 if sampler.busy else 0
            ),
            load=load,
            load_range=f"{min(loads):.1f}-{max(loads):.1f}",
            checks="FAILED" if problems else "passed",
            failed=failed,
        )
        return figures
    finally:
        if server:
            stop_server(server)
        if log:
            log.close()


def make_threads(args, db, contributors, clients, shares, start, results):
    threads = []
    for i, (login, fund_id) in enumerate(clients):
        if i < contributors:
            target, extra = contributor, (login, fund_id, shares[login])
        else:
            target, extra = claimer, (login, fund_id, shares[login])
        threads.append(
            threading.Thread(
                target=desk,
                args=(target, login, start, results, args, db, *extra),
                daemon=True,
            )
        )
    return threads


def desk(target, login, start, results, *args):
    """A client's thread: one failing before the clock starts stops them all."""
    try:
        target(*args, start, results)
    except threading.BrokenBarrierError:
        return
    except Exception as error:
        results.error(login, error)
        start.abort()


def close_days(results):
    """Each cash desk closes its collection day (outside the clock)."""
    t0 = time.perf_counter()
    for client, day in results.days:
        try:
            client.call("welfare.collection", "action_close", [day])
        except (xmlrpc.client.Error, OSError) as error:
            results.error(f"closing day {day}", error)
    if results.days:
        print(
            f"  load: {len(results.days)} collection days closed in "
            f"{time.perf_counter() - t0:.1f} s "
            f"({len(results.contributions):,} payments)"
        )


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
    figures = {}
    for kind, values in results.latencies.items():
        total += len(values)
        figures[f"{kind}_p50"] = percentile(values, 50) * 1000
        figures[f"{kind}_p95"] = percentile(values, 95) * 1000
        print(
            f"  {kind}s: {len(values):,} in {elapsed:,.0f} s = "
            f"{len(values) / elapsed:,.1f}/s; latency p50 "
            f"{figures[f'{kind}_p50']:,.0f} ms, p95 "
            f"{figures[f'{kind}_p95']:,.0f} ms"
            + (f", mean {statistics.mean(values) * 1000:,.0f} ms" if values else "")
        )
    figures["throughput"] = total / elapsed
    print(f"  throughput: {total / elapsed:,.1f} operations/s")
    print(f"  errors: {len(results.errors)}")
    return figures


if __name__ == "__main__":
    sys.exit(main())
