import base64

import pytest

from odoo.addons.welfare_membership.lib import card_token as ct

SECRET = "test-secret-of-one-database"


def test_a_signed_token_verifies_to_its_member_and_version():
    token = ct.sign(SECRET, 42, 3)
    assert ct.verify(SECRET, token) == (42, 3)


def test_token_is_url_safe_and_of_fixed_length():
    token = ct.sign(SECRET, 7, 0)
    assert len(token) == ct.TOKEN_LENGTH
    assert set(token) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )


def test_tokens_differ_per_member_and_per_version():
    tokens = {ct.sign(SECRET, m, v) for m in (1, 2) for v in (0, 1)}
    assert len(tokens) == 4


def test_token_of_another_database_secret_is_refused():
    token = ct.sign("another-secret", 42, 3)
    assert ct.verify(SECRET, token) is None


def test_altered_member_id_is_refused():
    raw = bytearray(base64.urlsafe_b64decode(ct.sign(SECRET, 42, 3) + "=="))
    raw[7] = 43  # member id 42 -> 43, signature kept
    forged = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    assert ct.verify(SECRET, forged) is None


def test_altered_version_is_refused():
    raw = bytearray(base64.urlsafe_b64decode(ct.sign(SECRET, 42, 3) + "=="))
    raw[11] = 4
    forged = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    assert ct.verify(SECRET, forged) is None


def test_every_single_character_change_is_refused():
    token = ct.sign(SECRET, 42, 3)
    for i, ch in enumerate(token):
        other = "A" if ch != "A" else "B"
        assert ct.verify(SECRET, token[:i] + other + token[i + 1 :]) is None


@pytest.mark.parametrize(
    "token",
    ["", "abc", "x" * 200, "not a token at all", None, 42, "====", "é" * 59],
)
def test_malformed_tokens_are_refused(token):
    assert ct.verify(SECRET, token) is None


def test_signing_needs_a_secret():
    with pytest.raises(ValueError):
        ct.sign("", 1, 0)


def test_new_secrets_are_random_and_long():
    first, second = ct.new_secret(), ct.new_secret()
    assert first != second
    assert len(first) >= 40


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("นายสมชาย ใจดี", "นายส*** ใ***"),
        ("นางสาวมะลิ  ศรีสุข", "นางสาวม*** ศ***"),
        ("Mr. John Smith", "Mr. J*** S***"),
        ("บุญมี", "บุ***"),
        ("", ""),
    ],
)
def test_mask_name_keeps_title_and_initials(name, masked):
    assert ct.mask_name(name) == masked


def test_mask_name_keeps_thai_marks_with_their_letter():
    # "ทิพย์" starts with ท + sara i (a mark above): both belong together.
    assert ct.mask_name("ทิพย์") == "ทิ***"


def test_mask_name_does_not_reveal_the_length():
    assert len(ct.mask_name("นายก ข")) == len(ct.mask_name("นายกกกกกก ขขขขขขข"))
