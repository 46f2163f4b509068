"""Snapshot rows as a roll-up receives them: checks and signed files.

Plain functions fed plain values (no Odoo), the same for a pull over JSON-RPC
and for a signed export file. The fields, hash and canonical form are the
contract shared with the province: ``welfare_base/lib/fund_snapshot.py``; a
roll-up refuses any other schema version.
"""

import base64
import binascii
import json

from odoo.addons.welfare_base.lib.fund_snapshot import (  # noqa: F401 - the contract
    AMOUNT_FIELDS,
    CONTENT_FIELDS,
    FILE_FORMAT,
    FLOAT_FIELDS,
    GRADES,
    INTEGER_FIELDS,
    PAYLOAD_FIELDS,
    SCHEMA_VERSION,
    canonical_bytes,
    content_hash,
)


class PayloadError(ValueError):
    """A payload or file the roll-up refuses; ``args[0]`` is a message key."""

    def __init__(self, code, **details):
        super().__init__(code)
        self.code = code
        self.details = details


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
