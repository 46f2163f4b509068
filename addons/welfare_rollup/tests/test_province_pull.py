"""Province databases pulled by the roll-up, end to end.

Needs ``welfare_snapshot`` (the province side) in the same database: the
roll-up's own test run installs it beside ``welfare_rollup``, as the whole
suite does. The Roi Et province is pulled over the real JSON-RPC route of
this test server with its API user's key; Khon Kaen through the "this
database" transport; then Roi Et again through a signed export file.
"""

import base64
import datetime

from odoo.tests import HttpCase, tagged

from odoo.addons.welfare_base.lib.thai_calendar import fiscal_year_of
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import payload
from ..lib.jsonrpc import JsonRpcClient, RpcError

SUMMED = (
    "members_total",
    "members_current",
    "members_new",
    "contribution_amount",
    "grant_codi_amount",
    "grant_local_amount",
    "grant_other_amount",
    "benefit_count",
    "benefit_amount",
    "balance",
)


@tagged("post_install", "-at_install")
class TestProvincePull(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = welfare_today(cls.env["welfare.fund"])
        cls.year = fiscal_year_of(cls.today)
        Sub = cls.env["welfare.subdistrict"]
        State = cls.env["res.country.state"]
        cls.roi_et = State.search(
            [("code", "=", "TH-45"), ("country_id.code", "=", "TH")]
        )
        cls.khon_kaen = State.search(
            [("code", "=", "TH-40"), ("country_id.code", "=", "TH")]
        )
        seed = 7000
        from odoo.addons.welfare_membership.tests.common_membership import make_id

        for code, members in (
            ("450106", 3),
            ("450107", 2),
            ("400102", 4),
            ("400103", 1),
        ):
            fund = cls.env["welfare.fund"].create(
                {
                    "name": f"กองทุนทดสอบยอดรวม {code}",
                    "code": f"T-{code}",
                    "subdistrict_id": Sub.search([("code", "=", code)]).id,
                    "founding_date": datetime.date(2012, 1, 1),
                }
            )
            for _i in range(members):
                seed += 1
                member = cls.env["welfare.member"]._workflow_create(
                    {
                        "fund_id": fund.id,
                        "name_title": "mrs",
                        "first_name": f"สมาชิก{seed}",
                        "last_name": "ทดสอบ",
                        "national_id": make_id(seed),
                        "state": "active",
                        "join_date": datetime.date(2020, 1, 1),
                    }
                )
                payment = cls.env["welfare.contribution"].create(
                    {
                        "member_id": member.id,
                        "amount": 365.0,
                        "date": cls.today,
                        "payment_method": "cash",
                    }
                )
                payment.action_confirm()
        Province = cls.env["welfare.fund.snapshot"]
        Province._refresh_snapshots([cls.year])
        cls.api_user, cls.api_key = Province._create_rollup_api_user("rollup_api")
        Source = cls.env["welfare.rollup.source"]
        Source.with_context(active_test=False).search([]).unlink()
        cls.src_roi_et = Source.create(
            {
                "name": "ร้อยเอ็ด",
                "state_id": cls.roi_et.id,
                "transport": "jsonrpc",
                "database": cls.env.cr.dbname,
                "login": "rollup_api",
                "api_key": cls.api_key,
                "year_from": cls.year,
            }
        )
        cls.src_khon_kaen = Source.create(
            {
                "name": "ขอนแก่น",
                "state_id": cls.khon_kaen.id,
                "transport": "local",
                "year_from": cls.year,
            }
        )

    def setUp(self):
        super().setUp()
        self.src_roi_et.url = self.base_url()
        self.env.flush_all()

    def _province_sums(self, province_code):
        rows = self.env["welfare.fund.snapshot"].search_read(
            [("province_code", "=", province_code), ("fiscal_year", "=", self.year)],
            list(SUMMED),
        )
        sums = {name: sum(row[name] for row in rows) for name in SUMMED}
        sums["fund_count"] = len(rows)
        return sums

    def _national(self, state):
        row = self.env["welfare.rollup.summary"].search(
            [("state_id", "=", state.id), ("fiscal_year_be", "=", self.year + 543)]
        )
        return {name: row[name] for name in ("fund_count", *SUMMED)}

    def test_national_table_equals_the_provinces(self):
        results = (self.src_roi_et | self.src_khon_kaen)._pull()
        self.assertEqual(
            [ok for _s, ok in results], [True, True], self.src_roi_et.last_error
        )
        self.assertGreater(self.src_roi_et.last_bytes, 0)
        self.assertEqual(self.src_roi_et.snapshot_ids[:1].origin_transport, "jsonrpc")
        for state in (self.roi_et, self.khon_kaen):
            expected = self._province_sums(state.code)
            self.assertGreaterEqual(expected["fund_count"], 2)
            national = self._national(state)
            for name, value in expected.items():
                self.assertAlmostEqual(national[name], value, places=2, msg=name)

    def test_second_pull_changes_nothing(self):
        (self.src_roi_et | self.src_khon_kaen)._pull()
        before = {
            s.id: (s.write_date, s.content_hash)
            for s in self.env["welfare.rollup.snapshot"].search([])
        }
        (self.src_roi_et | self.src_khon_kaen)._pull()
        self.assertEqual(self.src_roi_et.last_rows_changed, 0)
        self.assertEqual(self.src_khon_kaen.last_rows_changed, 0)
        self.env.invalidate_all()
        after = {
            s.id: (s.write_date, s.content_hash)
            for s in self.env["welfare.rollup.snapshot"].search([])
        }
        self.assertEqual(after, before)

    def test_file_route_gives_the_same_result(self):
        self.src_roi_et._pull()
        fields_ = ["fund_code", "fiscal_year", *SUMMED, "content_hash"]
        pulled = self.env["welfare.rollup.snapshot"].search_read(
            [("source_id", "=", self.src_roi_et.id)], fields_, order="fund_code"
        )
        self.src_roi_et.snapshot_ids.unlink()
        self.src_roi_et.write(
            {
                "transport": "file",
                "public_key": self.env["welfare.fund.snapshot"]._public_key(),
            }
        )
        # the province database's own province (set by its profile)
        self.env["ir.config_parameter"].set_param("welfare.province_code", "TH-45")
        content = self.env["welfare.fund.snapshot"]._export_file([self.year])
        wizard = self.env["welfare.rollup.import"].create(
            {"source_id": self.src_roi_et.id, "file": base64.b64encode(content)}
        )
        wizard.action_import()
        imported = self.env["welfare.rollup.snapshot"].search_read(
            [("source_id", "=", self.src_roi_et.id)], fields_, order="fund_code"
        )
        for row in pulled + imported:
            row.pop("id")
        self.assertTrue(pulled)
        self.assertEqual(imported, pulled)

    def test_api_user_reads_nothing_but_snapshots_over_rpc(self):
        client = JsonRpcClient(
            self.base_url(), self.env.cr.dbname, "rollup_api", self.api_key
        )
        client.authenticate()
        rows = client.search_read_all(
            "welfare.fund.snapshot", [], payload.PAYLOAD_FIELDS, order="id"
        )
        self.assertTrue(rows)
        for model in (
            "welfare.member",
            "welfare.claim",
            "welfare.contribution",
            "res.partner",
            "welfare.fund",
        ):
            with self.subTest(model=model), self.assertRaises(RpcError):
                client.execute(
                    model, "search_read", [[]], {"fields": ["id"], "limit": 1}
                )
        with self.assertRaises(RpcError):
            client.execute(
                "welfare.fund.snapshot", "write", [[1], {"members_current": 1}]
            )

    def test_a_wrong_key_is_a_visible_failure(self):
        self.src_roi_et.api_key = "wrong"
        self.env.flush_all()
        [(source, ok)] = self.src_roi_et._pull()
        self.assertFalse(ok)
        self.assertEqual(source.status, "failed")
        self.assertIn("login refused", source.last_error)
