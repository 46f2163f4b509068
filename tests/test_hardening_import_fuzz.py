"""Property-based fuzzing of the member registry importer's row checks.

The importer turns every row into clean values or a list of problems; the
wizard translates each problem code into a sentence. Whatever a spreadsheet
holds, the checks must never crash, must only report codes the wizard can
translate, and must accept every well-formed row.
"""

import datetime
import string

from hypothesis import (
    HealthCheck,
    given,
    settings,
    strategies as st,
)

from odoo.addons.welfare_membership.lib import registry, thai_id

TODAY = datetime.date(2025, 6, 1)
#: the problem codes the import wizard has a translated sentence for
KNOWN_CODES = {
    "required",
    "id_digits",
    "id_length",
    "id_first_digit",
    "id_checksum",
    "unknown_choice",
    "bad_date",
    "future_date",
    "join_before_birth",
}
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
KEYS = [key for key, _th, _en, _req in registry.COLUMNS]
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# ----------------------------------------------------------------------
# Strategies
# ----------------------------------------------------------------------
thai_text = st.text(
    alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=30
)
nasty_text = st.one_of(
    st.text(max_size=60),
    thai_text,
    st.sampled_from(
        [
            "=cmd|' /C calc'!A0",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "'; DROP TABLE welfare_member; --",
            "../../etc/passwd",
            "😀👍🏽",
            "สมชาย😀",
            "\x00\x1b[31m",
            "ก" * 5000,
            "99999999999999999999",
            "5 ม.ค. 99999999999999999999",
            "31/02/2567",
            "0/0/0",
            "1-1-1",
            "๑๕/๐๘/๒๕๑๐",
            "²³¹",
        ]
    ),
)
any_cell = st.one_of(
    st.none(),
    nasty_text,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
twelve_digits = st.from_regex(r"\A[0-8][0-9]{11}\Z", fullmatch=True)
valid_ids = twelve_digits.map(thai_id.make)
past_dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY)


def _date_cell(date, style):
    be = date.year + 543
    if style == "be":
        return f"{date.day:02d}/{date.month:02d}/{be}"
    if style == "ce":
        return f"{date.day}/{date.month}/{date.year}"
    if style == "iso":
        return date.isoformat()
    if style == "thai_month":
        month = [k for k, v in registry.THAI_MONTHS.items() if v == date.month][0]
        return f"{date.day} {month} {be}"
    return date


date_cells = st.tuples(
    past_dates, st.sampled_from(["be", "ce", "iso", "thai_month", "date"])
)


@st.composite
def valid_rows(draw):
    birth = draw(st.dates(datetime.date(1920, 1, 1), datetime.date(2020, 1, 1)))
    join = draw(st.dates(max(birth, datetime.date(1990, 1, 1)), TODAY))
    id_style = draw(st.sampled_from(["bare", "formatted", "thai_digits"]))
    number = draw(valid_ids)
    cell_id = {
        "bare": number,
        "formatted": thai_id.format_id(number),
        "thai_digits": number.translate(THAI_DIGITS),
    }[id_style]
    return (
        {
            "first_name": draw(
                st.one_of(thai_text.filter(str.strip), st.just("Somchai"))
            ),
            "last_name": draw(st.sampled_from(["ใจดี", "Smith", "ใจดี Smith", "มี😀สุข"])),
            "national_id": cell_id,
            "birthdate": _date_cell(birth, draw(st.sampled_from(["be", "ce", "iso"]))),
            "join_date": _date_cell(join, draw(st.sampled_from(["be", "thai_month"]))),
            "gender": draw(st.sampled_from(["ชาย", "หญิง", "F", "male", None])),
        },
        number,
        birth,
        join,
    )


# ----------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------
@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), any_cell))
def test_any_row_is_checked_without_crashing(cells):
    values, problems = registry.clean_row(cells, TODAY)
    assert isinstance(values, dict)
    for column, code, params in problems:
        assert column in KEYS
        assert code in KNOWN_CODES, code
        assert isinstance(params, dict)


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), any_cell))
def test_a_row_with_problems_is_never_silently_accepted(cells):
    values, problems = registry.clean_row(cells, TODAY)
    if not problems:
        for key in registry.REQUIRED:
            assert values.get(key), key
        assert thai_id.is_valid(values["national_id"])
        assert values["national_id"].isascii()


@SETTINGS
@given(valid_rows())
def test_every_well_formed_row_is_accepted(row):
    cells, number, birth, join = row
    values, problems = registry.clean_row(cells, TODAY)
    assert problems == []
    assert values["national_id"] == number
    assert values["birthdate"] == birth
    assert values["join_date"] == join


@SETTINGS
@given(any_cell)
def test_dates_parse_or_raise_value_error(cell):
    try:
        result = registry.parse_date(cell)
    except ValueError:
        return
    assert isinstance(result, datetime.date)


@SETTINGS
@given(date_cells)
def test_dates_read_the_same_in_buddhist_and_christian_era(cell):
    date, style = cell
    assert registry.parse_date(_date_cell(date, style)) == date


@SETTINGS
@given(st.text(max_size=20))
def test_national_ids_are_valid_or_refused_with_a_known_reason(text):
    try:
        number = thai_id.validate(text)
    except ValueError as error:
        assert f"id_{error}" in KNOWN_CODES
        return
    assert len(number) == 13
    assert number.isascii() and number.isdigit()
    assert thai_id.is_valid(number)


@SETTINGS
@given(valid_ids, st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_refused(number, delta):
    wrong = number[:12] + str((int(number[12]) + delta) % 10)
    try:
        thai_id.validate(wrong)
    except ValueError as error:
        assert str(error) == "checksum"
    else:
        raise AssertionError(f"{wrong} accepted")


@SETTINGS
@given(valid_ids)
def test_thai_digits_name_the_same_person(number):
    assert thai_id.validate(number.translate(THAI_DIGITS)) == number


@SETTINGS
@given(st.lists(st.sampled_from(["A", "B", "C", "D", None]), max_size=40))
def test_each_repeated_row_of_a_file_points_to_the_first(keys):
    rows = [(index, {"national_id": key}) for index, key in enumerate(keys, 2)]
    duplicates = registry.file_duplicates(rows, "national_id")
    first = {}
    for index, key in enumerate(keys, 2):
        if key is None:
            assert index not in duplicates
        elif key in first:
            assert duplicates[index] == first[key]
        else:
            first[key] = index
            assert index not in duplicates


@SETTINGS
@given(st.lists(st.text(alphabet=string.printable + "ชื่อนามสกุล", max_size=15)))
def test_any_header_row_maps_to_known_columns_once(cells):
    keys = registry.header_keys(cells)
    assert set(keys.values()) <= set(KEYS)
    assert len(set(keys.values())) == len(keys)
    assert set(registry.missing_columns(keys)) <= set(registry.REQUIRED)
