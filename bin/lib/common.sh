# shellcheck shell=bash
# Shared helpers of bin/run, bin/test and bin/create-province-db. Source it; do not run it.
#
# Environment understood here:
#   PYTHON                   Python 3.10-3.12 to make the virtualenv from (default python3);
#                            a virtualenv's own interpreter is used as that virtualenv
#   WELFARE_VENV             the virtualenv to create and reuse (default: in the cache,
#                            ~/.cache/welfare-suite/venv-py3.X)
#   ODOO_SRC                 an Odoo 18.0 source folder (else the archive below is used)
#   ODOO_TARBALL_URL         Odoo 18.0 source archive (https:// or file://), default Odoo's
#                            nightly build; unpacked once into ~/.cache/welfare-suite/odoo
#   WELFARE_STATE_DIR        local state (private PostgreSQL, filestore, logs); default .state
#   WELFARE_DB_HOST/PORT/USER/PASSWORD   an existing PostgreSQL server to use instead
#   WELFARE_DB_PORT          port of the private server too (default 54329)
#   WELFARE_PG_BIN           folder holding initdb/pg_ctl/psql, when not found by itself

WELFARE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WELFARE_STATE_DIR="${WELFARE_STATE_DIR:-$WELFARE_ROOT/.state}"
WELFARE_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/welfare-suite"
ODOO_TARBALL_URL="${ODOO_TARBALL_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}"
PYTHON="${PYTHON:-python3}"
export PYTHONDONTWRITEBYTECODE="${PYTHONDONTWRITEBYTECODE:-1}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

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

# ------------------------------------------------------------------ Python and Odoo
#
# Odoo and every Python package of the suite live in a virtualenv, never in the system
# Python: the one $PYTHON belongs to when it is a virtualenv's interpreter, else one the
# commands create from $PYTHON and reuse (WELFARE_VENV, default in the cache). Odoo's source
# comes from ODOO_SRC, else from the archive at ODOO_TARBALL_URL, unpacked once into the
# cache and linked into the virtualenv.

python_version() { "$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }

# Stops unless $PYTHON is a Python that Odoo 18 runs on.
python_usable() {
  command -v "$PYTHON" >/dev/null 2>&1 \
    || die "no Python interpreter '$PYTHON' (set PYTHON=/path/to/python3)"
  "$PYTHON" "$WELFARE_ROOT/bin/lib/bootstrap.py" python-ok >&2 || exit 1
}

# True when $PYTHON imports Odoo of series 18.0.
odoo_importable() {
  "$PYTHON" -c 'import sys, odoo.release as r; sys.exit(r.serie != "18.0")' >/dev/null 2>&1
}

# The virtualenv's folder: $PYTHON's own when it runs in one, else WELFARE_VENV or the
# suite's in the cache.
venv_dir() {
  if [ "$("$PYTHON" -c 'import sys; print(int(sys.prefix != sys.base_prefix))')" = 1 ]; then
    "$PYTHON" -c 'import sys; print(sys.prefix)'
  else
    printf '%s\n' "${WELFARE_VENV:-$WELFARE_CACHE_DIR/venv-py$(python_version)}"
  fi
}

# Creates (when needed) and selects the virtualenv: sets and exports PYTHON (its
# interpreter, so every child uses it) and WELFARE_VENV.
select_venv() {
  python_usable
  WELFARE_VENV="$(venv_dir)"
  if [ ! -x "$WELFARE_VENV/bin/python" ]; then
    if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      require_packages "python$(python_version)-venv"
    fi
    say "Creating the virtualenv $WELFARE_VENV"
    mkdir -p "$(dirname "$WELFARE_VENV")"
    "$PYTHON" -m venv "$WELFARE_VENV" || die "could not create the virtualenv $WELFARE_VENV"
  fi
  PYTHON="$WELFARE_VENV/bin/python"
  export PYTHON WELFARE_VENV
}

# Prints Odoo's source folder (holding odoo/ and requirements.txt): ODOO_SRC, else the
# cached copy of the archive at ODOO_TARBALL_URL, downloaded and unpacked when missing.
odoo_source() {
  local root="$WELFARE_CACHE_DIR/odoo" cache src tarball
  if [ -n "${ODOO_SRC:-}" ]; then
    [ -d "$ODOO_SRC/odoo" ] || die "ODOO_SRC=$ODOO_SRC holds no odoo/ package"
    (cd "$ODOO_SRC" && pwd)
    return 0
  fi
  # One folder per archive address: another address is unpacked beside the current
  # copy, which is removed only once the new one is in place.
  cache="$root/$(printf '%s' "$ODOO_TARBALL_URL" | sha256sum | cut -c1-16)"
  src="$(find "$cache" -mindepth 2 -maxdepth 2 -name odoo-bin -printf '%h\n' 2>/dev/null | sort | tail -n 1)"
  if [ -z "$src" ]; then
    rm -rf "$cache"
    mkdir -p "$cache"
    tarball="$cache/odoo.tar.gz"
    say "Downloading Odoo 18.0 Community from $ODOO_TARBALL_URL"
    "$PYTHON" - "$ODOO_TARBALL_URL" "$tarball" <<'PY' \
      || { rm -rf "$cache"; die "could not download Odoo from $ODOO_TARBALL_URL (set ODOO_TARBALL_URL or ODOO_SRC)"; }
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as resp, open(sys.argv[2], "wb") as out:
    shutil.copyfileobj(resp, out)
PY
    say "Unpacking Odoo into $cache"
    tar -xzf "$tarball" -C "$cache" \
      || { rm -rf "$cache"; die "$ODOO_TARBALL_URL is not a readable .tar.gz archive"; }
    rm -f "$tarball"
    src="$(find "$cache" -mindepth 2 -maxdepth 2 -name odoo-bin -printf '%h\n' | sort | tail -n 1)"
    [ -n "$src" ] || { rm -rf "$cache"; die "the archive at $ODOO_TARBALL_URL holds no odoo-bin"; }
    printf '%s\n' "$ODOO_TARBALL_URL" >"$cache/source-url"
    find "$root" -mindepth 1 -maxdepth 1 ! -path "$cache" -exec rm -rf {} +
  fi
  printf '%s' "$src"
}

# Makes the virtualenv ready. "odoo": Odoo 18.0 importable with its requirements (corrected
# by constraints.txt), requirements.txt and requirements-dev.txt; sets ODOO_ADDONS_PATH.
# "tools": requirements-dev.txt only (static checks and pure-Python tests). Runs pip only
# when one of those files changed since the last install into this virtualenv.
ensure_python_env() {
  local want="${1:-odoo}" src="" site merged stamp_file stamp reqs=()
  select_venv
  merged="$WELFARE_VENV/welfare-odoo-requirements.txt"
  if [ "$want" = odoo ]; then
    # An interpreter that imports Odoo 18 by itself (a packaged Odoo) keeps its Odoo.
    if [ -n "${ODOO_SRC:-}" ] || [ -f "$WELFARE_VENV/welfare-odoo.pth" ] || ! odoo_importable; then
      src="$(odoo_source)" || exit 1
      site="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
      printf '%s\n' "$src" >"$site/welfare-odoo.pth"
      cp "$site/welfare-odoo.pth" "$WELFARE_VENV/welfare-odoo.pth"
    fi
    if [ -n "$src" ] && [ -f "$src/requirements.txt" ]; then
      "$PYTHON" "$WELFARE_ROOT/bin/lib/bootstrap.py" requirements "$src/requirements.txt" \
        "$WELFARE_ROOT/constraints.txt" "$merged" || die "could not read $src/requirements.txt"
      reqs+=(-r "$merged")
    fi
  fi
  reqs+=(-r "$WELFARE_ROOT/requirements-dev.txt")
  stamp_file="$WELFARE_VENV/welfare-installed-$want"
  stamp="$("$PYTHON" "$WELFARE_ROOT/bin/lib/bootstrap.py" stamp "$WELFARE_ROOT/constraints.txt" \
    "$WELFARE_ROOT/requirements.txt" "$WELFARE_ROOT/requirements-dev.txt" ${src:+"$merged"})"
  if [ ! -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$stamp" ]; then
    [ "$want" = odoo ] && ensure_build_packages
    say "Installing Python packages into $WELFARE_VENV (the first time takes a few minutes)"
    "$PYTHON" -m pip install -q "${reqs[@]}" -c "$WELFARE_ROOT/constraints.txt" \
      || die "could not install the Python requirements into $WELFARE_VENV"
    if [ "$want" = odoo ]; then
      # OCA addon wheels name the `odoo` distribution, which a source checkout does not
      # provide: their real dependencies come with Odoo.
      "$PYTHON" -m pip install -q --no-deps -r "$WELFARE_ROOT/requirements.txt" \
        || die "could not install requirements.txt into $WELFARE_VENV"
    fi
    printf '%s\n' "$stamp" >"$stamp_file"
  fi
  [ "$want" = odoo ] || return 0
  odoo_importable || die "Odoo 18.0 does not import with $PYTHON${src:+ (source: $src)}"
  # Odoo's websocket process runs under gevent, patched at its start.
  "$PYTHON" -c 'import gevent.monkey; gevent.monkey.patch_all()' \
    || die "gevent cannot patch the standard library in $WELFARE_VENV: Odoo's websocket process would not start"
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

# ---------------------------------------------------------------- system packages
#
# Debian/Ubuntu packages the commands need. As root they are installed; anybody else is
# told, once, the whole list to install.

APT_UPDATED=0
apt_install() {
  is_root && command -v apt-get >/dev/null 2>&1 || return 1
  say "Installing Debian packages: $*"
  if [ "$APT_UPDATED" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    >/dev/null 2>&1
}

# Stops with the list of packages to install (for a user who is not root).
need_packages() {
  die "these system packages are missing: $*
  install them (Debian/Ubuntu):  sudo apt-get install $*
  then run the command again"
}

# Installs the missing packages when root; otherwise stops with the list.
require_packages() {
  [ $# -gt 0 ] || return 0
  apt_install "$@" || need_packages "$@"
}

# What pip needs to build the Odoo requirements that have no wheel: a C compiler, the
# Python headers, libpq (psycopg2), OpenLDAP and SASL (python-ldap). Prints the missing.
missing_build_packages() {
  local include
  command -v cc >/dev/null 2>&1 || printf '%s\n' gcc libc6-dev
  include="$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')"
  [ -f "$include/Python.h" ] || printf '%s\n' "python$(python_version)-dev"
  command -v pg_config >/dev/null 2>&1 || printf '%s\n' libpq-dev
  [ -f /usr/include/ldap.h ] || printf '%s\n' libldap2-dev
  [ -f /usr/include/sasl/sasl.h ] || printf '%s\n' libsasl2-dev
  return 0
}

ensure_build_packages() {
  local missing
  mapfile -t missing < <(missing_build_packages)
  require_packages "${missing[@]}"
}

thai_fonts_present() {
  if command -v dpkg-query >/dev/null 2>&1 \
    && dpkg-query -W -f='${Status}' fonts-thai-tlwg 2>/dev/null | grep -q 'ok installed'; then
    return 0
  fi
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi -E 'garuda|loma|norasi|sarabun'
}

# Every system package the commands need, installed at once when root, or named in one
# list: the build packages while the virtualenv is still to be filled, PostgreSQL unless
# WELFARE_DB_HOST names a server, wkhtmltopdf, Thai fonts and poppler-utils (PDF
# documents and their read-back); with "browser", Chromium (the browser tests).
ensure_system_packages() {
  local missing=()
  python_usable
  if [ ! -f "$(venv_dir)/welfare-installed-odoo" ]; then
    mapfile -t missing < <(missing_build_packages)
  fi
  [ -n "${WELFARE_DB_HOST:-}" ] || find_pg_bin >/dev/null || missing+=(postgresql)
  command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
  thai_fonts_present || missing+=(fonts-thai-tlwg)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  if [ "${1:-}" = browser ] && ! command -v chromium >/dev/null 2>&1 \
    && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
    missing+=(chromium)
  fi
  require_packages "${missing[@]}"
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

  local pgbin pgdata sockdir
  if ! pgbin="$(find_pg_bin)"; then
    require_packages postgresql
    pgbin="$(find_pg_bin)" \
      || die "PostgreSQL's programs not found: set WELFARE_PG_BIN, or name a server with WELFARE_DB_HOST"
  fi
  pgdata="$WELFARE_STATE_DIR/pg"
  sockdir="/tmp/welfare-pg-$(id -u)-$DB_PORT"
  mkdir -p "$WELFARE_STATE_DIR"
  chmod 755 "$WELFARE_STATE_DIR"

  # One starter at a time: bin/run and bin/test may start together.
  exec 8>"$WELFARE_STATE_DIR/pg.lock"
  command -v flock >/dev/null 2>&1 && flock 8

  # Password authentication: the superuser's and the role's passwords are made when the
  # cluster is, and kept readable by this user only.
  local secrets="$WELFARE_STATE_DIR/secrets"
  mkdir -p "$secrets"
  chmod 700 "$secrets"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "Creating a private PostgreSQL cluster in $pgdata (password authentication)"
    new_secret >"$secrets/pg-superuser"
    new_secret >"$secrets/db-password"
    chmod 600 "$secrets/pg-superuser" "$secrets/db-password"
    rm -rf "$pgdata"
    mkdir -p "$pgdata"
    is_root && chown postgres: "$pgdata"
    chmod 700 "$pgdata"
    local locale
    # initdb reads the superuser's password from a file of the cluster's owner, gone after.
    local pwfile="$WELFARE_STATE_DIR/pg-initdb-password"
    install -m 600 "$secrets/pg-superuser" "$pwfile"
    is_root && chown postgres: "$pwfile"
    for locale in C.UTF-8 C; do
      as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -E UTF8 --locale="$locale" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 --pwfile="$pwfile" \
        >"$WELFARE_STATE_DIR/initdb.log" 2>&1 && break
      rm -rf "${pgdata:?}"/*
    done
    rm -f "$pwfile"
    [ -f "$pgdata/PG_VERSION" ] || die "initdb failed, see $WELFARE_STATE_DIR/initdb.log"
  fi
  # A cluster made before passwords were used trusts local connections: any password does.
  [ -f "$secrets/db-password" ] || { printf 'odoo\n' >"$secrets/db-password"; chmod 600 "$secrets/db-password"; }
  DB_PASSWORD="${WELFARE_DB_PASSWORD:-$(cat "$secrets/db-password")}"
  export DB_HOST DB_PORT DB_USER DB_PASSWORD
  mkdir -p "$sockdir"
  is_root && chown postgres: "$sockdir"
  # PostgreSQL refuses a data folder others may read (a copy or a chmod -R loosens it)
  as_pg chmod 700 "$pgdata"
  if ! as_pg "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    if "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" -t 2; then
      die "another PostgreSQL server listens on 127.0.0.1:$DB_PORT: stop it, or choose another port for the private one with WELFARE_DB_PORT"
    fi
    say "Starting PostgreSQL on 127.0.0.1:$DB_PORT"
    as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-p $DB_PORT -k $sockdir -c listen_addresses=127.0.0.1" start >/dev/null 8>&- \
      || die "PostgreSQL did not start, see $pgdata/server.log"
  fi
  "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$DB_PORT" -t 30 \
    || die "PostgreSQL in $pgdata is running but not on 127.0.0.1:$DB_PORT (stop it: $pgbin/pg_ctl -D $pgdata stop)"
  local superuser_password=""
  [ -f "$secrets/pg-superuser" ] && superuser_password="$(cat "$secrets/pg-superuser")"
  local psql=(env PGPASSWORD="$superuser_password" "$pgbin/psql" -X -q -h 127.0.0.1 -p "$DB_PORT"
    -U postgres -d postgres -tA -v ON_ERROR_STOP=1)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
    say "Creating database role $DB_USER"
    "${psql[@]}" -v role="$DB_USER" -v password="$DB_PASSWORD" >/dev/null <<'SQL'
CREATE ROLE :"role" LOGIN CREATEDB PASSWORD :'password';
SQL
  fi
  exec 8>&-
}

# A random password of 32 URL-safe characters.
new_secret() {
  "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))'
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
