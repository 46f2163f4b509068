"""The production configuration of a province and its reverse proxy."""

import configparser
import math
import re
import stat
from pathlib import Path

import production
import pytest

from odoo.addons.welfare_membership.lib import registry

REPO = Path(__file__).resolve().parent.parent
NGINX = REPO / "config" / "nginx" / "welfare.conf"


def run(tmp_path, *extra, env=None):
    args = production.parse_args(
        [
            "--database",
            "welfare_khon_kaen",
            "--addons-path",
            "/srv/welfare/addons",
            "--output",
            str(tmp_path / "etc" / "odoo.conf"),
            "--data-dir",
            str(tmp_path / "data"),
            "--cores",
            "2",
            "--memory-mb",
            "8192",
            *extra,
        ]
    )
    return production.write_config(args, env=env or {})


def options(conf):
    parser = configparser.RawConfigParser()
    parser.read(conf, encoding="utf-8")
    return dict(parser["options"])


@pytest.mark.parametrize(
    ("cores", "memory_mb", "workers"),
    [
        (2, 8192, 5),  # 2 x 2 + 1
        (8, 65536, 17),  # 2 x 8 + 1
        (8, 8192, 6),  # memory: (8192 - 2048) / 1024
        (4, 3072, 2),  # never fewer than two
    ],
)
def test_workers_follow_cores_within_memory(cores, memory_mb, workers):
    assert production.worker_count(cores, memory_mb) == workers


def test_configuration_is_for_production(tmp_path):
    conf, _secret = run(tmp_path)
    opts = options(conf)
    assert opts["workers"] == "5"
    assert opts["max_cron_threads"] == "1"
    assert opts["proxy_mode"] == "True"
    assert opts["list_db"] == "False"
    assert opts["without_demo"] == "all"
    assert opts["db_name"] == "welfare_khon_kaen"
    assert opts["dbfilter"] == "^welfare_khon_kaen$"
    assert opts["http_interface"] == "127.0.0.1"
    assert (opts["http_port"], opts["gevent_port"]) == ("8069", "8072")
    assert int(opts["limit_memory_soft"]) < int(opts["limit_memory_hard"])
    assert int(opts["limit_time_cpu"]) <= int(opts["limit_time_real"])
    assert opts["data_dir"] == str(tmp_path / "data")
    assert opts["db_host"] == "False"  # the local socket


def test_database_connection_comes_from_the_environment(tmp_path):
    env = {
        "WELFARE_DB_HOST": "db.internal",
        "WELFARE_DB_PORT": "5433",
        "WELFARE_DB_USER": "welfare",
        "WELFARE_DB_PASSWORD": "s3cret",
    }
    opts = options(run(tmp_path, env=env)[0])
    assert (opts["db_host"], opts["db_port"]) == ("db.internal", "5433")
    assert (opts["db_user"], opts["db_password"]) == ("welfare", "s3cret")


def test_master_password_is_strong_private_and_only_hashed_in_the_configuration(
    tmp_path,
):
    conf, secret = run(tmp_path)
    password = secret.read_text(encoding="utf-8").strip()
    assert len(password) >= 40 and password != "admin"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(conf.stat().st_mode) == 0o600
    stored = options(conf)["admin_passwd"]
    assert stored.startswith("$pbkdf2-sha512$600000$")
    assert password not in conf.read_text(encoding="utf-8")
    assert production.verify_password(password, stored)
    assert not production.verify_password("admin", stored)


def test_running_again_reuses_the_password_and_writes_the_same_file(tmp_path):
    conf, secret = run(tmp_path)
    first = (conf.read_bytes(), secret.read_bytes())
    stored_hash = options(conf)["admin_passwd"]
    run(tmp_path)
    assert (conf.read_bytes(), secret.read_bytes()) == first
    # other machine sizes change the workers, never the master password
    run(tmp_path, "--cores", "4", "--memory-mb", "32768")
    assert options(conf)["workers"] == "9"
    assert options(conf)["admin_passwd"] == stored_hash
    assert secret.read_bytes() == first[1]


def test_two_provinces_get_two_master_passwords(tmp_path):
    _conf, first = run(tmp_path / "a")
    _conf, second = run(tmp_path / "b")
    assert first.read_text() != second.read_text()


def test_a_weak_stored_master_password_is_refused(tmp_path):
    secret = tmp_path / "etc" / "master-password"
    secret.parent.mkdir()
    secret.write_text("admin\n")
    with pytest.raises(ValueError, match="no strong master password"):
        run(tmp_path)


def test_database_name_is_checked(tmp_path):
    with pytest.raises(SystemExit):
        production.parse_args(["--database", "x$(id)", "--addons-path", "a"])


# ------------------------------------------------------------------ nginx


def nginx_blocks():
    text = re.sub(r"#.*", "", NGINX.read_text(encoding="utf-8"))
    locations = dict(
        re.findall(r"location\s+(\S+)\s*\{([^}]*)\}", text, flags=re.DOTALL)
    )
    return text, locations


def test_nginx_routes_the_websocket_to_the_gevent_port_with_upgrade():
    text, locations = nginx_blocks()
    conf_ports = production.parse_args(["--database", "d", "--addons-path", "a"])
    assert f"server 127.0.0.1:{conf_ports.gevent_port};" in text
    assert f"server 127.0.0.1:{conf_ports.http_port};" in text
    websocket = locations["/websocket"]
    assert "proxy_pass http://welfare_odoo_websocket;" in websocket
    assert "proxy_set_header Upgrade $http_upgrade;" in websocket
    assert "proxy_set_header Connection $welfare_connection_upgrade;" in websocket
    assert "proxy_pass http://welfare_odoo;" in locations["/"]


def test_nginx_passes_the_proxy_headers_odoo_reads_in_every_location():
    _text, locations = nginx_blocks()
    for block in locations.values():
        for header in ("Host", "X-Forwarded-Host", "X-Forwarded-For"):
            assert f"proxy_set_header {header} " in block
        assert "proxy_set_header X-Forwarded-Proto $scheme;" in block


def test_nginx_serves_https_only_with_gzip():
    text, _locations = nginx_blocks()
    assert "listen 443 ssl" in text
    assert "return 301 https://$host$request_uri;" in text
    assert re.search(r"^\s*gzip on;", text, flags=re.MULTILINE)


def test_nginx_accepts_the_largest_registry_file_the_import_accepts():
    text, _locations = nginx_blocks()
    body_mb = int(re.search(r"client_max_body_size (\d+)m;", text).group(1))
    # base64 in a JSON request: four bytes for three, and room for the request
    assert body_mb >= math.ceil(registry.MAX_FILE_BYTES * 4 / 3 / 1024 / 1024) + 1
    assert body_mb <= 2 * registry.MAX_FILE_BYTES / 1024 / 1024
