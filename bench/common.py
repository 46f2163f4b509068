"""What every benchmark shares: Odoo in-process, timers, query counts, output.

A benchmark script does::

    args = common.parser("what it measures").parse_args()
    with common.odoo_env(args) as env:
        with common.measure(env) as m:
            ...  # the real entry point
        common.report("collection day", m.seconds, target="<= 5 s", ...)

Work is rolled back at the end unless ``commit=True``: benchmarks measure and
leave the generated province as it was, so they can run in any order.
"""

import argparse
import contextlib
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DEFAULT_DB = "bn_province"
RESULTS = os.environ.get("BENCH_RESULTS")
QUICK = "--quick" in sys.argv or os.environ.get("BENCH_QUICK") == "1"


def parser(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("-d", "--db", default=os.environ.get("BENCH_DB", DEFAULT_DB))
    p.add_argument(
        "-c",
        "--config",
        default=os.environ.get("BENCH_CONFIG") or os.environ.get("ODOO_RC"),
        help="Odoo configuration file (database server, addons path).",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        default=os.environ.get("BENCH_QUICK") == "1",
        help="Small sizes, for developers: minutes instead of the full run.",
    )
    return p


def odoo_args(args):
    result = []
    if args.config:
        result += ["-c", args.config]
    addons = f"{REPO / 'addons'}"
    result += ["--log-level", os.environ.get("BENCH_LOG_LEVEL", "warn")]
    if not args.config:
        result += ["--addons-path", addons]
    return result


_LOADED = {}


def load_odoo(args):
    """Import Odoo and parse its configuration once per process."""
    if "odoo" not in _LOADED:
        import odoo  # noqa: PLC0415 - only when a benchmark runs

        odoo.tools.config.parse_config(odoo_args(args))
        odoo.tools.config["workers"] = 0
        _LOADED["odoo"] = odoo
    return _LOADED["odoo"]


@contextlib.contextmanager
def odoo_env(args, commit=False, context=None):
    """An environment of the superuser on the benchmark database.

    The transaction is rolled back at the end unless ``commit`` is true.
    """
    odoo = load_odoo(args)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(context or {}))
        try:
            yield env
        finally:
            if commit:
                env.flush_all()
                cr.commit()
            else:
                cr.rollback()


class Measure:
    seconds = 0.0
    queries = 0
    peak_mb = 0.0
    rss_mb = 0.0


@contextlib.contextmanager
def measure(env=None, flush=True, trace_memory=False):
    """Wall time, SQL queries and (optionally) peak Python memory of a block.

    Pending ORM writes and the precommit hooks (tracking) run inside the
    block, as at commit, so their time and queries count.
    """
    m = Measure()
    cr = env.cr if env is not None else None
    count0 = cr.sql_log_count if cr is not None else 0
    if trace_memory:
        tracemalloc.start()
    t0 = time.perf_counter()
    try:
        yield m
        if env is not None and flush:
            # what a commit would do: ORM flush and precommit hooks (the
            # chatter's tracking is finalised there)
            env.flush_all()
            env.cr.flush()
    finally:
        m.seconds = time.perf_counter() - t0
        if cr is not None:
            m.queries = cr.sql_log_count - count0
        if trace_memory:
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            m.peak_mb = peak / 2**20
        m.rss_mb = max_rss_mb()


def max_rss_mb():
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cores():
    return os.cpu_count() or 1


def report(name, value, unit, target=None, ok=None, peer=None, note=None, **extra):
    """Print one figure (and append it to $BENCH_RESULTS as a JSON line).

    ``peer`` is (label, value) measured in the same run; the ratio is printed.
    """
    line = f"  {name}: {fmt(value)} {unit}"
    record = {
        "name": name,
        "value": value,
        "unit": unit,
        "cores": cores(),
        "started": os.environ.get("BENCH_STARTED"),
    }
    if peer is not None:
        label, peer_value = peer
        ratio = value / peer_value if peer_value else float("inf")
        what = "of the peer's time" if unit == "s" else "the peer"
        line += f"   | {label}: {fmt(peer_value)} {unit}; {ratio:.2f}x {what}"
        record.update(peer=label, peer_value=peer_value, ratio=ratio)
    if QUICK:
        # small sizes do not extrapolate: targets are judged at full scale
        ok = None
    if target is not None:
        verdict = "" if ok is None else (" MET" if ok else " NOT MET")
        line += f"   [target {target}{verdict}]"
        record.update(target=target, ok=ok)
    for key, val in extra.items():
        line += f"   {key}={fmt(val)}"
        record[key] = val
    if note:
        line += f"\n      note: {note}"
        record["note"] = note
    print(line, flush=True)
    if RESULTS:
        with open(RESULTS, "a", encoding="utf-8") as out:
            out.write(json.dumps(record, default=str, ensure_ascii=False) + "\n")


def fmt(value):
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def header(title, args=None):
    scale = ""
    if args is not None:
        scale = f" (db {args.db}{', quick' if args.quick else ''})"
    print(f"\n== {title}{scale} — {cores()} cores", flush=True)


def dropdb(args, db):
    """Drop a benchmark database if it exists (never a database in use)."""
    import subprocess  # noqa: PLC0415

    if not db.startswith(("bn_", "bench_")) and os.environ.get("BENCH_ANY_DB") != "1":
        die(f"refusing to drop {db}: benchmark databases start with bn_ or bench_")
    config = load_odoo(args).tools.config
    subprocess.run(
        [
            "dropdb",
            "--if-exists",
            "-h",
            config["db_host"] or "127.0.0.1",
            "-p",
            str(config["db_port"] or 5432),
            "-U",
            config["db_user"] or "odoo",
            db,
        ],
        env=dict(os.environ, PGPASSWORD=config["db_password"] or ""),
        check=True,
    )


def die(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)
