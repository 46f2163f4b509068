import csv
from pathlib import Path

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestGeography(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.thailand = cls.env.ref("base.th")
        cls.provinces = cls.env["res.country.state"].search(
            [("country_id", "=", cls.thailand.id)]
        )

    def test_all_districts_and_subdistricts_are_loaded(self):
        self.assertEqual(self.env["welfare.district"].search_count([]), 928)
        self.assertEqual(self.env["welfare.subdistrict"].search_count([]), 7436)

    def test_every_province_has_thai_name_region_and_districts(self):
        self.assertEqual(len(self.provinces), 77)
        for province in self.provinces:
            self.assertTrue(province.welfare_name_th, province.code)
            self.assertTrue(province.welfare_region_id, province.code)
            self.assertTrue(province.welfare_district_ids, province.code)
        self.assertEqual(
            len(self.env.ref("welfare_base.region_northeast").state_ids), 20
        )

    def test_codes_are_consistent_with_their_parents(self):
        for district in self.env["welfare.district"].search([]):
            self.assertEqual(f"TH-{district.code[:2]}", district.state_id.code)
        subs = self.env["welfare.subdistrict"].search([])
        bad = subs.filtered(
            lambda s: (
                s.code[:4] != s.district_id.code
                or s.state_id != s.district_id.state_id
                or not (s.zip and len(s.zip) == 5 and s.zip.isdigit())
            )
        )
        self.assertFalse(bad, bad[:5].mapped("code"))

    def test_data_matches_the_source_file(self):
        path = Path(__file__).parent.parent / "data" / "welfare.subdistrict.csv"
        with path.open(encoding="utf-8") as f:
            rows = {row["code"]: row for row in csv.DictReader(f)}
        sub = self.env.ref("welfare_base.subdistrict_451101")
        self.assertEqual(sub.name, rows["451101"]["name"])
        self.assertEqual(sub.name, "สระคู")
        self.assertEqual(sub.name_en, "Sa Khu")
        self.assertEqual(sub.district_id.name, "สุวรรณภูมิ")
        self.assertEqual(sub.state_id.welfare_name_th, "ร้อยเอ็ด")

    def test_search_by_thai_english_name_or_code(self):
        Sub = self.env["welfare.subdistrict"]
        by_thai = Sub.name_search("สระคู")
        by_english = Sub.name_search("Sa Khu")
        by_code = Sub.name_search("451101")
        target = self.env.ref("welfare_base.subdistrict_451101").id
        for result in (by_thai, by_english, by_code):
            self.assertIn(target, [r[0] for r in result])
        district = self.env["welfare.district"].name_search("Suwannaphum")
        self.assertIn(
            self.env.ref("welfare_base.district_4511").id, [r[0] for r in district]
        )

    def test_province_found_by_thai_name(self):
        result = self.env["res.country.state"].name_search("ร้อยเอ็ด")
        self.assertIn(self.env.ref("base.state_th_054").id, [r[0] for r in result])

    def test_thai_users_see_thai_names(self):
        self.env["res.lang"]._activate_lang("th_TH")
        sub = self.env.ref("welfare_base.subdistrict_451101").with_context(lang="th_TH")
        self.assertEqual(sub.display_name, "สระคู")
        sub_en = sub.with_context(lang="en_US")
        self.assertEqual(sub_en.display_name, "Sa Khu (สระคู)")
        province = self.env.ref("base.state_th_054").with_context(lang="th_TH")
        self.assertEqual(province.display_name, "ร้อยเอ็ด")
