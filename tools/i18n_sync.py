#!/usr/bin/env python3
"""Keep an addon's translation template and Thai translation in step.

  tools/i18n_sync.py ADDON --db DB [-c ODOO_CONF]   export i18n/ADDON.pot from a
        database where ADDON is installed, then merge it into i18n/th.po: new
        terms are added (empty), gone terms removed, translations kept.
  tools/i18n_sync.py ADDON --missing                list terms of th.po without a
        translation.
  tools/i18n_sync.py ADDON --set FILE.json          fill th.po from a JSON object
        {"msgid": "msgstr", ...}.

Needs polib (an Odoo requirement) and, for the export, Odoo itself.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
HEADER = {
    "Project-Id-Version": "Odoo Server 18.0",
    "Language": "th",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def export_pot(addon, db, conf):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{addon}.pot"
        cmd = [
            sys.executable,
            "-m",
            "odoo",
            "-d",
            db,
            "--i18n-export",
            str(out),
            "--modules",
            addon,
            "--stop-after-init",
            "--log-level=warn",
        ]
        if conf:
            cmd[3:3] = ["-c", conf]
        subprocess.run(cmd, check=True)
        return out.read_text(encoding="utf-8")


def merge(addon, pot_text):
    i18n = ROOT / "addons" / addon / "i18n"
    i18n.mkdir(exist_ok=True)
    (i18n / f"{addon}.pot").write_text(pot_text, encoding="utf-8")
    pot = polib.pofile(pot_text)
    po_path = i18n / "th.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if not e.obsolete}
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(HEADER)
    po.header = (
        "Translation of Odoo Server.\n"
        "This file contains the translation of the following modules:\n"
        f"\t* {addon}\n"
    )
    for entry in pot:
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=known.get((entry.msgctxt, entry.msgid), ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=entry.flags,
        )
        po.append(new)
    po.save(str(po_path))
    missing = [e.msgid for e in po if not e.msgstr]
    print(f"{addon}: {len(po)} terms, {len(missing)} without a Thai translation")
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("addon")
    parser.add_argument("--db")
    parser.add_argument("-c", "--config")
    parser.add_argument("--missing", action="store_true")
    parser.add_argument("--set", dest="set_file")
    args = parser.parse_args()
    po_path = ROOT / "addons" / args.addon / "i18n" / "th.po"
    if args.db:
        merge(args.addon, export_pot(args.addon, args.db, args.config))
    if args.set_file:
        values = json.loads(Path(args.set_file).read_text(encoding="utf-8"))
        po = polib.pofile(str(po_path), wrapwidth=78)
        done = 0
        for entry in po:
            if entry.msgid in values:
                entry.msgstr = values[entry.msgid]
                done += 1
        po.save(str(po_path))
        print(f"{done} translations set")
    if args.missing:
        po = polib.pofile(str(po_path))
        missing = [e.msgid for e in po if not e.msgstr]
        print(json.dumps(dict.fromkeys(missing, ""), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
