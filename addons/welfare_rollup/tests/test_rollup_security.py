from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import RollupCase, make_row


@tagged("post_install", "-at_install")
class TestRollupSecurity(RollupCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.src_khon_kaen.write({"api_key": "secret-key-of-khon-kaen"})
        cls.src_roi_et._apply_rows(
            [make_row("450101", 2025, members_current=10)], "file"
        )

    def test_network_reads_the_tables_officer_does_not(self):
        self.assertTrue(self.Summary.with_user(self.network).search([]))
        self.assertTrue(self.Snapshot.with_user(self.network).search([]))
        for model in (
            "welfare.rollup.summary",
            "welfare.rollup.snapshot",
            "welfare.rollup.source",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.officer).search([])

    def test_nobody_writes_received_figures(self):
        snap = self.Snapshot.search([])
        for user in (self.manager, self.network):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    snap.with_user(user).write({"members_current": 999})
                with self.assertRaises(AccessError):
                    self.Snapshot.with_user(user).create(
                        {
                            "source_id": self.src_roi_et.id,
                            "fund_code": "X",
                            "fiscal_year": 2025,
                        }
                    )
        self.assertEqual(snap.members_current, 10)

    def test_pull_status_moves_only_by_a_pull(self):
        with self.assertRaises(UserError):
            self.src_roi_et.with_user(self.manager).write(
                {"status": "ok", "watermark": "2999"}
            )
        with self.assertRaises(UserError):
            self.env["welfare.rollup.source"].with_user(self.manager).create(
                {"name": "x", "state_id": self.songkhla.id, "status": "ok"}
            )

    def test_api_key_is_for_administrators_only(self):
        source = self.src_khon_kaen.with_user(self.network)
        with self.assertRaises(AccessError):
            source.read(["api_key"])
        self.assertEqual(
            self.src_khon_kaen.with_user(self.manager).api_key,
            "secret-key-of-khon-kaen",
        )

    def test_only_administrators_pull_and_import(self):
        with self.assertRaises(UserError):
            self.src_roi_et.with_user(self.network).action_pull()
        with self.assertRaises(AccessError):
            self.env["welfare.rollup.import"].with_user(self.network).create(
                {"source_id": self.src_roi_et.id, "file": b"e30="}
            )
