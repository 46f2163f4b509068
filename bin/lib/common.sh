# shellcheck shell=bash
# Shared helpers of bin/run, bin/test and bin/create-province-db. Source it; do not run it.
#
# Environment understood here:
#   ODOO_SRC                 an Odoo 18.0 source folder to use when `import odoo` fails
#   WELFARE_STATE_DIR        local state (private PostgreSQL, filestore, logs); default .state
#   WELFARE_DB_HOST/PORT/USER/PASSWORD   an existing PostgreSQL server to use instead
#   WELFARE_DB_PORT          port of the private server too (default 54329)
#   WELFARE_PG_BIN           folder holding initdb/pg_ctl/psql, when not found by itself
#   PYTHON                   Python interpreter (default python3)

WELFARE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WELFARE_STATE_DIR="${WELFARE_STATE_DIR:-$WELFARE_ROOT/.state}"
WELFARE_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/welfare-suite"
ODOO_TARBALL_URL="${ODOO_TARBALL_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}"
PYTHON="${PYTHON:-python3}"
export PYTHONDONTWRITEBYTECODE="${PYTHONDONTWRITEBYTECODE:-1}"

say() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# Suite addons: every folder of addons/ holding a __manifest__.py, sorted, one per line.
suite_addons() {
  local d
  [ -d "$WELFARE_ROOT/addons" ] || return 0
  for d in "$WELFARE_ROOT"/addons/*/; do
    [ -f "$d/__manifest__.py" ] && basename "$d"
  done
  return 0
}

join_by() { local IFS="$1"; shift; printf '%s' "$*"; }

# --------------------------------------------------------------------------- Odoo

# True when $PYTHON imports Odoo of series 18.0 (with PYTHONPATH as it stands).
odoo_importable() {
  "$PYTHON" -c 'import sys, odoo.release as r; sys.exit(r.serie != "18.0")' >/dev/null 2>&1
}

prepend_pythonpath() {
  export PYTHONPATH="$1${PYTHONPATH:+:$PYTHONPATH}"
}

# Downloads Odoo 18.0 Community from Odoo's nightly server into the cache, installs its
# Python requirements, and puts it on PYTHONPATH.
download_odoo() {
  local src tarball
  mkdir -p "$WELFARE_CACHE_DIR"
  src="$(find "$WELFARE_CACHE_DIR" -maxdepth 2 -name odoo-bin -printf '%h\n' 2>/dev/null | sort | tail -n 1)"
  if [ -z "$src" ]; then
    tarball="$WELFARE_CACHE_DIR/odoo_18.0.latest.tar.gz"
    say "Downloading Odoo 18.0 Community from $ODOO_TARBALL_URL"
    "$PYTHON" - "$ODOO_TARBALL_URL" "$tarball.part" <<'PY' || die "download of Odoo failed"
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as resp, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(resp, out)
PY
    mv "$tarball.part" "$tarball"
    say "Unpacking Odoo into $WELFARE_CACHE_DIR"
    tar -xzf "$tarball" -C "$WELFARE_CACHE_DIR"
    rm -f "$tarball"
    src="$(find "$WELFARE_CACHE_DIR" -maxdepth 2 -name odoo-bin -printf '%h\n' | sort | tail -n 1)"
    [ -n "$src" ] || die "the Odoo archive holds no odoo-bin"
  fi
  prepend_pythonpath "$src"
  if ! odoo_importable; then
    say "Installing the Python requirements of Odoo (this takes a while)"
    "$PYTHON" -m pip install -q "setuptools<70"
    "$PYTHON" -m pip install -q --no-build-isolation -r "$src/requirements.txt" \
      || die "could not install Odoo's requirements ($src/requirements.txt)"
  fi
  odoo_importable || die "Odoo in $src does not import"
}

# Makes Odoo 18 importable. With "download" as argument it may fetch Odoo; without it,
# returns 1 when Odoo is not found. Sets ODOO_ADDONS_PATH (Odoo's own addons folders).
find_odoo() {
  local mode="${1:-}"
  if [ "${WELFARE_NO_ODOO:-0}" = 1 ]; then
    return 1
  fi
  if ! odoo_importable; then
    if [ -n "${ODOO_SRC:-}" ]; then
      if [ ! -d "$ODOO_SRC/odoo" ]; then
        [ "$mode" = download ] && die "ODOO_SRC=$ODOO_SRC holds no odoo/ package"
        warn "ODOO_SRC=$ODOO_SRC holds no odoo/ package"
        return 1
      fi
      prepend_pythonpath "$(cd "$ODOO_SRC" && pwd)"
      if ! odoo_importable && [ "$mode" = download ]; then
        say "Installing the Python requirements of Odoo from $ODOO_SRC"
        "$PYTHON" -m pip install -q "setuptools<70"
        "$PYTHON" -m pip install -q --no-build-isolation -r "$ODOO_SRC/requirements.txt" || true
      fi
      if ! odoo_importable; then
        [ "$mode" = download ] && die "ODOO_SRC=$ODOO_SRC: Odoo 18.0 does not import from there"
        warn "ODOO_SRC=$ODOO_SRC: Odoo 18.0 does not import from there"
        return 1
      fi
    elif [ "$mode" = download ]; then
      download_odoo
    else
      return 1
    fi
  fi
  ODOO_ADDONS_PATH="$("$PYTHON" - <<'PY'
import os, odoo
pkg = os.path.dirname(os.path.abspath(odoo.__file__))
paths = [os.path.join(pkg, "addons"), os.path.join(os.path.dirname(pkg), "addons")]
print(",".join(p for p in paths if os.path.isdir(p)))
PY
)"
  export ODOO_ADDONS_PATH
}

# Addons path for Odoo: the suite first, then Odoo's own addons.
addons_path() {
  printf '%s,%s' "$WELFARE_ROOT/addons" "$ODOO_ADDONS_PATH"
}

# ------------------------------------------------------------ Python requirements

ensure_requirements() {
  local req="$WELFARE_ROOT/requirements.txt"
  [ -f "$req" ] || return 0
  if ! "$PYTHON" - "$req" <<'PY' >/dev/null 2>&1; then
import re, sys
from importlib import metadata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    name, _, spec = re.match(r"([A-Za-z0-9_.\-]+)\s*(==)?\s*(.*)", line).groups()
    version = metadata.version(name)  # raises when missing
    if spec and not re.fullmatch(re.escape(spec).replace(r"\*", ".*"), version):
        sys.exit(1)
PY
    say "Installing requirements.txt (with --no-deps)"
    "$PYTHON" -m pip install -q --no-deps -r "$req" || die "could not install $req"
  fi
}

# ---------------------------------------------------------------- system packages

apt_install() {
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian packages: $*"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
      >/dev/null
  else
    return 1
  fi
}

thai_fonts_present() {
  if command -v dpkg-query >/dev/null 2>&1 \
    && dpkg-query -W -f='${Status}' fonts-thai-tlwg 2>/dev/null | grep -q 'ok installed'; then
    return 0
  fi
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi -E 'garuda|loma|norasi|sarabun'
}

# wkhtmltopdf (PDF reports) and Thai fonts. Missing pieces are installed when root on
# Debian/Ubuntu; otherwise a warning says what to install.
ensure_system_packages() {
  local missing=()
  command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
  thai_fonts_present || missing+=(fonts-thai-tlwg)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" \
    || warn "missing ${missing[*]}: PDF reports will lack them (install: apt-get install ${missing[*]})"
}

# Chromium for the browser tours of the test suite (Odoo drives it headless).
ensure_test_browser() {
  local browser
  for browser in chromium chromium-browser google-chrome; do
    command -v "$browser" >/dev/null 2>&1 && return 0
  done
  apt_install chromium \
    || warn "missing chromium: the browser tours cannot run (install: apt-get install chromium)"
}

# --------------------------------------------------------------------- PostgreSQL

find_pg_bin() {
  local d
  if [ -n "${WELFARE_PG_BIN:-}" ]; then
    printf '%s' "$WELFARE_PG_BIN"; return 0
  fi
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    printf '%s' "$d"; return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

# Runs a command as the owner of the private cluster (postgres refuses to run as root).
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Sets DB_HOST, DB_PORT, DB_USER, DB_PASSWORD: the server named by WELFARE_DB_HOST, or a
# private one in $WELFARE_STATE_DIR/pg, started (and created) when needed.
ensure_postgres() {
  if [ -n "${WELFARE_DB_HOST:-}" ]; then
    DB_HOST="$WELFARE_DB_HOST"
    DB_PORT="${WELFARE_DB_PORT:-5432}"
    DB_USER="${WELFARE_DB_USER:-odoo}"
    DB_PASSWORD="${WELFARE_DB_PASSWORD:-}"
    export DB_HOST DB_PORT DB_USER DB_PASSWORD
    return 0
  fi
  DB_HOST=127.0.0.1
  DB_PORT="${WELFARE_DB_PORT:-54329}"
  DB_USER="${WELFARE_DB_USER:-odoo}"
  DB_PASSWORD="${WELFARE_DB_PASSWORD:-odoo}"
  export DB_HOST DB_PORT DB_USER DB_PASSWORD

  local pgbin pgdata sockdir
  if ! pgbin="$(find_pg_bin)"; then
    apt_install postgresql || die "PostgreSQL not found: install it (apt-get install postgresql), set WELFARE_PG_BIN, or name a server with WELFARE_DB_HOST"
    pgbin="$(find_pg_bin)" || die "PostgreSQL binaries still not found after installing"
  fi
  pgdata="$WELFARE_STATE_DIR/pg"
  sockdir="/tmp/welfare-pg-$(id -u)-$DB_PORT"
  mkdir -p "$WELFARE_STATE_DIR"
  chmod 755 "$WELFARE_STATE_DIR"

  # One starter at a time: bin/run and bin/test may start together.
  exec 8>"$WELFARE_STATE_DIR/pg.lock"
  command -v flock >/dev/null 2>&1 && flock 8

  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "Creating a private PostgreSQL cluster in $pgdata"
    mkdir -p "$pgdata"
    is_root && chown postgres: "$pgdata"
    chmod 700 "$pgdata"
    as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$WELFARE_STATE_DIR/initdb.log" 2>&1 \
      || as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C \
        >"$WELFARE_STATE_DIR/initdb.log" 2>&1 \
      || die "initdb failed, see $WELFARE_STATE_DIR/initdb.log"
  fi
  mkdir -p "$sockdir"
  is_root && chown postgres: "$sockdir"
  if ! as_pg "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    say "Starting PostgreSQL on 127.0.0.1:$DB_PORT"
    as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $DB_PORT -k $sockdir -c listen_addresses=127.0.0.1" start >/dev/null 8>&- \
      || die "PostgreSQL did not start, see $pgdata/server.log"
  fi
  "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" -t 30 \
    || die "PostgreSQL in $pgdata is running but not on 127.0.0.1:$DB_PORT (stop it: $pgbin/pg_ctl -D $pgdata stop)"
  local psql=("$pgbin/psql" -X -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -tA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
    say "Creating database role $DB_USER"
    "${psql[@]}" -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" >/dev/null
  fi
  exec 8>&-
}

# dbtool: exists / drop / ready, through psycopg2 (Odoo's own driver).
dbtool() {
  "$PYTHON" "$WELFARE_ROOT/bin/lib/dbtool.py" "$@"
}

drop_database() {
  local db="$1"
  dbtool drop "$db"
  rm -rf "$WELFARE_STATE_DIR/data/filestore/$db"
}

# Writes an Odoo configuration file from config/odoo.conf.template.
# Usage: write_odoo_conf OUTFILE DBNAME [HTTP_PORT]
write_odoo_conf() {
  local out="$1" db="$2" port="${3:-${WELFARE_HTTP_PORT:-8069}}"
  mkdir -p "$(dirname "$out")" "$WELFARE_STATE_DIR/data"
  ADDONS_PATH="$(addons_path)" DATA_DIR="$WELFARE_STATE_DIR/data" DB_NAME="$db" \
    HTTP_PORT="$port" HTTP_INTERFACE="${WELFARE_HTTP_INTERFACE:-127.0.0.1}" \
    ADMIN_PASSWD="${WELFARE_MASTER_PASSWORD:-admin}" \
    "$PYTHON" - "$WELFARE_ROOT/config/odoo.conf.template" "$out" <<'PY'
import os, string, sys
text = string.Template(open(sys.argv[1], encoding="utf-8").read()).substitute(os.environ)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(text)
PY
  chmod 600 "$out"
}

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
