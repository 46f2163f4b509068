import datetime

import pytest

from odoo.addons.welfare_membership.lib import (
    registry as r,
    thai_id as tid,
)

D = datetime.date
TODAY = D(2025, 6, 1)


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("15/08/2510", D(1967, 8, 15)),
        ("15/08/1967", D(1967, 8, 15)),
        ("2567-01-05", D(2024, 1, 5)),
        ("5 ม.ค. 2567", D(2024, 1, 5)),
        ("5 มกราคม 2567", D(2024, 1, 5)),
        (datetime.datetime(2567, 1, 5), D(2024, 1, 5)),
        (D(2024, 1, 5), D(2024, 1, 5)),
    ],
)
def test_dates_in_buddhist_or_christian_era(value, date):
    assert r.parse_date(value) == date


@pytest.mark.parametrize("value", ["31/02/2567", "5/1/67", "soon"])
def test_unreadable_dates_raise(value):
    with pytest.raises(ValueError):
        r.parse_date(value)


def test_header_matches_thai_english_and_keys():
    keys = r.header_keys(["ชื่อ", "Last Name", "national_id", "อะไร"])
    assert keys == {0: "first_name", 1: "last_name", 2: "national_id"}
    assert r.missing_columns(keys) == ["join_date"]


def _cells(**values):
    cells = {
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "national_id": tid.make("110170012345"),
        "join_date": "01/10/2560",
    }
    cells.update(values)
    return cells


def test_clean_row_converts_choices_and_dates():
    values, problems = r.clean_row(_cells(gender="หญิง", name_title="นางสาว"), TODAY)
    assert problems == []
    assert values["gender"] == "female"
    assert values["name_title"] == "miss"
    assert values["join_date"] == D(2017, 10, 1)


def test_clean_row_reports_each_problem():
    _values, problems = r.clean_row(
        _cells(first_name="", national_id="1101700123450", gender="?", birthdate="x"),
        TODAY,
    )
    codes = {(column, code) for column, code, _params in problems}
    assert codes == {
        ("first_name", "required"),
        ("national_id", "id_checksum"),
        ("gender", "unknown_choice"),
        ("birthdate", "bad_date"),
    }


def test_future_join_date_is_a_problem():
    _values, problems = r.clean_row(_cells(join_date="01/01/2600"), TODAY)
    assert problems[0][1] == "future_date"


def test_file_duplicates_point_to_the_first_row():
    rows = [
        (2, {"national_id": "a"}),
        (3, {"national_id": "b"}),
        (4, {"national_id": "a"}),
    ]
    assert r.file_duplicates(rows, "national_id") == {4: 2}


@pytest.mark.parametrize(
    ("join", "today", "paid_until"),
    [
        # joined three years ago, register without "paid until": paid up to the
        # end of the month before the import, not owing since joining
        (D(2022, 3, 15), D(2025, 6, 12), D(2025, 5, 31)),
        (D(2025, 5, 31), D(2025, 6, 1), D(2025, 5, 31)),
        # joined this month: nothing was due yet
        (D(2025, 6, 2), D(2025, 6, 12), None),
        (None, D(2025, 6, 12), None),
    ],
)
def test_an_empty_paid_until_is_the_end_of_the_month_before_the_import(
    join, today, paid_until
):
    assert r.assumed_paid_until(join, today) == paid_until
