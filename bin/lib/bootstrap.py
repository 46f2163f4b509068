"""Python environment chores of bin/run and bin/test, run by the virtualenv's Python.

Usage:
  bootstrap.py requirements ODOO_REQUIREMENTS CONSTRAINTS OUT
      Writes OUT: Odoo's requirements for this interpreter, each pin that the
      constraints file overrides replaced by the constraint (pip cannot do that by
      itself: a constraint that contradicts a pin makes the resolution impossible).
  bootstrap.py stamp FILE...
      Prints a digest of the interpreter's version and the files' contents: the
      virtualenv is up to date when the digest it was installed with is the same.
  bootstrap.py python-ok
      Exits 0 on Python 3.10 to 3.12 (Odoo 18's range), else prints why and exits 1.
"""

import hashlib
import re
import sys

SUPPORTED = ((3, 10), (3, 12))

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _marker_class():
    # pip's own copy of `packaging`: the virtualenv may hold nothing else yet.
    from pip._vendor.packaging.markers import Marker  # noqa: PLC0415

    return Marker


def canonical(name):
    """PEP 503 name, so that ``Jinja2`` is ``jinja2`` and ``a_b`` is ``a-b``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def applicable_lines(path):
    """(name, requirement without marker) of each line of a requirements file whose
    environment marker holds for this interpreter, comments and blank lines left out."""
    marker_class = _marker_class()
    lines = []
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            requirement, _, marker = line.partition(";")
            if marker.strip() and not marker_class(marker.strip()).evaluate():
                continue
            match = _NAME.match(requirement)
            if not match:
                raise SystemExit(f"{path}: cannot read the requirement {line!r}")
            lines.append((canonical(match.group(1)), requirement.strip()))
    return lines


def merge(odoo_requirements, constraints):
    """Odoo's requirements with every pin the constraints name replaced by theirs."""
    overrides = dict(applicable_lines(constraints))
    merged, seen = [], set()
    for name, requirement in applicable_lines(odoo_requirements):
        merged.append(overrides.get(name, requirement))
        seen.add(name)
    merged.extend(req for name, req in overrides.items() if name not in seen)
    return merged


def stamp(paths):
    digest = hashlib.sha256(sys.version.encode())
    for path in paths:
        digest.update(path.encode())
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


def python_ok():
    version = sys.version_info[:2]
    if SUPPORTED[0] <= version <= SUPPORTED[1]:
        return True
    low, high = (".".join(map(str, v)) for v in SUPPORTED)
    print(
        f"Python {version[0]}.{version[1]} ({sys.executable}) cannot run Odoo 18: "
        f"use Python {low} to {high} (set PYTHON=/path/to/python3.11)"
    )
    return False


def main(argv):
    if len(argv) >= 2 and argv[1] == "python-ok":
        return 0 if python_ok() else 1
    if len(argv) == 5 and argv[1] == "requirements":
        lines = merge(argv[2], argv[3])
        with open(argv[4], "w", encoding="utf-8") as out:
            out.write("".join(f"{line}\n" for line in lines))
        return 0
    if len(argv) >= 3 and argv[1] == "stamp":
        print(stamp(argv[2:]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
