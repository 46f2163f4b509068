"""Load an addon's plain-Python module without importing Odoo.

Addon packages import their models (and so Odoo) on import; the plain modules
under ``<addon>/lib/`` do not, so pure tests load them straight from their file.
"""

import importlib.util
import sys
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def load(addon, relpath):
    """load('welfare_base', 'lib/thai_format.py') -> the module object."""
    path = ADDONS / addon / relpath
    name = f"_pure_{addon}_{relpath.replace('/', '_').removesuffix('.py')}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
