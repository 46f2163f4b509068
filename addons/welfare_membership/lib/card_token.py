"""Signed member-card tokens for the public verification page.

Plain Python, no Odoo. A token names one member and one card version and is
signed with HMAC-SHA256 under a secret of the database, so nobody without the
secret can make or alter one, and tokens cannot be enumerated. Reissuing a card
bumps its version: the old token then no longer matches and is revoked.

Token layout (base64url, no padding): 8 bytes member id, 4 bytes card version,
32 bytes HMAC-SHA256 of a purpose label, the id and the version.
"""

import base64
import hashlib
import hmac
import re
import secrets
import struct

_PURPOSE = b"welfare-member-card:v1:"
_HEAD = struct.Struct(">QI")
_MAC_LEN = 32
_RAW_LEN = _HEAD.size + _MAC_LEN
TOKEN_LENGTH = len(base64.urlsafe_b64encode(b"\0" * _RAW_LEN).rstrip(b"="))
_TOKEN_RE = re.compile(r"\A[A-Za-z0-9_-]+\Z")

# Thai and English titles kept in front of a masked name.
_TITLES = (
    "นางสาว",
    "นาย",
    "นาง",
    "เด็กชาย",
    "เด็กหญิง",
    "ด.ช.",
    "ด.ญ.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
)
# Thai marks that belong to the consonant before them (vowels above/below, tones).
_THAI_MARKS = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a") | set(
    "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)


def new_secret():
    """A fresh random secret for a database (256 bits, text)."""
    return secrets.token_urlsafe(32)


def _key(secret):
    if not secret:
        raise ValueError("a card secret is required")
    return secret.encode() if isinstance(secret, str) else bytes(secret)


def _mac(key, head):
    return hmac.new(key, _PURPOSE + head, hashlib.sha256).digest()


def sign(secret, member_id, version):
    """The token of card ``version`` of member ``member_id``."""
    if member_id <= 0 or version < 0:
        raise ValueError("member id must be positive and version non-negative")
    head = _HEAD.pack(member_id, version)
    raw = head + _mac(_key(secret), head)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def verify(secret, token):
    """``(member_id, version)`` of a genuine token, else ``None``.

    Malformed tokens go through the same HMAC and constant-time comparison as
    well-formed ones, so the answer takes the same shape whatever was sent.
    """
    key = _key(secret)
    raw = None
    if isinstance(token, str) and len(token) == TOKEN_LENGTH and _TOKEN_RE.match(token):
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except ValueError:
            raw = None
    genuine = raw is not None and len(raw) == _RAW_LEN
    if not genuine:
        raw = b"\0" * _RAW_LEN
    head, mac = raw[: _HEAD.size], raw[_HEAD.size :]
    same = hmac.compare_digest(_mac(key, head), mac)
    if not (genuine and same):
        return None
    # A token is also rejected when it is not the canonical encoding of its
    # bytes (padding bits altered): one card, one token.
    if base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") != token:
        return None
    member_id, version = _HEAD.unpack(head)
    if member_id <= 0:
        return None
    return member_id, version


def _first_letter(word):
    """The first letter of a word with the marks that belong to it."""
    end = 1
    while end < len(word) and word[end] in _THAI_MARKS:
        end += 1
    return word[:end]


def mask_name(name):
    """'นายสมชาย ใจดี' -> 'นายส*** ใ***': title and initials only.

    Every masked word gets the same number of stars, so the length of the
    name is not revealed either.
    """
    name = " ".join((name or "").split())
    if not name:
        return ""
    title = ""
    for candidate in _TITLES:
        if name.startswith(candidate) and len(name) > len(candidate):
            rest = name[len(candidate) :]
            title = candidate + (" " if rest.startswith(" ") else "")
            name = rest.lstrip()
            break
    words = [_first_letter(w) + "***" for w in name.split(" ")]
    return title + " ".join(words)
