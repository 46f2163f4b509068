import base64
import io
from unittest.mock import patch

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..lib import payload
from .common import RollupCase, make_row, sign_rows

ROI_ET_2025 = [
    make_row(
        "450101",
        2025,
        members_current=900,
        contribution_amount=300000.0,
        grant_codi_amount=120000.0,
        grant_local_amount=10000.0,
        benefit_count=30,
        benefit_amount=45000.0,
        benefit_lines='{"birth":[10,5000.0],"death":[20,40000.0]}',
        grade="A",
        score=88.5,
    ),
    make_row(
        "450102",
        2025,
        members_current=400,
        contribution_amount=140000.0,
        grade="B",
        score=70.0,
    ),
    make_row("450103", 2025, members_current=250, contribution_amount=80000.0),
]
KHON_KAEN_2025 = [
    make_row(
        "400101",
        2025,
        province="TH-40",
        members_current=1200,
        contribution_amount=420000.0,
        grant_codi_amount=200000.0,
        grade="A",
        score=91.0,
        benefit_count=4,
        benefit_amount=8000.0,
        benefit_lines='{"death":[4,8000.0]}',
    ),
    make_row(
        "400102", 2025, province="TH-40", members_current=300, grade="D", score=40.0
    ),
]


@tagged("post_install", "-at_install")
class TestRollupApply(RollupCase):
    def _load(self):
        self.src_roi_et._apply_rows(ROI_ET_2025, "file")
        self.src_khon_kaen._apply_rows(KHON_KAEN_2025, "jsonrpc")

    def test_rows_carry_where_and_when_they_came_from(self):
        self.src_khon_kaen.write(
            {"url": "https://kk.example.org", "database": "welfare_khon_kaen"}
        )
        self._load()
        snap = self.Snapshot.search([("fund_code", "=", "400101")])
        self.assertEqual(snap.source_id, self.src_khon_kaen)
        self.assertEqual(snap.state_id, self.khon_kaen)
        self.assertEqual(snap.region_id, self.khon_kaen.welfare_region_id)
        self.assertEqual(snap.origin_database, "welfare_khon_kaen")
        self.assertEqual(snap.origin_url, "https://kk.example.org")
        self.assertEqual(snap.origin_transport, "jsonrpc")
        self.assertEqual(str(snap.source_write_date), "2025-10-01 03:00:00")
        self.assertTrue(snap.received_date)
        self.assertEqual(snap.fiscal_year_be, 2568)
        self.assertEqual(snap.benefit_ids.mapped("case_count"), [4])
        self.assertEqual(self.src_khon_kaen.watermark, "2025-10-01 03:00:00")

    def test_second_apply_changes_nothing(self):
        self._load()
        snaps = self.Snapshot.search([])
        before = {s.id: (s.received_date, s.write_date, s.content_hash) for s in snaps}
        lines = snaps.benefit_ids.ids
        self.assertEqual(self.src_roi_et._apply_rows(ROI_ET_2025, "file"), 0)
        self.assertEqual(self.src_khon_kaen._apply_rows(KHON_KAEN_2025, "jsonrpc"), 0)
        self.env.invalidate_all()
        snaps = self.Snapshot.search([])
        self.assertEqual(
            {s.id: (s.received_date, s.write_date, s.content_hash) for s in snaps},
            before,
        )
        self.assertEqual(snaps.benefit_ids.ids, lines)

    def test_a_changed_fund_alone_is_rewritten(self):
        self._load()
        changed = make_row(
            "450103",
            2025,
            members_current=260,
            contribution_amount=83000.0,
            write_date="2025-11-02 08:00:00",
        )
        self.assertEqual(
            self.src_roi_et._apply_rows([*ROI_ET_2025[:2], changed], "file"), 1
        )
        snap = self.Snapshot.search([("fund_code", "=", "450103")])
        self.assertEqual(snap.members_current, 260)
        self.assertEqual(self.src_roi_et.watermark, "2025-11-02 08:00:00")

    def test_a_bad_row_refuses_the_whole_batch(self):
        bad = dict(
            make_row("450104", 2025), members_current=5
        )  # hash no longer matches
        with self.assertRaises(payload.PayloadError):
            self.src_roi_et._apply_rows([*ROI_ET_2025, bad], "file")
        self.assertFalse(self.Snapshot.search([("source_id", "=", self.src_roi_et.id)]))
        with self.assertRaises(payload.PayloadError):
            self.src_roi_et._apply_rows(KHON_KAEN_2025, "file")
        with self.assertRaisesRegex(UserError, "450101"):
            self.src_roi_et._apply_rows([ROI_ET_2025[0], ROI_ET_2025[0]], "file")

    def test_national_table_is_the_sum_of_the_provinces(self):
        self._load()
        rows = self.Summary.search([("fiscal_year_be", "=", 2568)])
        by_province = {row.state_id: row for row in rows}
        roi, kk = by_province[self.roi_et], by_province[self.khon_kaen]
        self.assertEqual((roi.fund_count, kk.fund_count), (3, 2))
        self.assertEqual((roi.members_current, kk.members_current), (1550, 1500))
        self.assertEqual(roi.contribution_amount, 520000.0)
        self.assertEqual(roi.grant_codi_amount, 120000.0)
        self.assertEqual(kk.benefit_amount, 8000.0)
        self.assertEqual((roi.assessed_count, roi.not_assessed_count), (2, 1))
        self.assertEqual(roi.grade_a_share, 50.0)
        self.assertAlmostEqual(roi.grade_a_share_all, 33.33, places=2)
        # the region (both north-eastern): counts summed, shares recomputed
        [region] = self.Summary.read_group(
            [("fiscal_year_be", "=", 2568)],
            [
                "fund_count:sum",
                "members_current:sum",
                "grade_a_share",
                "grade_a_share_all",
            ],
            ["region_id"],
        )
        self.assertEqual(region["fund_count"], 5)
        self.assertEqual(region["members_current"], 3050)
        self.assertEqual(region["grade_a_share"], 50.0)  # 2 of 4 assessed
        self.assertEqual(region["grade_a_share_all"], 40.0)  # 2 of 5 funds

    def test_funds_not_reporting_a_year(self):
        last_year = [make_row(r["fund_code"], 2024) for r in ROI_ET_2025]
        extra = make_row("450199", 2024)
        self.src_roi_et._apply_rows([*last_year, extra, *ROI_ET_2025], "file")
        row = self.Summary.search(
            [("fiscal_year_be", "=", 2568), ("state_id", "=", self.roi_et.id)]
        )
        self.assertEqual((row.fund_count, row.not_reporting_count), (3, 1))

    def test_file_route_gives_the_same_result(self):
        self.src_roi_et._apply_rows(ROI_ET_2025, "file")
        fields_ = [*payload.INTEGER_FIELDS, *payload.FLOAT_FIELDS, "grade", "fund_code"]
        by_rows = self.Snapshot.search_read([], fields_, order="fund_code")
        self.Snapshot.search([]).unlink()
        wizard = self.env["welfare.rollup.import"].create(
            {
                "source_id": self.src_roi_et.id,
                "file": base64.b64encode(sign_rows(ROI_ET_2025, self.key)),
            }
        )
        wizard.with_user(self.manager).action_import()
        self.assertEqual(wizard.changed_count, 3)
        by_file = self.Snapshot.search_read([], fields_, order="fund_code")
        for row in by_rows + by_file:
            row.pop("id")
        self.assertEqual(by_file, by_rows)
        self.assertEqual(
            set(self.Snapshot.search([]).mapped("origin_transport")), {"file"}
        )
        # the same file again changes nothing
        again = self.env["welfare.rollup.import"].create(
            {
                "source_id": self.src_roi_et.id,
                "file": base64.b64encode(sign_rows(ROI_ET_2025, self.key)),
            }
        )
        again.with_user(self.manager).action_import()
        self.assertEqual(again.changed_count, 0)

    def test_altered_or_foreign_files_are_refused(self):
        content = sign_rows(ROI_ET_2025, self.key).replace(
            b'"members_current": 900', b'"members_current": 9000'
        )
        self.assertIn(b"9000", content)
        wizard = self.env["welfare.rollup.import"].create(
            {"source_id": self.src_roi_et.id, "file": base64.b64encode(content)}
        )
        with self.assertRaisesRegex(UserError, "signature"):
            wizard.with_user(self.manager).action_import()
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        foreign = sign_rows(ROI_ET_2025, Ed25519PrivateKey.generate())
        wizard = self.env["welfare.rollup.import"].create(
            {"source_id": self.src_roi_et.id, "file": base64.b64encode(foreign)}
        )
        with self.assertRaisesRegex(UserError, "signature"):
            wizard.with_user(self.manager).action_import()
        wizard = self.env["welfare.rollup.import"].create(
            {"source_id": self.src_roi_et.id, "file": base64.b64encode(b"not json")}
        )
        with self.assertRaises(UserError):
            wizard.with_user(self.manager).action_import()
        self.assertFalse(self.Snapshot.search([]))

    def test_a_failing_province_does_not_stop_the_others(self):
        self.src_khon_kaen.write(
            {
                "url": "http://127.0.0.1:9",
                "database": "welfare_khon_kaen",
                "login": "rollup",
                "api_key": "0" * 40,
            }
        )
        self.src_songkhla.write(
            {
                "url": "https://songkhla.example.org",
                "database": "welfare_songkhla",
                "login": "rollup",
                "api_key": "1" * 40,
            }
        )
        songkhla_rows = [make_row("900101", 2025, province="TH-90", members_current=77)]
        Source = type(self.src_songkhla)
        original = Source._fetch_rows_jsonrpc

        def fetch(source, domain):
            if source == self.src_songkhla:
                return songkhla_rows, 1234
            return original(source, domain)

        with patch.object(Source, "_fetch_rows_jsonrpc", fetch):
            results = (
                (self.src_khon_kaen | self.src_songkhla).with_user(self.manager)._pull()
            )
        self.assertEqual(
            [(source.id, ok) for source, ok in results],
            [(self.src_khon_kaen.id, False), (self.src_songkhla.id, True)],
        )
        self.assertEqual(self.src_khon_kaen.status, "failed")
        self.assertTrue(self.src_khon_kaen.last_error)
        self.assertIn(
            self.src_khon_kaen.last_error, self.src_khon_kaen.message_ids[0].body
        )
        self.assertEqual(self.src_songkhla.status, "ok")
        self.assertEqual(self.src_songkhla.last_bytes, 1234)
        self.assertEqual(
            self.Snapshot.search(
                [("source_id", "=", self.src_songkhla.id)]
            ).members_current,
            77,
        )

    def test_national_table_xlsx(self):
        self._load()
        rows = self.Summary.search([])
        content, kind = self.env["ir.actions.report"]._render(
            "welfare_rollup.summary_xlsx", rows.ids, {}
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        headers = values[0]
        total = next(row for row in values if row[1] in ("Whole Country", "ทั้งประเทศ"))
        self.assertEqual(
            total[headers.index(self.Summary._fields["fund_count"].string)], 5
        )
        self.assertEqual(
            total[headers.index(self.Summary._fields["grade_a_share"].string)], 50.0
        )
        provinces = {row[1] for row in values[1:]}
        self.assertIn(self.roi_et.display_name, provinces)

    def test_fund_figures_xlsx(self):
        self._load()
        content, _kind = self.env["ir.actions.report"]._render(
            "welfare_rollup.snapshot_xlsx", self.Snapshot.search([]).ids, {}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        names = {row[6].value for row in sheet.iter_rows(min_row=2)}
        self.assertIn("กองทุนสวัสดิการชุมชนตำบล450101", names)
