import pytest

from odoo.addons.welfare_membership.lib import thai_id as tid


def test_check_digit_follows_the_weights_13_to_2():
    # 1-1017-00123-45-? : sum of digit x weight = 148, (11 - 148 % 11) % 10 = 6
    assert tid.check_digit("110170012345") == 6


def test_valid_number_with_or_without_dashes():
    number = tid.make("110170012345")
    dashed = tid.format_id(number)
    assert tid.is_valid(number)
    assert tid.is_valid(dashed)


def test_wrong_check_digit_is_invalid():
    number = tid.make("345012345678")
    wrong = number[:12] + str((int(number[12]) + 1) % 10)
    assert not tid.is_valid(wrong)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("12345", "length"),
        ("1234567890abc", "digits"),
        ("9123456789012", "first_digit"),
        ("1101700123450", "checksum"),
    ],
)
def test_validate_names_the_problem(number, problem):
    with pytest.raises(ValueError, match=problem):
        tid.validate(number)


def test_numbers_of_people_without_registration_status_start_with_0():
    number = tid.make("000189012345")
    assert tid.is_valid(number)
    assert tid.validate(tid.format_id(number)) == number
    assert tid.category(number) == "no_status"
    assert tid.categories(number) == ("no_status",)


def test_a_0_number_with_a_wrong_check_digit_is_refused():
    number = tid.make("000189012345")
    wrong = number[:12] + str((int(number[12]) + 3) % 10)
    with pytest.raises(ValueError, match="checksum"):
        tid.validate(wrong)


@pytest.mark.parametrize(
    ("first", "allowed"),
    [
        ("1", ("thai",)),
        ("3", ("thai", "foreigner")),
        ("6", ("foreigner",)),
        ("7", ("foreigner",)),
        ("8", ("thai", "foreigner")),
    ],
)
def test_the_first_digit_tells_the_persons_category(first, allowed):
    assert tid.categories(tid.make(f"{first}10170012345")) == allowed


def test_an_invalid_number_has_no_category():
    assert tid.categories("9101700123450") == ()
    assert tid.category("12345") is None


def test_stdnum_refuses_a_leading_0_the_fund_accepts():
    pin = pytest.importorskip("stdnum.th.pin")
    number = tid.make("000189012345")
    assert not pin.is_valid(number)
    assert tid.is_valid(number)


def test_format_is_n_nnnn_nnnnn_nn_n():
    assert tid.format_id("1101700123456") == "1-1017-00123-45-6"


def test_mask_keeps_only_the_last_three_digits():
    assert tid.mask("1101700123456") == "x-xxxx-xxxxx-45-6"


def test_agrees_with_python_stdnum():
    pin = pytest.importorskip("stdnum.th.pin")
    for first12 in ("110170012345", "345012345678", "312345678901"):
        assert pin.is_valid(tid.make(first12))
