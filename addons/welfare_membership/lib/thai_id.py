"""Thai national ID numbers (เลขประจำตัวประชาชน): cleaning, checksum, format.

The 13th digit is a check digit: the first twelve digits are weighted 13..2,
and check = (11 - sum mod 11) mod 10.

The first digit tells the kind of person the registry gave the number to:
1-5 Thai nationals (by when and how they were registered; 3 and 4 also
foreigners registered before 1984), 6 foreigners living in Thailand without
permanent residence, 7 their children born in Thailand, 8 foreigners with
permanent residence and people naturalised Thai, and 0 people without
registration status (บุคคลที่ไม่มีสถานะทางทะเบียน: stateless people, children
of migrant workers, students without papers...), whose numbers carry the same
check digit. No number starts with 9.

The check digit and the printed grouping are python-stdnum's
(``stdnum.th.pin``). Its ``validate`` refuses numbers starting with 0, yet the
fund registers people without registration status: the rules on the first
digit are this module's own.
"""

import re

from stdnum.th import pin

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
    return int(pin.calc_check_digit(first12))


def is_valid(number):
    """Whether ``number`` (bare or formatted) is a well-formed national ID."""
    digits = clean(number)
    if len(digits) != 13 or not _ascii_digits(digits):
        return False
    if digits[0] == "9":
        # no ID number starts with 9
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
    if digits[0] == "9":
        raise ValueError("first_digit")
    if check_digit(digits[:12]) != int(digits[12]):
        raise ValueError("checksum")
    return digits


#: person categories a number's first digit allows (see the module docstring)
CATEGORIES_BY_FIRST_DIGIT = {
    "0": ("no_status",),
    "1": ("thai",),
    "2": ("thai",),
    "3": ("thai", "foreigner"),
    "4": ("thai", "foreigner"),
    "5": ("thai",),
    "6": ("foreigner",),
    "7": ("foreigner",),
    "8": ("thai", "foreigner"),
}


def categories(number):
    """The person categories a valid number allows, most likely first.

    ``thai`` (Thai national), ``foreigner`` (a foreigner with a Thai
    registration number) or ``no_status`` (a person without registration
    status, number starting with 0); () for a number that is not valid.
    """
    if not is_valid(number):
        return ()
    return CATEGORIES_BY_FIRST_DIGIT[clean(number)[0]]


def category(number):
    """The most likely person category of a valid number, else None."""
    allowed = categories(number)
    return allowed[0] if allowed else None


def format_id(number):
    """'1234567890121' -> '1-2345-67890-12-1'; anything else unchanged."""
    digits = clean(number)
    if len(digits) != 13 or not digits.isdigit():
        return number or ""
    return pin.format(digits)


def mask(number):
    """The ID as shown to users who may not read it in full: 'x-xxxx-xxxxx-12-1'."""
    digits = clean(number)
    if len(digits) != 13:
        return "x" * len(digits)
    return f"x-xxxx-xxxxx-{digits[10:12]}-{digits[12]}"


def make(first12):
    """Complete twelve digits with their check digit (used to make demo data)."""
    return f"{first12}{check_digit(first12)}"
