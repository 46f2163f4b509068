"""Signed export files of the province's fund snapshots.

The snapshot's fields, hash and canonical form are the contract shared with
the roll-up: ``welfare_base/lib/fund_snapshot.py``. Plain Python, no Odoo.
"""

import base64
import json

from odoo.addons.welfare_base.lib.fund_snapshot import (  # noqa: F401 - the contract
    FIGURE_FIELDS,
    FILE_FORMAT,
    GRADES,
    PAYLOAD_FIELDS,
    SCHEMA_VERSION,
    _plain,
    benefit_lines_text,
    canonical_bytes,
    content_hash,
)


def sign_payload(payload, private_key_b64):
    """A signed export file (bytes) of ``payload`` under an Ed25519 key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key_b64))
    signature = key.sign(canonical_bytes(payload))
    document = {
        "payload": payload,
        "signature": {
            "algorithm": "Ed25519",
            "value": base64.b64encode(signature).decode("ascii"),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=0).encode("utf-8")


def new_private_key():
    """A new Ed25519 private key, base64 of its 32 raw bytes."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    raw = Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )
    return base64.b64encode(raw).decode("ascii")


def public_key_of(private_key_b64):
    """The public key (base64 of 32 raw bytes) a roll-up registers."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_key_b64))
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")
