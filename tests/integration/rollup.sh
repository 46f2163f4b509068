#!/usr/bin/env bash
# The national roll-up over a real network, end to end (bench/bench_rollup.py at a
# small size): three province databases with welfare_snapshot, each with funds,
# members and payments and an API user, served by three Odoo servers on loopback
# ports; a roll-up database with welfare_rollup pulls them over JSON-RPC. Checks:
# the national table equals the sum of each province's own snapshots, a second
# pull changes nothing, the API user is refused members, payments, contacts and
# funds. Then 77 provinces and 5,509 funds loaded twice (nothing changes the
# second time) and every dashboard query timed. The databases are dropped at
# the end. Exit status 0 when every check holds.
#
# Environment as bin/test: PYTHON, ODOO_SRC, WELFARE_DB_HOST/PORT/USER/PASSWORD,
# WELFARE_STATE_DIR.
set -euo pipefail
# shellcheck source=../../bin/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib/common.sh"
cd "$WELFARE_ROOT"

ensure_python_env odoo
ensure_postgres
WORK="$(mktemp -d)"
DATABASES=(bn_rollup_roiet bn_rollup_khonkaen bn_rollup_mahasarakham bn_rollup_net
  bn_rollup_national)
cleanup() {
  for db in "${DATABASES[@]}"; do drop_database "$db" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
write_odoo_conf "$WORK/odoo.conf" bn_rollup_net "$(free_port)"
"$PYTHON" bench/bench_rollup.py -c "$WORK/odoo.conf" --quick
