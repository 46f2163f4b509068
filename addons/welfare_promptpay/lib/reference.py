"""PromptPay payment references: which member pays, for which period.

A reference is the fund's code, the member's number, the first month the
payment is meant for (two-digit Buddhist-era year and month, ``YYMM``) and a
check character (ISO 7064 MOD 37-36, the hybrid system python-stdnum also
implements as ``stdnum.iso7064.mod_37_36``), all in
upper-case letters and digits::

    450102 00012 6911 K   ->  "45010200012" "6911" "K"

It is printed and put in the QR code with hyphens (``450102-00012-6911-K``) and
read back with or without them, from anywhere in a text (a bank statement
line's label, a transfer note). The check character catches a mistyped or
misread character, so a reference that looks right but is not is never
matched to the wrong member.
"""

import re

from odoo.addons.welfare_base.lib.thai_calendar import be_year

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: most characters an EMV sub-field (reference label) holds
MAX_LENGTH = 25
_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-]*")


def _checksum(text):
    """ISO 7064 hybrid MOD 37,36 over upper-case letters and digits."""
    modulus = len(ALPHABET)
    check = modulus // 2
    for char in text:
        check = (((check or modulus) * 2) % (modulus + 1) + ALPHABET.index(char)) % (
            modulus
        )
    return check


def check_character(body):
    """The character that makes ``body`` + it a valid MOD 37,36 string."""
    modulus = len(ALPHABET)
    return ALPHABET[(1 - ((_checksum(body) or modulus) * 2) % (modulus + 1)) % modulus]


def clean(text):
    """Upper-case letters and digits only."""
    return re.sub(r"[^0-9A-Z]", "", (text or "").upper())


def period_code(date):
    """``YYMM`` of a date: two-digit Buddhist-era year and month (2026-11 -> 6911)."""
    return f"{be_year(date) % 100:02d}{date.month:02d}"


def make(fund_code, member_number, period_date):
    """The reference of a member's payment, compact (no hyphens)."""
    fund = clean(fund_code)
    member = clean(member_number)
    if not fund or not member:
        raise ValueError("a reference needs the fund's code and the member's number")
    body = fund + member + period_code(period_date)
    reference = body + check_character(body)
    if len(reference) > MAX_LENGTH - 3:
        raise ValueError("the fund's code and member number are too long")
    return reference


def display(reference, fund_code):
    """The reference with hyphens, as printed: 450102-00012-6911-K."""
    fund = clean(fund_code)
    rest = reference[len(fund) :]
    return "-".join((fund, rest[:-5], rest[-5:-1], rest[-1:]))


def parse(candidate, fund_code):
    """(member number, YYMM) of a reference of the fund, or None.

    ``candidate`` may hold hyphens; anything else than a well-formed
    reference of this fund with a valid check character gives None.
    """
    fund = clean(fund_code)
    reference = clean(candidate)
    if not fund or not reference.startswith(fund) or len(reference) < len(fund) + 6:
        return None
    if _checksum(reference) != 1:
        return None
    member = reference[len(fund) : -5]
    period = reference[-5:-1]
    if not period.isdigit() or not 1 <= int(period[2:]) <= 12:
        return None
    return member, period


def find(text, fund_code):
    """References of the fund found in a free text: [(reference, member, YYMM)].

    A reference may stand alone or be glued to other words (a bank may write
    ``PROMPTPAY450102000126911K``); the first valid one of each word counts.
    """
    fund = clean(fund_code)
    found = []
    if not fund:
        return found
    for token in _TOKEN.findall((text or "").upper()):
        word = token.replace("-", "")
        start = word.find(fund)
        while start != -1:
            candidate = word[start:]
            parsed = parse(candidate, fund)
            if parsed:
                if candidate not in [ref for ref, _m, _p in found]:
                    found.append((candidate, *parsed))
                break
            start = word.find(fund, start + 1)
    return found
