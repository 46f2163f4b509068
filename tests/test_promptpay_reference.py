import datetime

import pytest
from stdnum.iso7064 import mod_37_36

from odoo.addons.welfare_promptpay.lib import reference as ref

D = datetime.date


def test_reference_names_fund_member_and_be_month_with_a_check():
    reference = ref.make("450102", "00012", D(2026, 11, 3))
    assert reference.startswith("450102000126911")
    assert len(reference) == 16
    assert ref.display(reference, "450102") == "450102-00012-6911-" + reference[-1]
    assert ref.parse(reference, "450102") == ("00012", "6911")


def test_reference_is_read_back_with_or_without_hyphens_and_in_lower_case():
    reference = ref.make("T-ACC-1", "00007", D(2025, 1, 15))
    shown = ref.display(reference, "T-ACC-1")
    assert ref.parse(shown.lower(), "T-ACC-1") == ("00007", "6801")


@pytest.mark.parametrize("position", range(16))
def test_any_single_wrong_character_is_caught(position):
    reference = ref.make("450102", "00012", D(2026, 11, 3))
    for char in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if char == reference[position]:
            continue
        wrong = reference[:position] + char + reference[position + 1 :]
        parsed = ref.parse(wrong, "450102")
        assert parsed is None


def test_reference_of_another_fund_is_not_read():
    reference = ref.make("450102", "00012", D(2026, 11, 3))
    assert ref.parse(reference, "450103") is None
    assert ref.find(f"โอน {reference}", "450103") == []


def test_references_are_found_in_free_text_even_glued_to_words():
    reference = ref.make("450102", "00012", D(2026, 11, 3))
    shown = ref.display(reference, "450102")
    assert ref.find(f"PromptPay {shown} นางมาลี", "450102") == [
        (reference, "00012", "6911")
    ]
    assert ref.find(f"PROMPTPAY{reference}", "450102") == [(reference, "00012", "6911")]
    assert ref.find("โอนเงิน 450102 ค่าสมาชิก", "450102") == []


def test_codes_too_long_for_the_qr_field_are_refused():
    with pytest.raises(ValueError):
        ref.make("4501020000000", "0000000000", D(2026, 1, 1))
    with pytest.raises(ValueError):
        ref.make("", "00012", D(2026, 1, 1))


@pytest.mark.parametrize(
    "body",
    ["450102000126911", "TACC1000076801", "A", "0", "ZZZZ9999", "12345678901234567"],
)
def test_check_character_is_iso_7064_mod_37_36(body):
    assert ref.check_character(body) == mod_37_36.calc_check_digit(body)
    assert mod_37_36.is_valid(body + ref.check_character(body))
