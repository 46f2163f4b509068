"""Province deployment profiles: read and check ``config/profiles/<slug>.toml``.

Plain Python (no Odoo). A profile holds:

    name            the provincial network, e.g. "เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดขอนแก่น"
    province_code   Odoo's code of the Thai province, "TH-" + DOPA code, e.g. "TH-40"
    database        default database name
    modules         suite addons to install (welfare_base is always installed)
    lang            "th_TH" (or "en_US")
    timezone        an IANA time zone, "Asia/Bangkok"
    demo            install demo data (default false)

Command line: ``profiles.py PROFILE [--addons DIR]`` prints the checked profile as
JSON, or the problems found (exit status 2).
"""

import argparse
import json
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent.parent
DEFAULT_MODULES = (
    "welfare_base",
    "welfare_membership",
    "welfare_accounting",
    "welfare_assessment",
)
LANGUAGES = ("th_TH", "en_US")
# DOPA codes of Thailand's 77 provinces (Bangkok included).
PROVINCE_CODES = frozenset(
    f"TH-{code}"
    for code in (
        *range(10, 28),
        *range(30, 50),
        *range(50, 59),
        *range(60, 68),
        *range(70, 78),
        *range(80, 87),
        *range(90, 97),
    )
)
DATABASE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
FIELDS = {
    "name": str,
    "province_code": str,
    "database": str,
    "modules": list,
    "lang": str,
    "timezone": str,
    "demo": bool,
}
REQUIRED = ("name", "province_code", "database")


class ProfileError(ValueError):
    """A profile that cannot be used; ``problems`` lists every reason."""

    def __init__(self, source, problems):
        self.source = source
        self.problems = list(problems)
        super().__init__(
            f"{source}: " + "; ".join(self.problems)
            if len(self.problems) == 1
            else f"{source}:\n  - " + "\n  - ".join(self.problems)
        )


def available_modules(addons_dir):
    """Names of the addons (folders with a __manifest__.py) in ``addons_dir``."""
    path = Path(addons_dir)
    if not path.is_dir():
        return set()
    return {p.name for p in path.iterdir() if (p / "__manifest__.py").is_file()}


def _valid_timezone(name):
    try:
        from zoneinfo import ZoneInfo  # noqa: PLC0415

        ZoneInfo(name)
    except (ValueError, KeyError, OSError, ImportError):
        return False
    return True


def _value_problems(profile, available):
    """Problems of a profile whose keys have the right types; completes modules."""
    problems = []
    if not profile["name"].strip():
        problems.append("'name' is empty")
    if profile["province_code"] not in PROVINCE_CODES:
        problems.append(
            f"bad province_code {profile['province_code']!r}: expected 'TH-' and the "
            "two-digit DOPA code of a Thai province, e.g. 'TH-40'"
        )
    if not DATABASE.match(profile["database"]):
        problems.append(
            f"bad database name {profile['database']!r}: letters, digits, '_', '.', '-'"
        )
    if profile["lang"] not in LANGUAGES:
        problems.append(
            f"bad lang {profile['lang']!r}: expected one of {', '.join(LANGUAGES)}"
        )
    if not _valid_timezone(profile["timezone"]):
        problems.append(f"unknown timezone {profile['timezone']!r}")
    modules = profile["modules"]
    if not all(isinstance(m, str) for m in modules):
        problems.append("'modules' must list addon names")
    else:
        unknown = [m for m in modules if m not in available]
        if unknown:
            problems.append(
                "unknown module(s) "
                + ", ".join(unknown)
                + ": not found under addons/ (available: "
                + (", ".join(sorted(available)) or "none")
                + ")"
            )
        modules = list(dict.fromkeys(["welfare_base", *modules]))
        profile["modules"] = modules
    return problems


def validate(data, available, source="profile"):
    """Return the checked profile (defaults filled in) or raise ProfileError.

    ``available`` is the set of addon names the profile may install.
    """
    problems = []
    if not isinstance(data, dict):
        raise ProfileError(source, ["a profile is a table of keys"])
    for key in sorted(set(data) - set(FIELDS)):
        if key == "admin_password":
            problems.append(
                "'admin_password': a password has no place in a versioned "
                "profile; bin/create-province-db makes the administrator's"
            )
            continue
        problems.append(f"unknown key {key!r} (known: {', '.join(FIELDS)})")
    for key in REQUIRED:
        if key not in data:
            problems.append(f"missing key {key!r}")
    profile = {
        "modules": list(DEFAULT_MODULES),
        "lang": "th_TH",
        "timezone": "Asia/Bangkok",
        "demo": False,
    }
    profile.update(data)
    for key, kind in FIELDS.items():
        if key in profile and not isinstance(profile[key], kind):
            problems.append(f"{key!r} must be a {kind.__name__}")
    if problems:
        raise ProfileError(source, problems)

    problems = _value_problems(profile, available)
    if problems:
        raise ProfileError(source, problems)
    return profile


def load(path, available):
    """Read and check the profile file at ``path``."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(path, [f"cannot read: {exc.strerror}"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(path, [f"not valid TOML: {exc}"]) from exc
    return validate(data, available, source=path)


def resolve(name, profiles_dir):
    """A profile given as a path, or as a slug of ``profiles_dir``."""
    path = Path(name)
    if path.suffix == ".toml" or path.exists():
        return path
    return Path(profiles_dir) / f"{name}.toml"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a province profile.")
    parser.add_argument("profile", help="path of a profile, or its slug")
    parser.add_argument("--addons", default=str(REPO / "addons"))
    parser.add_argument("--profiles", default=str(REPO / "config" / "profiles"))
    args = parser.parse_args(argv)
    path = resolve(args.profile, args.profiles)
    try:
        profile = load(path, available_modules(args.addons))
    except ProfileError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    json.dump(profile, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
