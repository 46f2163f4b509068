"""Thai national ID numbers (เลขประจำตัวประชาชน): cleaning, checksum, format.

The 13th digit is a check digit: the first twelve digits are weighted 13..2,
and check = (11 - sum mod 11) mod 10.
"""

import re

_NON_DIGITS = re.compile(r"[\s\-.]")
# Thai digits name the same number: stored as ASCII so one person has one ID.
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def clean(number):
    """Strip spaces, dashes and dots: '1-2345-67890-12-1' -> '1234567890121'.

    Thai digits become ASCII digits.
    """
    return _NON_DIGITS.sub("", str(number or "")).translate(_THAI_DIGITS).strip()


def _ascii_digits(text):
    """Only 0-9: ``str.isdigit`` also accepts other scripts' digits and '²'."""
    return text.isascii() and text.isdigit()


def check_digit(first12):
    """The check digit of the first twelve digits of an ID number."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError("check_digit expects twelve digits")
    total = sum(int(d) * w for d, w in zip(first12, range(13, 1, -1), strict=True))
    return (11 - total % 11) % 10


def is_valid(number):
    """Whether ``number`` (bare or formatted) is a well-formed national ID."""
    digits = clean(number)
    if len(digits) != 13 or not _ascii_digits(digits):
        return False
    if digits[0] in "09":
        # no ID number starts with 0 or 9
        return False
    return check_digit(digits[:12]) == int(digits[12])


def validate(number):
    """The bare 13 digits of a valid ID, or ValueError naming the problem.

    The error message is a key the caller translates:
    ``length``, ``digits``, ``first_digit`` or ``checksum``.
    """
    digits = clean(number)
    if not _ascii_digits(digits):
        raise ValueError("digits")
    if len(digits) != 13:
        raise ValueError("length")
    if digits[0] in "09":
        raise ValueError("first_digit")
    if check_digit(digits[:12]) != int(digits[12]):
        raise ValueError("checksum")
    return digits


def format_id(number):
    """'1234567890121' -> '1-2345-67890-12-1'; anything else unchanged."""
    digits = clean(number)
    if len(digits) != 13 or not digits.isdigit():
        return number or ""
    return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"


def mask(number):
    """The ID as shown to users who may not read it in full: 'x-xxxx-xxxxx-12-1'."""
    digits = clean(number)
    if len(digits) != 13:
        return "x" * len(digits)
    return f"x-xxxx-xxxxx-{digits[10:12]}-{digits[12]}"


def make(first12):
    """Complete twelve digits with their check digit (used to make demo data)."""
    return f"{first12}{check_digit(first12)}"
