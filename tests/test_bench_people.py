"""The benchmark generator's people: valid, deterministic, realistic."""

import datetime
import importlib.util
from pathlib import Path

import pytest
from stdnum.th import pin

PATH = Path(__file__).resolve().parent.parent / "bench" / "people.py"
_spec = importlib.util.spec_from_file_location("_bench_people", PATH)
people = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(people)

TODAY = datetime.date(2026, 11, 25)


@pytest.mark.parametrize("index", [0, 1, 9, 10, 12345, 999_999_999])
def test_national_ids_are_valid_thai_ids(index):
    number = people.national_id(2569, index)
    assert len(number) == 13 and number.isdigit()
    assert pin.is_valid(number)  # python-stdnum: the national rule
    assert people.is_valid_id(number)


def test_national_ids_are_unique_within_a_province():
    numbers = {people.national_id(2569, i) for i in range(50_000)}
    assert len(numbers) == 50_000


def test_a_wrong_check_digit_is_refused():
    number = people.national_id(2569, 42)
    wrong = number[:12] + str((int(number[12]) + 1) % 10)
    assert not people.is_valid_id(wrong)


def test_national_id_refuses_an_index_out_of_range():
    with pytest.raises(ValueError):
        people.national_id(1, 10**9)


def test_the_same_seed_gives_the_same_person():
    assert people.person(7, 123, TODAY) == people.person(7, 123, TODAY)
    assert people.person(7, 123, TODAY) != people.person(8, 123, TODAY)


def test_people_have_thai_names_and_titles_matching_age_and_gender():
    for index in range(2000):
        person = people.person(2569, index, TODAY)
        assert all("\u0e00" <= ch <= "\u0e7f" for ch in person["first_name"])
        assert all("\u0e00" <= ch <= "\u0e7f" for ch in person["last_name"])
        age = (TODAY - person["birthdate"]).days // 365
        if person["gender"] == "male":
            assert person["name_title"] in ("mr", "boy")
        else:
            assert person["name_title"] in ("mrs", "miss", "girl")
        if person["name_title"] in ("boy", "girl"):
            assert age < 16
        assert 0 <= age <= 96


def test_member_types_are_plausible_for_the_age():
    for index in range(2000):
        person = people.person(2569, index, TODAY)
        age = (TODAY - person["birthdate"]).days // 365
        if person["member_type"] in ("youth", "orphan"):
            assert age < 26
        if age >= 61:
            assert person["member_type"] != "general"


def test_membership_starts_after_founding_and_birth():
    founded = datetime.date(2010, 1, 1)
    for index in range(2000):
        person = people.person(3, index, TODAY)
        dates = people.membership(3, index, TODAY, founded, person["birthdate"])
        assert dates["join_date"] >= founded
        assert dates["join_date"] >= person["birthdate"]
        assert dates["join_date"] <= TODAY
        assert dates["paid_until"] > dates["join_date"]


def test_arrears_are_realistic_most_members_paid_up():
    founded = datetime.date(2010, 1, 1)
    behind = [
        (TODAY - people.membership(5, i, TODAY, founded)["paid_until"]).days
        for i in range(5000)
    ]
    paid_up = sum(1 for days in behind if days <= 0) / len(behind)
    far_behind = sum(1 for days in behind if days > 180) / len(behind)
    assert 0.70 < paid_up < 0.85
    assert 0.02 < far_behind < 0.10


def test_split_members_sums_to_the_total():
    weights = [people.fund_profile(1, i, TODAY)["weight"] for i in range(200)]
    parts = people.split_members(300_000, weights)
    assert sum(parts) == 300_000
    assert min(parts) >= 1
    assert max(parts) > 2 * min(parts)
