"""Pure-Python tests of the repository's tools and of the addons' plain modules.

They never import Odoo. The addons' plain modules (``<addon>/lib/``) import
each other as they do at run time, ``from odoo.addons.welfare_base.lib import
thai_calendar``: below, the ``odoo.addons.<addon>`` packages are registered
without running Odoo or an addon's ``__init__.py`` (which imports its models),
so a test imports ``odoo.addons.<addon>.lib.<module>`` and nothing more.
"""

import importlib.machinery
import sys
import types
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = REPO / "addons"
for folder in (REPO / "tools", REPO / "bin" / "lib", Path(__file__).parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def _package(name, path):
    """An empty package ``name`` whose submodules are found in ``path``."""
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
    module.__spec__.submodule_search_locations = [str(path)] if path else []
    module.__path__ = module.__spec__.submodule_search_locations
    return module


def register_addons(addons=ADDONS):
    """Make ``odoo.addons.<addon>.lib`` importable without Odoo.

    Where the real Odoo is already imported, its ``odoo.addons`` package just
    learns the folder, as Odoo's ``--addons-path`` does. Otherwise ``odoo`` and
    ``odoo.addons`` are empty stand-ins (the real Odoo stays importable in a
    subprocess), and each addon is a package whose ``__init__.py`` is not run.
    """
    real = sys.modules.get("odoo")
    if real is not None and getattr(real, "__file__", None):
        if str(addons) not in real.addons.__path__:
            real.addons.__path__.append(str(addons))
        return
    odoo = sys.modules.setdefault("odoo", _package("odoo", None))
    namespace = sys.modules.setdefault("odoo.addons", _package("odoo.addons", None))
    odoo.addons = namespace
    for manifest in sorted(addons.glob("*/__manifest__.py")):
        name = manifest.parent.name
        full = f"odoo.addons.{name}"
        if full not in sys.modules:
            sys.modules[full] = _package(full, manifest.parent)
            setattr(namespace, name, sys.modules[full])


register_addons()

MANIFEST = """{
    "name": "Sample",
    "version": "18.0.1.0.0",
    "license": "AGPL-3",
    "author": "Thai Community Welfare Fund Suite contributors",
    "depends": %(depends)r,
    "data": %(data)r,
    "demo": %(demo)r,
}
"""


@pytest.fixture
def make_addon(tmp_path):
    """make_addon(name, files={relpath: text}, depends=[...], data=[...]) -> Path."""
    root = tmp_path / "addons"

    def make(name, files=None, depends=("base",), data=(), demo=(), manifest=None):
        addon = root / name
        addon.mkdir(parents=True)
        text = manifest or MANIFEST % {
            "depends": list(depends),
            "data": list(data),
            "demo": list(demo),
        }
        (addon / "__manifest__.py").write_text(text, encoding="utf-8")
        for relpath, content in (files or {}).items():
            path = addon / relpath
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        return addon

    make.root = root
    return make
