from pathlib import Path

import profiles
import pytest

REPO = Path(__file__).resolve().parent.parent
SUITE = set(profiles.DEFAULT_MODULES)
GOOD = """
name = "เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดขอนแก่น"
province_code = "TH-40"
database = "welfare_khon_kaen"
"""


def write(tmp_path, text):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path, text, available=SUITE):
    with pytest.raises(profiles.ProfileError) as info:
        profiles.load(write(tmp_path, text), available)
    return info.value.problems


def test_defaults_are_filled_in(tmp_path):
    profile = profiles.load(write(tmp_path, GOOD), SUITE)
    assert profile["modules"] == list(profiles.DEFAULT_MODULES)
    assert (profile["lang"], profile["timezone"], profile["demo"]) == (
        "th_TH",
        "Asia/Bangkok",
        False,
    )
    assert "admin_password" not in profile


def test_province_keeping_books_elsewhere_drops_accounting(tmp_path):
    text = GOOD + 'modules = ["welfare_membership", "welfare_assessment"]\n'
    profile = profiles.load(write(tmp_path, text), SUITE)
    assert profile["modules"] == [
        "welfare_base",
        "welfare_membership",
        "welfare_assessment",
    ]


def test_unknown_module_is_named(tmp_path):
    text = GOOD + 'modules = ["welfare_base", "welfare_payroll"]\n'
    (problem,) = problems(tmp_path, text)
    assert "welfare_payroll" in problem and "not found under addons/" in problem


def test_module_missing_from_addons_folder_is_refused(tmp_path):
    (problem,) = problems(tmp_path, GOOD, available={"welfare_base"})
    assert "welfare_membership" in problem


@pytest.mark.parametrize("code", ["TH-99", "TH-4", "40", "th-40", "TH-28"])
def test_bad_province_code_is_refused(tmp_path, code):
    text = GOOD.replace('"TH-40"', f'"{code}"')
    (problem,) = problems(tmp_path, text)
    assert "bad province_code" in problem


@pytest.mark.parametrize("lang", ["th", "fr_FR", "thai"])
def test_bad_lang_is_refused(tmp_path, lang):
    (problem,) = problems(tmp_path, GOOD + f'lang = "{lang}"\n')
    assert "bad lang" in problem


def test_bad_timezone_is_refused(tmp_path):
    (problem,) = problems(tmp_path, GOOD + 'timezone = "Asia/Nowhere"\n')
    assert "unknown timezone" in problem


def test_unknown_and_missing_keys_are_all_reported(tmp_path):
    found = problems(tmp_path, 'name = "x"\nlanguage = "th_TH"\n')
    assert "unknown key 'language'" in found[0]
    assert any("missing key 'province_code'" in p for p in found)
    assert any("missing key 'database'" in p for p in found)


def test_wrong_types_are_reported(tmp_path):
    (problem,) = problems(tmp_path, GOOD + 'demo = "no"\n')
    assert problem == "'demo' must be a bool"


def test_invalid_toml_is_reported(tmp_path):
    (problem,) = problems(tmp_path, "name = ")
    assert problem.startswith("not valid TOML")


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(profiles.ProfileError, match="cannot read"):
        profiles.load(tmp_path / "none.toml", SUITE)


def test_resolve_accepts_slug_or_path(tmp_path):
    assert profiles.resolve("khon_kaen", tmp_path) == tmp_path / "khon_kaen.toml"
    assert profiles.resolve("x/y.toml", tmp_path) == Path("x/y.toml")


def test_shipped_profiles_cover_every_province_and_are_valid():
    paths = sorted((REPO / "config" / "profiles").glob("*.toml"))
    loaded = [profiles.load(path, SUITE) for path in paths]
    assert {p["province_code"] for p in loaded} == profiles.PROVINCE_CODES
    assert len({p["database"] for p in loaded}) == 77


def test_a_password_in_a_profile_is_refused(tmp_path):
    found = problems(tmp_path, GOOD + 'admin_password = "admin"\n')
    assert found == [
        "'admin_password': a password has no place in a versioned profile; "
        "bin/create-province-db makes the administrator's"
    ]
