"""Pure-Python tests of the repository's tools: they never import Odoo."""

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
for folder in (REPO / "tools", REPO / "bin" / "lib", Path(__file__).parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

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
