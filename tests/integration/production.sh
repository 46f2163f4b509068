#!/usr/bin/env bash
# The production deployment of a province, end to end, as README's "Deploying a
# province" does it:
#   1. bin/production-config writes the production configuration (workers, master
#      password made once and reused, mode 600);
#   2. bin/create-province-db creates the province database with a generated
#      administrator password and a frozen public address;
#   3. the database gets a fund, members, confirmed contributions (ledger entries)
#      and a stored file;
#   4. Odoo runs with the production configuration behind nginx with
#      config/nginx/welfare.conf (self-signed certificate, checked by `nginx -t`):
#      HTTPS, redirect from HTTP, gzip, /websocket upgraded through the gevent port,
#      admin/admin refused, the printed password accepted, web.base.url kept when
#      the administrator logs in under another host name, no database management;
#   5. bin/backup while the server runs, bin/restore into a new database, which holds
#      every member, contribution, ledger entry and file (counts and sums equal); a
#      second restore onto that name is refused.
# Everything made is removed at the end. Exit status 0 when every check holds.
#
# Environment as bin/test: PYTHON, ODOO_SRC, WELFARE_DB_HOST/PORT/USER/PASSWORD,
# WELFARE_STATE_DIR. Needs nginx (installed when root on Debian/Ubuntu) and openssl.
set -euo pipefail
# shellcheck source=../../bin/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib/common.sh"
# shellcheck source=../../bin/lib/deploy.sh
. "$WELFARE_ROOT/bin/lib/deploy.sh"
cd "$WELFARE_ROOT"

ensure_python_env odoo
ensure_postgres
# The production commands read the server of a deployment from WELFARE_DB_*: here,
# the one bin/test uses (the private server unless WELFARE_DB_HOST names another).
export WELFARE_DB_HOST="$DB_HOST" WELFARE_DB_PORT="$DB_PORT" WELFARE_DB_USER="$DB_USER" \
  WELFARE_DB_PASSWORD="$DB_PASSWORD"
NGINX="$(command -v nginx || true)"
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
missing=()
[ -n "$NGINX" ] || missing+=(nginx-light)
command -v openssl >/dev/null || missing+=(openssl)
require_packages "${missing[@]}"
[ -n "$NGINX" ] || NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

DB="welfare_prodcheck_$$"
RESTORED="${DB}_restored"
WORK="$(mktemp -d)"
ODOO_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  [ -n "$ODOO_PID" ] && kill "$ODOO_PID" 2>/dev/null
  [ -n "$ODOO_PID" ] && wait "$ODOO_PID" 2>/dev/null
  drop_database "$DB" 2>/dev/null || true
  drop_database "$RESTORED" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
chmod 755 "$WORK"
CHECKS=0
ok() { CHECKS=$((CHECKS + 1)); printf '  ok  %s\n' "$*"; }
fail() { printf '  FAILED  %s\n' "$*" >&2; exit 1; }

HTTP_PORT="$(free_port)"
GEVENT_PORT="$(free_port)"
HTTPS_PORT="$(free_port)"
PLAIN_PORT="$(free_port)"
URL="https://welfare.example.org"
CONF="$WORK/etc/odoo.conf"

say "1. Production configuration"
bin/production-config --database "$DB" --output "$CONF" \
  --http-port "$HTTP_PORT" --gevent-port "$GEVENT_PORT" --cores 1 --memory-mb 4096
[ "$(stat -c %a "$CONF")" = 600 ] && [ "$(stat -c %a "$WORK/etc/master-password")" = 600 ] \
  || fail "configuration and master password are not mode 600"
before="$(sha256sum "$CONF" "$WORK/etc/master-password")"
bin/production-config --database "$DB" --output "$CONF" \
  --http-port "$HTTP_PORT" --gevent-port "$GEVENT_PORT" --cores 1 --memory-mb 4096 >/dev/null
[ "$(sha256sum "$CONF" "$WORK/etc/master-password")" = "$before" ] \
  || fail "a second run changed the configuration or the master password"
ok "configuration written once, the same on a second run, mode 600"
"$PYTHON" - "$CONF" "$WORK/etc/master-password" <<'PY' || fail "master password"
import sys
from odoo.tools import config
config.parse_config(["-c", sys.argv[1]])
password = open(sys.argv[2], encoding="utf-8").read().strip()
assert config["workers"] == 2 and config["proxy_mode"] and not config["list_db"]
assert config["without_demo"] == "all"
assert config.verify_admin_password(password), "Odoo refuses the stored password"
assert not config.verify_admin_password("admin")
PY
ok "Odoo reads it: 2 workers, proxy mode, no database list, master password verifies"

say "2. Province database"
cat >"$WORK/profile.toml" <<'TOML'
name = "เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดขอนแก่น"
province_code = "TH-40"
database = "unused"
TOML
WELFARE_BASE_URL="$URL/" bin/create-province-db "$WORK/profile.toml" "$DB" \
  >"$WORK/create.log" 2>&1 || { tail -n 30 "$WORK/create.log"; fail "bin/create-province-db"; }
ADMIN_PASSWORD="$(sed -n 's/^ *Administrator: *login admin, password \([^ ]*\)$/\1/p' "$WORK/create.log")"
[ "${#ADMIN_PASSWORD}" -ge 20 ] || fail "no generated administrator password printed"
[ "$(grep -c -F -- "$ADMIN_PASSWORD" "$WORK/create.log")" = 1 ] \
  || fail "the administrator password is printed more than once"
ok "administrator password generated (${#ADMIN_PASSWORD} characters) and printed once"

say "3. Data: a fund, members, contributions, ledger entries, a stored file"
"$PYTHON" -m odoo shell -c "$CONF" -d "$DB" --no-http --log-level=warn >"$WORK/data.log" 2>&1 <<'PY' \
  || { tail -n 30 "$WORK/data.log"; fail "making the data"; }
import base64
import datetime

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.lib import thai_id

fund = env["welfare.fund"].create({"name": "กองทุนตรวจการติดตั้ง", "code": "PROD-1"})
today = welfare_today(fund)
fund.contribution_scheme_id.write({"amount": 30.0, "period": "month", "entry_fee": 100.0})
# members of a register taken over, as the registry import makes them (the workflow's
# own creation: a plain create() accepts applicants only)
members = env["welfare.member"]._workflow_create([
    {
        "fund_id": fund.id,
        "first_name": f"สำรอง{i}",
        "last_name": "ทดสอบ",
        "national_id": thai_id.make(f"11017{i:07d}"),
        "state": "active",
        "join_date": today - datetime.timedelta(days=10),
    }
    for i in range(1, 31)
])
for member in members:
    for amount in (100.0, 30.0 * (member.id % 5 + 1)):
        env["welfare.contribution"].create({
            "member_id": member.id, "amount": amount, "payment_method": "cash",
            "date": today,
        }).action_confirm()
env["ir.attachment"].create({
    "name": "minutes.txt", "res_model": "welfare.fund", "res_id": fund.id,
    "datas": base64.b64encode("รายงานการประชุม".encode() * 100),
})
env.cr.commit()
PY
ok "30 members with 60 confirmed contributions"

say "4. Odoo with workers behind nginx"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=welfare.example.org" \
  -keyout "$WORK/nginx/privkey.pem" -out "$WORK/nginx/fullchain.pem" 2>/dev/null
sed -e "s|127.0.0.1:8069|127.0.0.1:$HTTP_PORT|; s|127.0.0.1:8072|127.0.0.1:$GEVENT_PORT|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS_PORT ssl http2;|; /listen \[::\]/d" \
    -e "s|listen 80;|listen 127.0.0.1:$PLAIN_PORT;|" \
    -e "s|/etc/ssl/welfare/|$WORK/nginx/|" \
    config/nginx/welfare.conf >"$WORK/nginx/welfare.conf"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 64; }
http {
    access_log $WORK/nginx/logs/access.log;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    include $WORK/nginx/welfare.conf;
}
NGINX
"$NGINX" -t -q -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" \
  || fail "nginx -t refuses config/nginx/welfare.conf"
ok "nginx -t accepts config/nginx/welfare.conf"
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" \
  -g "daemon off;" &
NGINX_PID=$!
read -r -a odoo_server < <(odoo_server_command)
"${odoo_server[@]}" -c "$CONF" --logfile "$WORK/odoo.log" &
ODOO_PID=$!

"$PYTHON" - "$DB" "$ADMIN_PASSWORD" "$HTTPS_PORT" "$PLAIN_PORT" "$URL" \
  "$WORK/etc/master-password" <<'PY' || { tail -n 40 "$WORK/odoo.log"; fail "web checks"; }
import gzip
import http.client
import json
import socket
import ssl
import sys
import time

db, password, https_port, plain_port, url, secret_file = sys.argv[1:]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE


def request(method, path, body=None, host="welfare.example.org", headers=None):
    conn = http.client.HTTPSConnection("127.0.0.1", int(https_port), context=context, timeout=60)
    conn.request(method, path, body=body, headers={"Host": host, **(headers or {})})
    response = conn.getresponse()
    return response, response.read()


def rpc(path, params, host="welfare.example.org"):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
    response, data = request(
        "POST", path, body, host, {"Content-Type": "application/json"}
    )
    return json.loads(data)


for _i in range(120):
    try:
        response, _body = request("GET", "/web/login")
        if response.status == 200:
            break
    except (OSError, http.client.HTTPException):
        pass
    time.sleep(1)
else:
    sys.exit("Odoo did not answer through nginx")

response, body = request("GET", "/web/login", headers={"Accept-Encoding": "gzip"})
assert response.status == 200, response.status
assert response.getheader("Content-Encoding") == "gzip", response.getheaders()
assert b"login" in gzip.decompress(body)
print("  ok  HTTPS through nginx, gzip-compressed")

plain = http.client.HTTPConnection("127.0.0.1", int(plain_port), timeout=10)
plain.request("GET", "/web/login", headers={"Host": "welfare.example.org"})
redirect = plain.getresponse()
assert redirect.status == 301, redirect.status
assert redirect.getheader("Location") == "https://welfare.example.org/web/login"
print("  ok  plain HTTP is redirected to HTTPS")

def websocket_status():
    with socket.create_connection(("127.0.0.1", int(https_port)), timeout=30) as raw:
        with context.wrap_socket(raw) as tls:
            tls.sendall(
                b"GET /websocket HTTP/1.1\r\nHost: welfare.example.org\r\n"
                b"Origin: https://welfare.example.org\r\n"
                b"Upgrade: websocket\r\nConnection: Upgrade\r\n"
                b"Sec-WebSocket-Version: 13\r\n"
                b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
            )
            return tls.recv(4096).split(b"\r\n", 1)[0]


for _i in range(60):  # the websocket process starts after the workers
    status = websocket_status()
    if status != b"HTTP/1.1 502 Bad Gateway":
        break
    time.sleep(1)
assert status.split()[1] == b"101", status
print("  ok  /websocket is upgraded (Odoo's gevent port)")

refused = rpc("/web/session/authenticate", {"db": db, "login": "admin", "password": "admin"})
assert "error" in refused and not refused.get("result"), refused
print("  ok  admin/admin is refused")
# the administrator logs in under another host name: the public address stays
accepted = rpc(
    "/web/session/authenticate",
    {"db": db, "login": "admin", "password": password},
    host="10.0.0.5",
)
assert accepted.get("result", {}).get("uid") == 2, accepted
print("  ok  the generated administrator password logs in")

master = open(secret_file, encoding="utf-8").read().strip()
listing = rpc("/jsonrpc", {"service": "db", "method": "list", "args": []})
assert "error" in listing, listing
dump = rpc("/jsonrpc", {"service": "db", "method": "dump", "args": [master, db, "zip"]})
assert "error" in dump, str(dump)[:200]
print("  ok  no database list, no backup over the web even with the master password")
PY
CHECKS=$((CHECKS + 6))
base_url="$("$PYTHON" - "$DB" <<'PY'
import os
import sys

import psycopg2

conn = psycopg2.connect(host=os.environ["DB_HOST"], port=os.environ["DB_PORT"],
                        user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"],
                        dbname=sys.argv[1])
with conn, conn.cursor() as cr:
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = 'web.base.url'")
    print(cr.fetchone()[0])
conn.close()
PY
)"
[ "$base_url" = "$URL" ] || fail "web.base.url moved to $base_url"
ok "web.base.url is still $URL after the administrator's login elsewhere"

say "5. Backup while the server runs, restore into a new database"
bin/backup -c "$CONF" "$DB" "$WORK/backup.zip" >"$WORK/backup.log" 2>&1 \
  || { tail -n 20 "$WORK/backup.log"; fail "bin/backup"; }
[ "$(stat -c %a "$WORK/backup.zip")" = 600 ] || fail "the backup is not mode 600"
ok "backup taken: $(du -h "$WORK/backup.zip" | cut -f1), mode 600"
bin/restore -c "$CONF" "$WORK/backup.zip" "$RESTORED" >"$WORK/restore.log" 2>&1 \
  || { tail -n 20 "$WORK/restore.log"; fail "bin/restore"; }
ok "restored into $RESTORED"
if bin/restore -c "$CONF" "$WORK/backup.zip" "$RESTORED" >"$WORK/again.log" 2>&1; then
  fail "a restore onto an existing database was not refused"
fi
grep -q "already exists" "$WORK/again.log" || fail "no clear message for an existing database"
ok "a restore onto an existing database is refused"

"$PYTHON" - "$DB" "$RESTORED" "$CONF" <<'PY' || fail "the restored database differs"
import hashlib
import os
import sys

import psycopg2
from odoo.tools import config

original, restored, conf = sys.argv[1:]
config.parse_config(["-c", conf])
QUERIES = {
    "members": "SELECT count(*), string_agg(national_id, ',' ORDER BY national_id)"
    " FROM welfare_member",
    "contributions": "SELECT count(*), sum(amount), string_agg(receipt_number, ','"
    " ORDER BY receipt_number) FROM welfare_contribution WHERE state = 'confirmed'",
    "ledger entries": "SELECT count(*), sum(debit), sum(credit) FROM account_move_line"
    " JOIN account_move m ON m.id = move_id WHERE m.state = 'posted'",
    "files": "SELECT count(*), string_agg(checksum, ',' ORDER BY checksum)"
    " FROM ir_attachment WHERE store_fname IS NOT NULL",
    "identity": "SELECT string_agg(key || '=' || value, ',' ORDER BY key)"
    " FROM ir_config_parameter WHERE key IN ('database.uuid',"
    " 'welfare_membership.card_secret', 'web.base.url', 'web.base.url.freeze')",
}


def facts(db):
    conn = psycopg2.connect(host=os.environ["DB_HOST"], port=os.environ["DB_PORT"],
                            user=os.environ["DB_USER"],
                            password=os.environ["DB_PASSWORD"], dbname=db)
    with conn, conn.cursor() as cr:
        result = {}
        for name, query in QUERIES.items():
            cr.execute(query)
            result[name] = cr.fetchone()
        cr.execute("SELECT store_fname, checksum FROM ir_attachment"
                   " WHERE store_fname IS NOT NULL")
        files = cr.fetchall()
    conn.close()
    return result, files


before, _files = facts(original)
after, files = facts(restored)
for name in QUERIES:
    assert before[name] == after[name], (name, before[name], after[name])
assert before["members"][0] >= 30 and before["contributions"][0] >= 60
assert before["ledger entries"][0] > 0 and before["ledger entries"][1] > 0
assert before["ledger entries"][1] == before["ledger entries"][2]
filestore = config.filestore(restored)
for fname, checksum in files:
    with open(os.path.join(filestore, fname), "rb") as fh:
        assert hashlib.sha1(fh.read()).hexdigest() == checksum, fname
print(f"  ok  restored: {after['members'][0]} members, "
      f"{after['contributions'][0]} contributions ({after['contributions'][1]} baht), "
      f"{after['ledger entries'][0]} ledger lines ({after['ledger entries'][1]} "
      f"debit = credit), {after['files'][0]} files with their checksums, "
      "same identity and card secret")
PY
CHECKS=$((CHECKS + 1))

printf '\nProduction deployment: %s checks passed\n' "$CHECKS"
