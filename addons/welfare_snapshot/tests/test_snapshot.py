import base64
import datetime
import json

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..lib import schema
from .common import SnapshotCase


@tagged("post_install", "-at_install")
class TestSnapshot(SnapshotCase):
    def test_figures_of_the_year(self):
        self.Snapshot._refresh_snapshots([self.year], self.fund)
        snap = self._snapshot(self.fund, self.year)
        self.assertEqual(snap.fund_code, "T-SNAP-1")
        self.assertEqual(snap.subdistrict_code, "450104")
        self.assertEqual(snap.province_code, "TH-45")
        self.assertEqual(snap.region_code, "NE")
        self.assertEqual(snap.members_total, 4)
        self.assertEqual(snap.members_current, 3)
        self.assertEqual(snap.members_new, 1)
        self.assertEqual(
            (snap.members_general, snap.members_elderly, snap.members_youth), (2, 1, 1)
        )
        self.assertEqual((snap.members_active, snap.members_resigned), (3, 1))
        self.assertEqual(snap.contribution_amount, 485.0)
        self.assertEqual(snap.entry_fee_amount, 100.0)
        self.assertEqual((snap.benefit_count, snap.benefit_amount), (1, 250.0))
        self.assertEqual(json.loads(snap.benefit_lines), {"funeral": [1, 250.0]})
        # since founding: 365 + 365 + 120 + 100 received, 250 paid
        self.assertEqual(snap.balance, 700.0)
        self.assertFalse(snap.assessed)
        self.assertEqual(snap.content_hash, schema.content_hash(snap.read()[0]))

    def test_status_at_the_end_of_last_year(self):
        """A member who resigned this year was an active member last year."""
        self.Snapshot._refresh_snapshots([self.year - 1], self.fund)
        snap = self._snapshot(self.fund, self.year - 1)
        self.assertEqual(snap.members_total, 3)
        self.assertEqual((snap.members_active, snap.members_resigned), (3, 0))
        self.assertEqual(snap.contribution_amount, 365.0)
        self.assertEqual(snap.benefit_count, 0)
        self.assertEqual(snap.balance, 365.0)

    def test_status_from_the_history_of_changes(self):
        """Members count with the status their history gives on 30 September,
        not with today's status (fiscal years 2024 and 2025)."""
        fund = self.other_fund
        long_ago = datetime.date(2015, 1, 1)
        left_after = self._member(fund, join_date=long_ago)
        left_after._workflow_write(
            {
                "state": "resigned",
                "state_date": datetime.date(2024, 11, 15),
                "resign_date": datetime.date(2024, 11, 15),
            }
        )
        ended_during = self._member(fund, join_date=long_ago)
        ended_during._workflow_write(
            {"state": "terminated", "state_date": datetime.date(2024, 3, 1)}
        )
        # terminated in June, reinstated in October: terminated on 30 September
        reinstated = self._member(fund, join_date=long_ago)
        reinstated._workflow_write(
            {"state": "terminated", "state_date": datetime.date(2024, 6, 1)}
        )
        reinstated._workflow_write(
            {"state": "active", "state_date": datetime.date(2024, 10, 20)}
        )
        # suspended in August, resigned in December: suspended on 30 September
        suspended = self._member(fund, join_date=long_ago)
        suspended._workflow_write(
            {"state": "suspended", "state_date": datetime.date(2024, 8, 1)}
        )
        suspended._workflow_write(
            {
                "state": "resigned",
                "state_date": datetime.date(2024, 12, 1),
                "resign_date": datetime.date(2024, 12, 1),
            }
        )
        self.Snapshot._refresh_snapshots([2024, 2025], fund)
        snap = self._snapshot(fund, 2024)
        self.assertEqual(snap.members_total, 4)
        self.assertEqual(
            (
                snap.members_active,
                snap.members_suspended,
                snap.members_terminated,
                snap.members_resigned,
            ),
            (1, 1, 2, 0),
        )
        self.assertEqual(snap.members_current, 2)
        snap = self._snapshot(fund, 2025)
        self.assertEqual(snap.members_total, 4)
        self.assertEqual(
            (
                snap.members_active,
                snap.members_suspended,
                snap.members_terminated,
                snap.members_resigned,
            ),
            (1, 0, 1, 2),
        )
        self.assertEqual(snap.members_current, 1)

    def test_second_refresh_changes_nothing(self):
        self.Snapshot._refresh_snapshots([self.year], self.fund | self.other_fund)
        snap = self._snapshot(self.fund, self.year)
        other = self._snapshot(self.other_fund, self.year)
        self.env.flush_all()  # nothing pending writes the dates back afterwards
        self.env.cr.execute(
            "UPDATE welfare_fund_snapshot"
            " SET write_date = write_date - interval '1 day' WHERE id IN %s",
            [(snap.id, other.id)],
        )
        self.env.invalidate_all()
        stamps = (snap.write_date, other.write_date, snap.content_hash)
        changed = self.Snapshot._refresh_snapshots(
            [self.year], self.fund | self.other_fund
        )
        self.assertEqual(changed, 0)
        self.env.invalidate_all()
        self.assertEqual((snap.write_date, other.write_date, snap.content_hash), stamps)
        # a new payment changes that fund's row alone
        self._pay(self.general, 30.0, self.today)
        changed = self.Snapshot._refresh_snapshots(
            [self.year], self.fund | self.other_fund
        )
        self.env.invalidate_all()
        self.assertEqual(changed, 1)
        self.assertEqual(snap.contribution_amount, 515.0)
        self.assertGreater(snap.write_date, stamps[0])
        self.assertEqual(other.write_date, stamps[1])

    def test_only_administrators_refresh(self):
        network = new_test_user(
            self.env, login="snap_network", groups="welfare_base.group_welfare_network"
        )
        with self.assertRaises(UserError):
            self.Snapshot.with_user(network).action_refresh_current()
        manager = new_test_user(
            self.env, login="snap_manager", groups="welfare_base.group_welfare_manager"
        )
        self.Snapshot.with_user(manager).action_refresh_current()
        self.assertTrue(self._snapshot(self.fund, self.year))

    def test_signed_export_file(self):
        self.Snapshot._refresh_snapshots([self.year], self.fund)
        wizard = self.env["welfare.snapshot.export"].create({})
        wizard.action_export()
        document = json.loads(base64.b64decode(wizard.file))
        payload = document["payload"]
        self.assertEqual(payload["format"], "welfare.fund.snapshot")
        self.assertEqual(payload["schema_version"], 1)
        codes = {row["fund_code"] for row in payload["rows"]}
        self.assertIn("T-SNAP-1", codes)
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(wizard.public_key))
        signature = base64.b64decode(document["signature"]["value"])
        key.verify(signature, schema.canonical_bytes(payload))
        payload["rows"][0]["members_current"] += 1
        with self.assertRaises(InvalidSignature):
            key.verify(signature, schema.canonical_bytes(payload))

    def test_export_years_in_buddhist_era(self):
        self.Snapshot._refresh_snapshots([self.year - 1, self.year], self.fund)
        wizard = self.env["welfare.snapshot.export"].create(
            {"year_from": self.year + 543, "year_to": self.year + 543}
        )
        wizard.action_export()
        rows = json.loads(base64.b64decode(wizard.file))["payload"]["rows"]
        self.assertEqual({row["fiscal_year"] for row in rows}, {self.year})
        wizard = self.env["welfare.snapshot.export"].create(
            {"year_from": self.year + 543, "year_to": self.year + 542}
        )
        with self.assertRaises(UserError):
            wizard.action_export()
