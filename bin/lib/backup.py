"""Backup and restore of a database with its filestore, through Odoo's own code.

Usage: backup.py -c ODOO_CONF dump DB FILE
       backup.py -c ODOO_CONF restore FILE NEWDB

The archive is Odoo's own backup format (what the database manager makes and
restores): a zip of ``dump.sql`` (pg_dump), ``filestore/`` and ``manifest.json``.

Odoo's ``dump_db`` copies the filestore first and runs pg_dump afterwards, so an
attachment made in between is in the dump without its file. Here the database is
dumped from one snapshot and the filestore copied for exactly the attachments that
snapshot holds, while the filestore's garbage collector is held off (it needs a
SHARE lock on ir_attachment; the backup holds ROW EXCLUSIVE, which lets users go on
creating attachments). A file the snapshot needs and the filestore lacks stops the
backup. The restore is Odoo's ``restore_db``: it refuses an existing database; a
failed restore drops what it created.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def load_odoo(conf):
    import odoo  # noqa: PLC0415 - Odoo is needed only once the command is known

    odoo.tools.config.parse_config(["-c", conf])
    odoo.netsvc.init_logger()
    # Odoo's database functions are those of its database manager, which the
    # production configuration closes to the web (list_db = False, dbfilter).
    # This process serves no web request: it is the administrator's, on the
    # server, with the server's own configuration.
    odoo.tools.config["list_db"] = True
    odoo.tools.config["dbfilter"] = ".*"
    return odoo


def dump(odoo, db, target):
    """Write the backup of ``db`` to ``target``; returns the manifest."""
    from odoo.service import db as service  # noqa: PLC0415

    if not service.exp_db_exist(db):
        raise SystemExit(f"error: database {db} does not exist")
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    filestore = Path(odoo.tools.config.filestore(db))
    with (
        tempfile.TemporaryDirectory(dir=target.parent) as tmp,
        odoo.sql_db.db_connect(db).cursor() as cr,
    ):
        # Odoo's cursors are REPEATABLE READ: every query below and pg_dump
        # (through the exported snapshot) see the same database.
        cr.execute("LOCK TABLE ir_attachment IN ROW EXCLUSIVE MODE")
        cr.execute("SELECT pg_export_snapshot()")
        snapshot = cr.fetchone()[0]
        manifest = service.dump_db_manifest(cr)
        with open(os.path.join(tmp, "manifest.json"), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, indent=4)
        subprocess.run(
            [
                odoo.tools.misc.find_pg_tool("pg_dump"),
                "--no-owner",
                f"--snapshot={snapshot}",
                f"--file={os.path.join(tmp, 'dump.sql')}",
                db,
            ],
            env=odoo.tools.misc.exec_pg_environ(),
            check=True,
        )
        cr.execute(
            "SELECT DISTINCT store_fname FROM ir_attachment"
            " WHERE store_fname IS NOT NULL ORDER BY store_fname"
        )
        missing = []
        for (fname,) in cr.fetchall():
            source = filestore / fname
            if not source.is_file():
                missing.append(fname)
                continue
            copy = Path(tmp, "filestore", fname)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
        if missing:
            raise SystemExit(
                f"error: {len(missing)} file(s) of the database are missing from "
                f"{filestore}, e.g. {missing[0]}: backup not written"
            )
        partial = target.with_name(target.name + ".part")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as stream:
            odoo.tools.osutil.zip_dir(
                tmp,
                stream,
                include_dir=False,
                fnct_sort=lambda name: name != "dump.sql",
            )
        os.replace(partial, target)
    return manifest


def restore(odoo, source, db):
    """Restore the backup ``source`` into the new database ``db``."""
    import zipfile  # noqa: PLC0415

    from odoo.service import db as service  # noqa: PLC0415

    if service.exp_db_exist(db):
        raise SystemExit(
            f"error: database {db} already exists: restore into a new name "
            "(a restore never overwrites a database)"
        )
    if not zipfile.is_zipfile(source):
        raise SystemExit(f"error: {source} is not a backup made by bin/backup")
    with zipfile.ZipFile(source) as archive:
        names = set(archive.namelist())
        if not {"dump.sql", "manifest.json"} <= names:
            raise SystemExit(f"error: {source} lacks dump.sql or manifest.json")
        manifest = json.loads(archive.read("manifest.json"))
    if manifest.get("version_info", [None])[:2] != list(odoo.release.version_info[:2]):
        raise SystemExit(
            f"error: {source} comes from Odoo {manifest.get('version')}, "
            f"not {odoo.release.serie}"
        )
    try:
        # the same database again (copy=False): its identity, secrets (member
        # card signatures, sessions) and frozen web.base.url are kept
        service.restore_db(db, str(source), copy=False)
    except BaseException:
        service.exp_drop(db)
        raise
    return manifest


def main(argv):
    parser = argparse.ArgumentParser(prog="backup.py")
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration")
    sub = parser.add_subparsers(dest="command", required=True)
    dump_parser = sub.add_parser("dump")
    dump_parser.add_argument("database")
    dump_parser.add_argument("file")
    restore_parser = sub.add_parser("restore")
    restore_parser.add_argument("file")
    restore_parser.add_argument("database")
    args = parser.parse_args(argv)
    odoo = load_odoo(args.config)
    if args.command == "dump":
        manifest = dump(odoo, args.database, args.file)
        print(
            f"Backup of {args.database} written to {args.file}: "
            f"{len(manifest['modules'])} modules, PostgreSQL {manifest['pg_version']}"
        )
    else:
        restore(odoo, args.file, args.database)
        print(f"Restored {args.file} into the new database {args.database}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
