#!/usr/bin/env python3
"""Static checks of the welfare fund addon suite.

Checks (each may be skipped with --skip NAME or chosen with --only NAME,...):

    ruff      ruff check + ruff format --check on addons/ bin/ tools/ tests/ bench/
    pylint    pylint-odoo's mandatory checks (.pylintrc) on every addon
    xml       every .xml is well-formed; no duplicate record id in an addon; a view
              that replaces parts of another has priority >= 99
    manifest  __manifest__.py is a dict; version 18.0.x.y.z; LGPL-3 or AGPL-3; author;
              depends; every data/demo file exists and every .xml/.csv of data/
              security/ views/ report/ wizards/ demo/ is listed
    access    every concrete model declared in Python has an ir.model.access.csv line
              in its addon or in an addon it depends on
    i18n      i18n/th.po and i18n/<addon>.pot exist, and every msgid of the .pot has a
              non-empty, non-fuzzy Thai msgstr

Exit status 0 when all chosen checks pass, 1 otherwise. Never imports Odoo.
"""

import argparse
import ast
import csv
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parent.parent
LINT_DIRS = ("addons", "bin", "tools", "tests", "bench")
LISTED_DIRS = ("data", "security", "views", "report", "wizards", "demo")
LICENSES = ("LGPL-3", "AGPL-3")
VERSION = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")
MIN_REPLACE_PRIORITY = 99
SKIPPED_PY_DIRS = {"tests", "migrations", "upgrades"}


def rel(path, root=None):
    """Path as shown in messages: relative to the repository when possible."""
    path = Path(path)
    for base in (root, REPO):
        if base is None:
            continue
        try:
            return str(path.resolve().relative_to(Path(base).resolve()))
        except ValueError:
            pass
    return str(path)


ONLY_ADDONS = set()  # when not empty: the addons checked (--addons)


def find_addons(addons_root):
    """Addon folders (holding a __manifest__.py) directly under ``addons_root``."""
    root = Path(addons_root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "__manifest__.py").is_file())


def checked_addons(addons_root):
    """The addons to check: all of them, or those named by --addons."""
    addons = find_addons(addons_root)
    return [a for a in addons if not ONLY_ADDONS or a.name in ONLY_ADDONS]


# --------------------------------------------------------------------------- manifest


def load_manifest(addon):
    """Return (manifest dict or None, [errors])."""
    path = Path(addon) / "__manifest__.py"
    try:
        manifest = ast.literal_eval(path.read_text(encoding="utf-8"))
    except (SyntaxError, ValueError) as exc:
        return None, [f"{rel(path)}: not a Python literal ({exc})"]
    if not isinstance(manifest, dict):
        return None, [f"{rel(path)}: the manifest is not a dict"]
    return manifest, []


def check_manifest(addon):
    addon = Path(addon)
    manifest, errors = load_manifest(addon)
    if manifest is None:
        return errors
    where = rel(addon / "__manifest__.py")
    version = manifest.get("version")
    if not isinstance(version, str) or not VERSION.match(version):
        errors.append(f"{where}: version {version!r} is not 18.0.x.y.z")
    if manifest.get("license") not in LICENSES:
        errors.append(
            f"{where}: license {manifest.get('license')!r} is not one of "
            + ", ".join(LICENSES)
        )
    if not isinstance(manifest.get("author"), str) or not manifest["author"].strip():
        errors.append(f"{where}: no author")
    depends = manifest.get("depends")
    if not isinstance(depends, list) or not depends:
        errors.append(f"{where}: 'depends' must be a non-empty list")
    listed = set()
    for key in ("data", "demo"):
        files = manifest.get(key, [])
        if not isinstance(files, list):
            errors.append(f"{where}: '{key}' must be a list")
            continue
        for name in files:
            listed.add(Path(name).as_posix())
            if not (addon / name).is_file():
                errors.append(f"{where}: {key} file {name} does not exist")
    for folder in LISTED_DIRS:
        for path in sorted((addon / folder).rglob("*")):
            if path.suffix not in (".xml", ".csv") or not path.is_file():
                continue
            name = path.relative_to(addon).as_posix()
            if name.startswith("data/template/"):
                # Chart-of-accounts templates: read by Odoo's chart-template
                # mechanism from this folder, never listed in the manifest.
                continue
            if name not in listed:
                errors.append(f"{where}: {name} is not listed in 'data' or 'demo'")
    return errors


def suite_dependencies(addon, addons_by_name):
    """Names of ``addon`` and of the suite addons it depends on, directly or not."""
    seen, todo = set(), [Path(addon).name]
    while todo:
        name = todo.pop()
        if name in seen or name not in addons_by_name:
            continue
        seen.add(name)
        manifest, _errors = load_manifest(addons_by_name[name])
        todo.extend((manifest or {}).get("depends", []) or [])
    return seen


# -------------------------------------------------------------------------------- xml


def _xml_files(addon):
    return sorted(p for p in Path(addon).rglob("*.xml") if p.is_file())


def _dangerous_replace(element, priority):
    replaces = [node for node in element.iter() if node.get("position") == "replace"]
    if not replaces:
        return False
    try:
        return int(priority or 16) < MIN_REPLACE_PRIORITY
    except ValueError:
        return True


def check_xml(addon):
    """Well-formedness, duplicate record ids, views replacing without priority."""
    addon = Path(addon)
    errors = []
    seen = {}
    for path in _xml_files(addon):
        try:
            tree = ElementTree.parse(path)
        except ElementTree.ParseError as exc:
            errors.append(f"{rel(path)}: XML not well-formed: {exc}")
            continue
        kind = "demo" if "demo" in path.relative_to(addon).parts else "data"
        for node in tree.iter():
            if node.tag not in ("record", "template", "menuitem", "act_window"):
                continue
            xmlid = node.get("id")
            if not xmlid:
                continue
            if xmlid.startswith(addon.name + "."):
                xmlid = xmlid[len(addon.name) + 1 :]
            key = (xmlid, kind)
            if key in seen:
                errors.append(
                    f"{rel(path)}: duplicate-xml-record-id {xmlid!r} "
                    f"(also in {seen[key]})"
                )
            else:
                seen[key] = rel(path)
            if node.tag == "record" and node.get("model") == "ir.ui.view":
                fields = {f.get("name"): f for f in node.findall("field")}
                arch = fields.get("arch")
                if "inherit_id" in fields and arch is not None:
                    priority = fields.get("priority")
                    value = (
                        None
                        if priority is None
                        else priority.get("eval", priority.text)
                    )
                    if _dangerous_replace(arch, value):
                        errors.append(
                            f"{rel(path)}: dangerous-view-replace-wo-priority in "
                            f"{xmlid!r}: set priority >= {MIN_REPLACE_PRIORITY} or "
                            'do not use position="replace"'
                        )
            elif node.tag == "template" and node.get("inherit_id"):
                if _dangerous_replace(node, node.get("priority")):
                    errors.append(
                        f"{rel(path)}: dangerous-view-replace-wo-priority in "
                        f"{xmlid!r}: set priority >= {MIN_REPLACE_PRIORITY} or "
                        'do not use position="replace"'
                    )
    return errors


# ----------------------------------------------------------------------------- access


def _literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def _base_name(node):
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def declared_models(addon):
    """[(model name, file, line)] of concrete models an addon's Python code declares.

    A model is declared by a class with ``_name`` that is not merely extending the
    same model through ``_inherit``; classes based on AbstractModel, or with
    ``_auto = False`` or ``_abstract = True``, are skipped. Tests and migrations are
    not looked at.
    """
    addon = Path(addon)
    found = []
    for path in sorted(addon.rglob("*.py")):
        if SKIPPED_PY_DIRS & set(path.relative_to(addon).parts[:-1]):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError:
            continue  # reported by ruff
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            attrs = {}
            for stmt in cls.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                    target = stmt.targets[0]
                    if isinstance(target, ast.Name):
                        attrs[target.id] = (_literal(stmt.value), stmt.lineno)
            name = attrs.get("_name", (None,))[0]
            if not isinstance(name, str):
                continue
            if any(_base_name(b) == "AbstractModel" for b in cls.bases):
                continue
            if attrs.get("_auto", (True,))[0] is False:
                continue
            if attrs.get("_abstract", (False,))[0] is True:
                continue
            inherit = attrs.get("_inherit", (None,))[0]
            inherits = [inherit] if isinstance(inherit, str) else inherit or []
            if name in inherits:
                continue
            found.append((name, path, attrs["_name"][1]))
    return found


def model_xmlid(model):
    return "model_" + model.replace(".", "_")


def access_models(addon):
    """The ``model_*`` xml ids (module prefix removed) of an addon's access file."""
    path = Path(addon) / "security" / "ir.model.access.csv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    column = next(
        (c for c in ("model_id:id", "model_id/id") if rows and c in rows[0]), None
    )
    if column is None:
        return set()
    return {row[column].strip().split(".")[-1] for row in rows if row.get(column)}


def check_access(addons_root):
    addons = {p.name: p for p in find_addons(addons_root)}
    granted = {name: access_models(path) for name, path in addons.items()}
    errors = []
    for name, path in addons.items():
        if ONLY_ADDONS and name not in ONLY_ADDONS:
            continue
        covered = set().union(
            *(granted[dep] for dep in suite_dependencies(path, addons))
        )
        for model, file, line in declared_models(path):
            if model_xmlid(model) not in covered:
                errors.append(
                    f"{rel(file)}:{line}: model {model} has no line in "
                    f"{name}/security/ir.model.access.csv (model_id:id "
                    f"{model_xmlid(model)}) nor in an addon it depends on"
                )
    return errors


# ------------------------------------------------------------------------------- i18n


class PoError(ValueError):
    pass


def _po_string(text, lineno):
    try:
        value = ast.literal_eval(text)
    except (SyntaxError, ValueError):
        value = None
    if not isinstance(value, str):
        raise PoError(f"line {lineno}: bad string {text}")
    return value


_PO_KEYWORD = re.compile(
    r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$'
)


def parse_po(text):  # noqa: C901 - one small state machine
    """Parse the text of a .po/.pot file into a list of entries.

    Each entry is a dict: ``msgctxt`` (or None), ``msgid``, ``msgid_plural`` (or None),
    ``msgstr`` (str; for plurals the forms joined by NUL), ``fuzzy`` (bool),
    ``obsolete`` (bool). Raises PoError on malformed input.
    """
    entries = []
    entry, field = None, None

    def finish():
        nonlocal entry, field
        if entry is not None and "msgid" in entry:
            forms = entry.pop("plural_forms", {})
            if forms:
                entry["msgstr"] = "\0".join(forms[k] for k in sorted(forms))
            entry.setdefault("msgstr", "")
            entries.append(entry)
        entry, field = None, None

    def new_entry():
        return {
            "msgctxt": None,
            "msgid_plural": None,
            "fuzzy": False,
            "obsolete": False,
        }

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            continue
        if line.startswith("#") and not obsolete:
            if entry is not None and "msgid" in entry and field != "comment":
                finish()
            if entry is None:
                entry = new_entry()
            field = "comment"
            if line.startswith("#,"):
                flags = {flag.strip() for flag in line[2:].split(",")}
                entry["fuzzy"] = entry["fuzzy"] or "fuzzy" in flags
            continue
        match = _PO_KEYWORD.match(line)
        if match:
            keyword, value = match.group(1), _po_string(match.group(2), lineno)
            if (
                keyword in ("msgctxt", "msgid")
                and entry is not None
                and ("msgid" in entry)
            ):
                finish()
            if entry is None:
                entry = new_entry()
            entry["obsolete"] = entry["obsolete"] or obsolete
            if keyword.startswith("msgstr["):
                entry.setdefault("plural_forms", {})[keyword] = value
            else:
                entry[keyword] = value
            field = keyword
            continue
        if line.startswith('"') and field and field != "comment":
            value = _po_string(line, lineno)
            if field.startswith("msgstr["):
                entry["plural_forms"][field] += value
            else:
                entry[field] += value
            continue
        raise PoError(f"line {lineno}: cannot read {raw!r}")
    finish()
    return entries


def read_po(path):
    return parse_po(Path(path).read_text(encoding="utf-8"))


def check_i18n(addon):
    addon = Path(addon)
    po_path = addon / "i18n" / "th.po"
    pot_path = addon / "i18n" / f"{addon.name}.pot"
    errors = []
    for path in (po_path, pot_path):
        if not path.is_file():
            errors.append(f"{rel(addon)}: missing {path.relative_to(addon)}")
    if errors:
        return errors
    try:
        pot = read_po(pot_path)
        po = read_po(po_path)
    except PoError as exc:
        return [f"{rel(addon)}/i18n: {exc}"]
    translations = {
        (e["msgctxt"], e["msgid"]): e for e in po if not e["obsolete"] and e["msgid"]
    }
    for entry in pot:
        if entry["obsolete"] or not entry["msgid"]:
            continue
        found = translations.get((entry["msgctxt"], entry["msgid"]))
        short = entry["msgid"].replace("\n", "\\n")
        if len(short) > 70:
            short = short[:67] + "..."
        if found is None:
            errors.append(f"{rel(po_path)}: msgid {short!r} of the .pot is missing")
        elif not found["msgstr"].replace("\0", ""):
            errors.append(f"{rel(po_path)}: msgid {short!r} has an empty msgstr")
        elif found["fuzzy"]:
            errors.append(f"{rel(po_path)}: msgid {short!r} is marked fuzzy")
    return errors


# ---------------------------------------------------------------------- external tools


def _have_module(name):
    return importlib.util.find_spec(name) is not None


def _run(command, cwd):
    print("$ " + " ".join(str(c) for c in command), flush=True)
    return subprocess.run(command, cwd=cwd, check=False).returncode


def run_ruff(repo):
    if not _have_module("ruff"):
        return ["ruff is not installed (pip install -r requirements-dev.txt)"]
    dirs = [d for d in LINT_DIRS if (Path(repo) / d).is_dir()]
    if not dirs:
        return []
    errors = []
    ruff = [sys.executable, "-m", "ruff"]
    if _run([*ruff, "check", "--no-fix", *dirs], repo):
        errors.append(
            "ruff check found problems (see above; `ruff check --fix` mends many)"
        )
    if _run([*ruff, "format", "--check", *dirs], repo):
        errors.append("ruff format: files need formatting (run `ruff format`)")
    return errors


def run_pylint(repo):
    addons = checked_addons(Path(repo) / "addons")
    if not addons:
        return []
    if not _have_module("pylint_odoo"):
        return ["pylint-odoo is not installed (pip install -r requirements-dev.txt)"]
    command = [
        sys.executable,
        "-m",
        "pylint",
        "--rcfile",
        str(Path(repo) / ".pylintrc"),
    ]
    if _run([*command, *(str(a.relative_to(repo)) for a in addons)], repo):
        return ["pylint-odoo found problems (see above)"]
    return []


# ------------------------------------------------------------------------------- main


def _per_addon(function):
    def check(repo):
        errors = []
        for addon in checked_addons(Path(repo) / "addons"):
            errors.extend(function(addon))
        return errors

    return check


CHECKS = {
    "ruff": run_ruff,
    "pylint": run_pylint,
    "xml": _per_addon(check_xml),
    "manifest": _per_addon(check_manifest),
    "access": lambda repo: check_access(Path(repo) / "addons"),
    "i18n": _per_addon(check_i18n),
}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Static checks of the welfare fund addon suite."
    )
    parser.add_argument("--repo", type=Path, default=REPO, help="repository root")
    parser.add_argument("--only", default="", help="comma-separated checks to run")
    parser.add_argument("--skip", default="", help="comma-separated checks to skip")
    parser.add_argument(
        "--addons", default="", help="comma-separated addons to check (default: all)"
    )
    args = parser.parse_args(argv)
    ONLY_ADDONS.clear()
    ONLY_ADDONS.update(a for a in args.addons.split(",") if a)
    chosen = [c for c in args.only.split(",") if c] or list(CHECKS)
    skipped = {c for c in args.skip.split(",") if c}
    unknown = (set(chosen) | skipped) - set(CHECKS)
    if unknown:
        parser.error("unknown check(s): " + ", ".join(sorted(unknown)))
    failed = []
    for name in chosen:
        if name in skipped:
            continue
        print(f"--- {name}", flush=True)
        errors = CHECKS[name](args.repo.resolve())
        for error in errors:
            print(f"[{name}] {error}", flush=True)
        print(f"--- {name}: {'FAILED' if errors else 'ok'}", flush=True)
        if errors:
            failed.append(name)
    if failed:
        print("Static checks failed: " + ", ".join(failed))
        return 1
    print("Static checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
