"""One-time codes and phone numbers of the member portal's sign-up.

Plain functions, without Odoo: the models call them, tests call them directly.
"""

import hashlib
import hmac
import secrets

CODE_DIGITS = 6


def normalize_phone(number):
    """A Thai phone number as 10 digits starting with 0, or '' when it is not one.

    Accepts spaces, dashes, dots and the +66 / 66 country prefix; Thai digits
    are read as digits.
    """
    if not number:
        return ""
    digits = "".join(
        str(int(ch)) for ch in str(number) if ch.isdigit()
    )  # int() reads Thai digits too
    if digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    if len(digits) == 10 and digits.startswith("0"):
        return digits
    if len(digits) == 9 and digits.startswith("0"):
        # landlines: 0 + 8 digits
        return digits
    return ""


def new_code():
    """A random numeric one-time code."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def new_token():
    """An unguessable reference of one sign-up request."""
    return secrets.token_urlsafe(32)


def digest(secret, *parts):
    """HMAC-SHA256 of the parts under the database's secret, as hex."""
    message = "\x1f".join(str(part) for part in parts).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def same(a, b):
    """Constant-time comparison of two digests."""
    return hmac.compare_digest(str(a or ""), str(b or ""))
