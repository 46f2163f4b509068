from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SnapshotCase


@tagged("post_install", "-at_install")
class TestSnapshotReader(SnapshotCase):
    """The roll-up's API user reads snapshots and nothing else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Snapshot._refresh_snapshots([cls.year], cls.fund | cls.other_fund)
        cls.api_user, cls.api_key = cls.Snapshot._create_rollup_api_user(
            "rollup_reader"
        )

    def test_api_user_holds_the_reader_group_alone(self):
        group = self.env.ref("welfare_snapshot.group_welfare_snapshot_reader")
        self.assertEqual(self.api_user.groups_id, group)
        self.assertFalse(self.api_user._is_internal())
        self.assertFalse(group.implied_ids)
        access = self.env["ir.model.access"].search([("group_id", "=", group.id)])
        self.assertEqual(access.model_id.model, "welfare.fund.snapshot")
        self.assertEqual(
            (
                access.perm_read,
                access.perm_write,
                access.perm_create,
                access.perm_unlink,
            ),
            (True, False, False, False),
        )

    def test_api_key_logs_in_for_rpc(self):
        uid = self.env["res.users.apikeys"]._check_credentials(
            scope="rpc", key=self.api_key
        )
        self.assertEqual(uid, self.api_user.id)

    def test_api_user_reads_snapshots(self):
        rows = (
            self.env["welfare.fund.snapshot"]
            .with_user(self.api_user)
            .search_read([], ["fund_code", "members_current", "write_date"])
        )
        self.assertEqual({row["fund_code"] for row in rows}, {"T-SNAP-1", "T-SNAP-2"})

    def test_api_user_writes_no_snapshot(self):
        snapshots = (
            self.env["welfare.fund.snapshot"].with_user(self.api_user).search([])
        )
        with self.assertRaises(AccessError):
            snapshots.write({"members_current": 1})
        with self.assertRaises(AccessError):
            snapshots.unlink()
        with self.assertRaises(AccessError):
            snapshots.create({"fund_id": self.fund.id, "fiscal_year": 2000})

    def test_api_user_reads_nothing_else(self):
        for model in (
            "welfare.member",
            "welfare.member.beneficiary",
            "welfare.contribution",
            "welfare.claim",
            "welfare.fund",
            "welfare.fund.committee",
            "res.partner",
            "res.users",
            "res.company",
            "ir.attachment",
            "mail.message",
            "ir.config_parameter",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.api_user).search_read(
                    [], ["id"], limit=1
                )

    def test_network_reviewer_reads_snapshots_officer_does_not(self):
        network = new_test_user(
            self.env,
            login="snap_reader_network",
            groups="welfare_base.group_welfare_network",
            company_id=self.fund.company_id.id,
            company_ids=[self.fund.company_id.id],
        )
        officer = new_test_user(
            self.env,
            login="snap_reader_officer",
            groups="welfare_base.group_welfare_officer",
        )
        seen = self.Snapshot.with_user(network).search([])
        # the funds the reviewer is allowed, not the other funds of the database
        self.assertTrue(seen)
        self.assertEqual(seen.fund_id, self.fund)
        self.assertTrue(self.Snapshot.search([("fund_id", "=", self.other_fund.id)]))
        with self.assertRaises(AccessError):
            self.Snapshot.with_user(officer).search([])
