"""Every Python file of tests/, bin/, tools/ and bench/ imports in the suite's
virtualenv, and every package it imports is declared in a requirements file.

A package that is there only because something else brought it (python-dateutil came
with Odoo's requirements, yet the pure-Python tests need it without Odoo) is missing on
the next machine that installs less: it must be named.
"""

import ast
import json
import re
import subprocess
import sys
from importlib import machinery, metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FOLDERS = ("tests", "bin/lib", "tools", "bench")
#: Python files without the .py ending
SCRIPTS = ("bench/run",)

#: Packages the suite's code gets from Odoo's own requirements. Used only where Odoo is
#: absent (WELFARE_NO_ODOO=1); where Odoo is present, a test checks each is one of
#: Odoo's requirements.
PROVIDED_BY_ODOO = {"odoo": None, "psycopg2": "psycopg2", "xlsxwriter": "XlsxWriter"}


def odoo_requirements():
    """Odoo's requirements file, or None where Odoo is not importable.

    Odoo is looked for on the path, not among the imported modules: the pure
    tests' ``odoo`` is a stand-in (see conftest.py).
    """
    spec = machinery.PathFinder.find_spec("odoo")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder).parent / "requirements.txt"
        if path.is_file():
            return path
    return None


def python_files():
    files = []
    for folder in FOLDERS:
        files += sorted((REPO / folder).glob("*.py"))
    files += [REPO / script for script in SCRIPTS]
    return files


def local_names():
    """Modules a file of the repository imports from its own folder."""
    return {path.stem for path in python_files()} | {"conftest"}


def imported_names(path):
    """Top-level names of every absolute import of a file, nested ones included."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(path):
    names = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)", line)
        if match:
            names.add(canonical(match.group(1)))
    return names


def declared_distributions():
    names = declared(REPO / "requirements-dev.txt") | declared(
        REPO / "requirements.txt"
    )
    odoo_reqs = odoo_requirements()
    if odoo_reqs:
        names |= declared(odoo_reqs)
    else:
        names |= {canonical(dist) for dist in PROVIDED_BY_ODOO.values() if dist}
    return names


def third_party_imports():
    """{import name: [files]} of imports neither of the standard library nor local."""
    local = local_names()
    found = {}
    for path in python_files():
        for name in imported_names(path):
            # pip: every virtualenv has it (bin/lib/bootstrap.py reads markers with it)
            if (
                name in sys.stdlib_module_names
                or name in local
                or name in ("odoo", "pip")
            ):
                continue
            found.setdefault(name, []).append(str(path.relative_to(REPO)))
    return found


def test_every_imported_package_is_declared():
    distributions = metadata.packages_distributions()
    wanted = declared_distributions()
    undeclared = {}
    for name, files in sorted(third_party_imports().items()):
        if name == "tomli" and sys.version_info >= (3, 11):
            continue  # imported only below Python 3.11, where tomllib is missing
        dists = {canonical(d) for d in distributions.get(name, [])}
        if not dists & wanted:
            undeclared[name] = (sorted(dists) or ["not installed"], files)
    assert not undeclared, (
        f"imported but not declared in a requirements file: {undeclared}"
    )


def test_plain_modules_need_only_the_dev_requirements():
    """The addons' plain modules (lib/) run in the pure-Python tests, without Odoo."""
    distributions = metadata.packages_distributions()
    wanted = declared(REPO / "requirements-dev.txt")
    undeclared = {}
    for path in sorted(REPO.glob("addons/*/lib/*.py")):
        for name in imported_names(path):
            if name in sys.stdlib_module_names or name in ("odoo", "pip"):
                continue
            if not {canonical(d) for d in distributions.get(name, [])} & wanted:
                undeclared.setdefault(name, []).append(str(path.relative_to(REPO)))
    assert not undeclared, f"not in requirements-dev.txt: {undeclared}"


IMPORTER = r"""
import importlib.machinery, importlib.util, json, sys, traceback
results = {}
for path in sys.argv[1:]:
    folder = path.rsplit("/", 1)[0]
    sys.path.insert(0, folder)
    name = "_suite_" + path.replace("/", "_").replace(".", "_")
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    module = importlib.util.module_from_spec(spec)
    try:
        loader.exec_module(module)
        results[path] = None
    except ModuleNotFoundError as exc:
        results[path] = ["missing", exc.name]
    except BaseException as exc:
        text = traceback.format_exception_only(type(exc), exc)
        results[path] = ["error", "".join(text)]
    finally:
        sys.path.remove(folder)
print(json.dumps(results))
"""


@pytest.mark.parametrize("folder", FOLDERS + ("scripts",))
def test_every_module_imports(folder):
    if folder == "scripts":
        paths = [REPO / script for script in SCRIPTS]
    else:
        paths = sorted((REPO / folder).glob("*.py"))
    proc = subprocess.run(
        [sys.executable, "-c", IMPORTER, *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout.strip().splitlines()[-1])
    odoo_here = odoo_requirements() is not None
    failures = {}
    for path, problem in results.items():
        if problem is None:
            continue
        kind, detail = problem
        if (
            kind == "missing"
            and not odoo_here
            and detail.split(".")[0] in PROVIDED_BY_ODOO
        ):
            continue  # Odoo's own packages, absent with WELFARE_NO_ODOO=1
        failures[str(Path(path).relative_to(REPO))] = problem
    assert not failures, f"modules that do not import: {failures}"


def test_packages_said_to_come_with_odoo_are_odoo_requirements():
    odoo_reqs = odoo_requirements()
    if odoo_reqs is None:
        # Without Odoo the list above stands in for Odoo's requirements: it must at
        # least name only packages the suite's code imports.
        assert set(PROVIDED_BY_ODOO) <= set(third_party_imports()) | {"odoo"}
        return
    odoo_names = declared(odoo_reqs)
    assert {canonical(d) for d in PROVIDED_BY_ODOO.values() if d} <= odoo_names
