import base64
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from odoo.tests import TransactionCase, new_test_user

from ..lib import payload


def make_row(code, year, province="TH-45", **figures):
    """A valid snapshot row of schema version 1, as a province sends it."""
    row = dict.fromkeys(payload.CONTENT_FIELDS)
    row.update(dict.fromkeys(payload.INTEGER_FIELDS, 0))
    row.update(dict.fromkeys(payload.FLOAT_FIELDS, 0.0))
    row.update(
        fund_code=code,
        fund_name=f"กองทุนสวัสดิการชุมชนตำบล{code}",
        subdistrict_code=code,
        district_code=code[:4],
        province_code=province,
        region_code="NE",
        certified=True,
        assessed=False,
        fiscal_year=year,
        benefit_lines="{}",
        schema_version=payload.SCHEMA_VERSION,
        data_date=f"{year}-09-30",
        write_date=f"{year}-10-01 03:00:00",
    )
    row.update(figures)
    if row["grade"]:
        row["assessed"] = True
    row["content_hash"] = payload.content_hash(row)
    return row


def sign_rows(rows, private_key, province="TH-45", schema_version=1):
    data = {
        "format": payload.FILE_FORMAT,
        "schema_version": schema_version,
        "province_code": province,
        "database": "welfare_province",
        "generated_at": "2026-01-01 00:00:00",
        "rows": rows,
    }
    signature = private_key.sign(payload.canonical_bytes(data))
    return json.dumps(
        {
            "payload": data,
            "signature": {
                "algorithm": "Ed25519",
                "value": base64.b64encode(signature).decode(),
            },
        },
        ensure_ascii=False,
    ).encode()


def public_key_b64(private_key):
    raw = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


class RollupCase(TransactionCase):
    """A roll-up with two north-eastern provinces and one southern one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        State = cls.env["res.country.state"]

        def province(code):
            return State.search([("code", "=", code), ("country_id.code", "=", "TH")])

        cls.roi_et, cls.khon_kaen, cls.songkhla = (
            province("TH-45"),
            province("TH-40"),
            province("TH-90"),
        )
        cls.key = Ed25519PrivateKey.generate()
        Source = cls.env["welfare.rollup.source"]
        # the tests' roll-up holds only their own provinces
        Source.with_context(active_test=False).search([]).unlink()
        cls.src_roi_et = Source.create(
            {
                "name": "ร้อยเอ็ด",
                "state_id": cls.roi_et.id,
                "transport": "file",
                "public_key": public_key_b64(cls.key),
            }
        )
        cls.src_khon_kaen = Source.create(
            {"name": "ขอนแก่น", "state_id": cls.khon_kaen.id, "transport": "jsonrpc"}
        )
        cls.src_songkhla = Source.create(
            {"name": "สงขลา", "state_id": cls.songkhla.id, "transport": "jsonrpc"}
        )
        cls.manager = new_test_user(
            cls.env, login="rollup_manager", groups="welfare_base.group_welfare_manager"
        )
        cls.network = new_test_user(
            cls.env, login="rollup_network", groups="welfare_base.group_welfare_network"
        )
        cls.officer = new_test_user(
            cls.env, login="rollup_officer", groups="welfare_base.group_welfare_officer"
        )
        cls.Snapshot = cls.env["welfare.rollup.snapshot"]
        cls.Summary = cls.env["welfare.rollup.summary"]
