"""Small database chores for the shell scripts, through psycopg2 (Odoo's own driver).

Usage: dbtool.py exists DB | drop DB
Connection from the environment: DB_HOST, DB_PORT, DB_USER, DB_PASSWORD.
Exit status of ``exists``: 0 when the database exists, 1 when not.
"""

import os
import sys


def connect():
    import psycopg2  # noqa: PLC0415 - imported late so --help works without it

    conn = psycopg2.connect(
        host=os.environ.get("DB_HOST") or None,
        port=os.environ.get("DB_PORT") or None,
        user=os.environ.get("DB_USER") or None,
        password=os.environ.get("DB_PASSWORD") or None,
        dbname="postgres",
    )
    conn.autocommit = True
    return conn


def database_exists(cr, name):
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
    return bool(cr.fetchone())


def drop_database(cr, name):
    from psycopg2 import sql  # noqa: PLC0415

    cr.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        (name,),
    )
    cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def main(argv):
    if len(argv) != 2 or argv[0] not in ("exists", "drop"):
        sys.stderr.write(__doc__)
        return 2
    command, name = argv
    conn = connect()
    try:
        with conn.cursor() as cr:
            if command == "exists":
                return 0 if database_exists(cr, name) else 1
            drop_database(cr, name)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
