"""Production configuration of a province: Odoo's configuration file and its secret.

Plain Python (no Odoo). ``production.py --database DB --addons-path PATH`` writes
the configuration from ``config/odoo-production.conf.template`` (mode 600) with:

* ``workers`` sized from the machine (see :func:`worker_count`);
* a master password made on the first run, kept in its own file (mode 600) and
  reused by every later run; the configuration holds only its PBKDF2-SHA512 hash,
  in the format Odoo reads (passlib's ``$pbkdf2-sha512$``).

Running it again with the same options writes the same file.
Connection to PostgreSQL from the environment: WELFARE_DB_HOST (empty: the local
socket), WELFARE_DB_PORT (5432), WELFARE_DB_USER (odoo), WELFARE_DB_PASSWORD.
"""

import argparse
import base64
import hashlib
import hmac
import os
import secrets
import string
import sys
from pathlib import Path

import profiles

REPO = Path(__file__).resolve().parent.parent.parent
TEMPLATE = REPO / "config" / "odoo-production.conf.template"
#: Memory a worker may use before it is recycled (limit_memory_soft), in MB.
WORKER_MEMORY_MB = 1024
#: Memory left to PostgreSQL, the cron worker and the system, in MB.
RESERVED_MEMORY_MB = 2048
MIN_WORKERS = 2
#: PBKDF2 rounds, as Odoo hashes the master password (odoo.tools.config).
HASH_ROUNDS = 600_000


def worker_count(cores, memory_mb):
    """Odoo's rule of 2 x cores + 1 workers, as far as the memory allows.

    Each worker may grow to WORKER_MEMORY_MB; RESERVED_MEMORY_MB stay for
    PostgreSQL and the system. Never fewer than MIN_WORKERS, so that one long
    request (an import, a report) does not hold up every user.
    """
    by_cores = 2 * cores + 1
    by_memory = (memory_mb - RESERVED_MEMORY_MB) // WORKER_MEMORY_MB
    return max(MIN_WORKERS, min(by_cores, by_memory))


def machine_memory_mb():
    """Total memory of this machine in MB (from /proc/meminfo)."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    raise RuntimeError("MemTotal not found in /proc/meminfo")


def _ab64(data):
    """passlib's adapted base64: '.' for '+', no padding."""
    return base64.b64encode(data).decode("ascii").replace("+", ".").rstrip("=")


def _ab64_decode(text):
    text = text.replace(".", "+")
    return base64.b64decode(text + "=" * (-len(text) % 4))


def hash_password(password, salt=None, rounds=HASH_ROUNDS):
    """A PBKDF2-SHA512 hash in passlib's format, as Odoo stores admin_passwd."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, rounds)
    return f"$pbkdf2-sha512${rounds}${_ab64(salt)}${_ab64(digest)}"


def verify_password(password, hashed):
    """Whether ``hashed`` (passlib's pbkdf2-sha512 format) is ``password``'s."""
    parts = (hashed or "").split("$")
    if len(parts) != 5 or parts[1] != "pbkdf2-sha512" or not parts[2].isdigit():
        return False
    try:
        salt, digest = _ab64_decode(parts[3]), _ab64_decode(parts[4])
    except ValueError:
        return False
    computed = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, int(parts[2]))
    return hmac.compare_digest(computed, digest)


def write_private(path, text):
    """Write ``text`` to ``path``, readable by its owner only (mode 600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def master_password(path):
    """The master password kept in ``path``; made (256 bits) on the first call."""
    path = Path(path)
    if path.exists():
        password = path.read_text(encoding="utf-8").strip()
        if len(password) < 32:
            raise ValueError(f"{path} holds no strong master password")
        os.chmod(path, 0o600)
        return password
    password = secrets.token_urlsafe(32)
    write_private(path, password + "\n")
    return password


def current_admin_hash(conf):
    """admin_passwd of an existing configuration file, or None."""
    conf = Path(conf)
    if not conf.exists():
        return None
    for line in conf.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == "admin_passwd":
            return value.strip()
    return None


def render(values, template=TEMPLATE):
    return string.Template(Path(template).read_text(encoding="utf-8")).substitute(
        values
    )


def write_config(args, env=os.environ):
    """Write the configuration; return (configuration path, password file path)."""
    output = Path(args.output).resolve()
    secret_file = Path(args.secret_file or output.with_name("master-password"))
    password = master_password(secret_file)
    admin_hash = current_admin_hash(output)
    if not verify_password(password, admin_hash):
        admin_hash = hash_password(password)
    cores = args.cores or os.cpu_count() or 1
    memory_mb = args.memory_mb or machine_memory_mb()
    values = {
        "ADDONS_PATH": args.addons_path,
        "DATA_DIR": str(Path(args.data_dir).resolve()),
        "DB_HOST": env.get("WELFARE_DB_HOST") or "False",
        "DB_PORT": env.get("WELFARE_DB_PORT") or "5432",
        "DB_USER": env.get("WELFARE_DB_USER") or "odoo",
        "DB_PASSWORD": env.get("WELFARE_DB_PASSWORD") or "False",
        "DB_NAME": args.database,
        "ADMIN_PASSWD": admin_hash,
        "MASTER_PASSWORD_FILE": str(secret_file.resolve()),
        "HTTP_PORT": str(args.http_port),
        "GEVENT_PORT": str(args.gevent_port),
        "CORES": str(cores),
        "MEMORY_MB": str(memory_mb),
        "WORKERS": str(worker_count(cores, memory_mb)),
    }
    write_private(output, render(values, args.template))
    return output, secret_file


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="production-config",
        description="Write the production Odoo configuration of a province.",
    )
    parser.add_argument("--database", required=True, help="the province database")
    parser.add_argument("--addons-path", required=True)
    parser.add_argument(
        "--output", default="odoo-production.conf", help="configuration to write"
    )
    parser.add_argument(
        "--secret-file",
        help="master password file (default: master-password next to --output)",
    )
    parser.add_argument("--data-dir", default="data", help="Odoo's data folder")
    parser.add_argument("--http-port", type=int, default=8069)
    parser.add_argument("--gevent-port", type=int, default=8072)
    parser.add_argument("--cores", type=int, help="CPU cores (default: this machine)")
    parser.add_argument("--memory-mb", type=int, help="memory (default: this machine)")
    parser.add_argument("--template", default=str(TEMPLATE))
    args = parser.parse_args(argv)
    if not profiles.DATABASE.match(args.database):
        parser.error(f"--database {args.database!r}: letters, digits, _ . and - only")
    return args


def main(argv):
    args = parse_args(argv)
    conf, secret_file = write_config(args)
    print(f"Wrote {conf} (mode 600)")
    print(f"Master password: in {secret_file} (mode 600)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
