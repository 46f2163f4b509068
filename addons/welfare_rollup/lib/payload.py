"""Snapshot rows as a roll-up receives them: checks, hashes, signed files.

Plain functions fed plain values (no Odoo), the same for a pull over JSON-RPC
and for a signed export file. The field list is the contract of schema
version 1 of the province's ``welfare_snapshot`` (see its README); a roll-up
refuses any other version.
"""

import base64
import binascii
import hashlib
import json

SCHEMA_VERSION = 1
FILE_FORMAT = "welfare.fund.snapshot"

MEMBER_TYPES = ("general", "youth", "elderly", "disadvantaged", "disabled", "orphan")
MEMBER_STATES = ("active", "grace", "suspended", "terminated", "resigned", "deceased")

IDENTITY_FIELDS = (
    "fund_code",
    "fund_name",
    "subdistrict_code",
    "subdistrict_name",
    "district_code",
    "district_name",
    "province_code",
    "region_code",
    "founding_date",
    "certified",
    "certification_date",
    "fiscal_year",
)
INTEGER_FIELDS = (
    "members_total",
    "members_current",
    "members_new",
    *(f"members_{kind}" for kind in MEMBER_TYPES),
    *(f"members_{state}" for state in MEMBER_STATES),
    "benefit_count",
)
AMOUNT_FIELDS = (
    "contribution_amount",
    "entry_fee_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_amount",
    "balance",
)
FIGURE_FIELDS = (
    "members_total",
    "members_current",
    "members_new",
    *(f"members_{kind}" for kind in MEMBER_TYPES),
    *(f"members_{state}" for state in MEMBER_STATES),
    "contribution_amount",
    "entry_fee_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_count",
    "benefit_amount",
    "benefit_lines",
    "balance",
    "assessed",
    "grade",
    "score",
    "assessment_date",
)
CONTENT_FIELDS = IDENTITY_FIELDS + FIGURE_FIELDS
FLOAT_FIELDS = (
    "contribution_amount",
    "entry_fee_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_amount",
    "balance",
    "score",
)
PAYLOAD_FIELDS = (
    *CONTENT_FIELDS,
    "data_date",
    "content_hash",
    "schema_version",
    "write_date",
)
GRADES = ("A", "B", "C", "D")


class PayloadError(ValueError):
    """A payload or file the roll-up refuses; ``args[0]`` is a message key."""

    def __init__(self, code, **details):
        super().__init__(code)
        self.code = code
        self.details = details


def _plain(value):
    if value is False or value is None:
        return None
    if isinstance(value, float):
        return round(value, 2)
    return value


def content_hash(row):
    """SHA-256 of a row's content fields, as the province computes it."""
    content = {name: _plain(row.get(name)) for name in CONTENT_FIELDS}
    for name in FLOAT_FIELDS:  # 0 and 0.0 hash alike
        content[name] = round(float(content[name] or 0.0), 2)
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_row(row, province_code):
    """A row's checks: schema, keys, numbers, province, hash. Returns its hash."""
    if row.get("schema_version") != SCHEMA_VERSION:
        raise PayloadError("schema", version=row.get("schema_version"))
    missing = [name for name in CONTENT_FIELDS if name not in row]
    if missing:
        raise PayloadError("missing", fields=", ".join(missing))
    if not row.get("fund_code") or not isinstance(row.get("fiscal_year"), int):
        raise PayloadError("identity")
    if row.get("province_code") != province_code:
        raise PayloadError(
            "province", fund=row.get("fund_code"), province=row.get("province_code")
        )
    for name in INTEGER_FIELDS:
        if (
            not isinstance(row[name], int)
            or isinstance(row[name], bool)
            or row[name] < 0
        ):
            raise PayloadError("number", fund=row["fund_code"], field=name)
    for name in AMOUNT_FIELDS:
        if isinstance(row[name], bool) or not isinstance(row[name], (int, float)):
            raise PayloadError("number", fund=row["fund_code"], field=name)
    if row.get("grade") not in (None, False, *GRADES):
        raise PayloadError("number", fund=row["fund_code"], field="grade")
    benefit_lines(row)
    digest = content_hash(row)
    if row.get("content_hash") and row["content_hash"] != digest:
        raise PayloadError("hash", fund=row["fund_code"], year=row["fiscal_year"])
    return digest


def benefit_lines(row):
    """``{category: (count, amount)}`` of a row's benefits by category."""
    try:
        lines = json.loads(row.get("benefit_lines") or "{}")
        return {
            str(category): (int(count), float(amount))
            for category, (count, amount) in lines.items()
        }
    except (TypeError, ValueError, AttributeError) as error:
        raise PayloadError(
            "number", fund=row.get("fund_code"), field="benefit_lines"
        ) from error


def write_date_text(row):
    """The province's write date as Odoo's text ``YYYY-MM-DD HH:MM:SS``."""
    return str(row.get("write_date") or "").replace("T", " ")[:19]


def canonical_bytes(payload):
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def read_signed_file(content, public_key_b64):
    """The payload of a signed export file, once its Ed25519 signature holds."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        document = json.loads(content)
        payload = document["payload"]
        signature = document["signature"]
        if signature.get("algorithm") != "Ed25519":
            raise PayloadError("signature")
        value = base64.b64decode(signature["value"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as error:
        raise PayloadError("format") from error
    try:
        key = Ed25519PublicKey.from_public_bytes(
            base64.b64decode(public_key_b64 or "", validate=True)
        )
    except (ValueError, binascii.Error) as error:
        raise PayloadError("key") from error
    try:
        key.verify(value, canonical_bytes(payload))
    except InvalidSignature as error:
        raise PayloadError("signature") from error
    if not isinstance(payload, dict) or payload.get("format") != FILE_FORMAT:
        raise PayloadError("format")
    if payload.get("schema_version") != SCHEMA_VERSION:
        raise PayloadError("schema", version=payload.get("schema_version"))
    if not isinstance(payload.get("rows"), list):
        raise PayloadError("format")
    return payload
