from odoo.tests import TransactionCase

from ..lib import payload
from .common import make_row


class TestPayload(TransactionCase):
    """Checks of the received rows (plain functions)."""

    def test_a_good_row_passes_with_its_hash(self):
        row = make_row("450101", 2025)
        self.assertEqual(payload.check_row(row, "TH-45"), row["content_hash"])

    def test_zero_and_zero_point_zero_hash_alike(self):
        row = make_row("450101", 2025)
        row_int = dict(row, contribution_amount=0)
        self.assertEqual(payload.content_hash(row), payload.content_hash(row_int))

    def test_refusals(self):
        cases = {
            "schema": dict(make_row("450101", 2025), schema_version=2),
            "province": make_row("400101", 2025, province="TH-40"),
            "number": make_row("450101", 2025, members_current=-3),
            "hash": dict(make_row("450101", 2025), members_current=7),
        }
        for code, row in cases.items():
            with (
                self.subTest(code=code),
                self.assertRaises(payload.PayloadError) as caught,
            ):
                payload.check_row(row, "TH-45")
            self.assertEqual(caught.exception.code, code)
        row = make_row("450101", 2025)
        del row["balance"]
        with self.assertRaises(payload.PayloadError) as caught:
            payload.check_row(row, "TH-45")
        self.assertEqual(caught.exception.code, "missing")

    def test_write_dates_read_alike_from_json_rpc_and_files(self):
        self.assertEqual(
            payload.write_date_text({"write_date": "2026-12-02T10:06:22.123"}),
            "2026-12-02 10:06:22",
        )
        self.assertEqual(
            payload.write_date_text({"write_date": "2026-12-02 10:06:22"}),
            "2026-12-02 10:06:22",
        )
