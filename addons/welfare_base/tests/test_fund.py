from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import WelfareBaseCase


@tagged("post_install", "-at_install")
class TestFund(WelfareBaseCase):
    def test_fund_gets_its_own_company(self):
        self.assertTrue(self.fund_a.company_id)
        self.assertNotEqual(self.fund_a.company_id, self.fund_b.company_id)
        self.assertEqual(self.fund_a.company_id.currency_id, self.env.ref("base.THB"))
        self.assertEqual(self.fund_a.company_id.country_id, self.env.ref("base.th"))
        self.assertEqual(self.fund_a.company_id.state_id, self.roi_et)
        self.assertIn("T-A", self.fund_a.company_id.name)

    def test_given_company_is_kept(self):
        company = self.env["res.company"].create({"name": "บริษัทของกองทุน"})
        fund = self.Fund.create(
            {"name": "กองทุนมีบริษัท", "code": "T-CO", "company_id": company.id}
        )
        self.assertEqual(fund.company_id, company)

    def test_creator_and_managers_can_use_the_new_company(self):
        manager = self._user(
            "mgr_fund", "welfare_base.group_welfare_manager", self.fund_a
        )
        fund = self.Fund.with_user(manager).create(
            {"name": "กองทุนใหม่", "code": "T-NEW"}
        )
        self.assertIn(fund.company_id, manager.company_ids)
        self.assertIn(fund.company_id, self.env.ref("base.user_admin").company_ids)

    def test_same_name_in_two_provinces_is_allowed(self):
        twin = self.Fund.create({"name": self.fund_a.name, "code": "T-TWIN"})
        self.assertNotEqual(twin.company_id.name, self.fund_a.company_id.name)

    def test_code_is_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self.Fund.create({"name": "ซ้ำ", "code": "T-A"})

    def test_renaming_the_fund_renames_its_company(self):
        self.fund_c.name = "กองทุนเปลี่ยนชื่อ"
        self.assertEqual(self.fund_c.company_id.name, "กองทุนเปลี่ยนชื่อ [T-C]")

    def test_choosing_a_subdistrict_fills_the_rest(self):
        with Form(self.Fund) as form:
            form.name = "กองทุนแบบฟอร์ม"
            form.code = "T-FORM"
            form.subdistrict_id = self.sub_a
            self.assertEqual(form.district_id, self.sub_a.district_id)
            self.assertEqual(form.state_id, self.roi_et)
            self.assertEqual(form.zip, "45130")
            self.assertEqual(
                form.region_id, self.env.ref("welfare_base.region_northeast")
            )

    def test_village_coverage_percentage(self):
        self.fund_a.write({"village_total": 12, "village_covered": 9})
        self.assertAlmostEqual(self.fund_a.village_coverage, 75.0)
        self.fund_b.write({"village_total": 0, "village_covered": 0})
        self.assertEqual(self.fund_b.village_coverage, 0.0)

    def test_more_villages_covered_than_exist_is_refused(self):
        with self.assertRaises(ValidationError):
            self.fund_a.write({"village_total": 5, "village_covered": 6})

    def test_zone_of_another_province_is_refused(self):
        zone = self.env["welfare.zone"].create(
            {"name": "โซนขอนแก่น", "state_id": self.khon_kaen.id}
        )
        with self.assertRaises(ValidationError):
            self.fund_a.zone_id = zone

    def test_future_founding_date_is_refused(self):
        with self.assertRaises(ValidationError):
            self.fund_a.founding_date = "2999-01-01"

    def test_fund_keeps_its_company(self):
        other = self.env["res.company"].create({"name": "บริษัทอื่น"})
        with self.assertRaises(UserError):
            self.fund_a.write({"company_id": other.id})
        self.assertNotEqual(self.fund_a.company_id, other)
        self.fund_a.write({"company_id": self.fund_a.company_id.id, "phone": "1"})

    def test_fund_with_data_is_archived_not_deleted(self):
        self.env["welfare.fund.meeting"].create(
            {"fund_id": self.fund_a.id, "name": "ประชุมกรรมการ"}
        )
        with self.assertRaises(UserError):
            self.fund_a.unlink()
        self.fund_a.action_archive()
        self.assertFalse(self.fund_a.active)

    def test_empty_fund_can_be_deleted(self):
        fund = self.Fund.create({"name": "กองทุนลบได้", "code": "T-DEL"})
        fund.unlink()
        self.assertFalse(fund.exists())

    def test_demo_network_of_roi_et(self):
        funds = self.Fund.search(
            [("state_id", "=", self.roi_et.id), ("code", "=like", "45%")]
        )
        self.assertGreaterEqual(len(funds), 10)
        self.assertGreaterEqual(len(funds.zone_id), 3)
        self.assertTrue(all(f.committee_ids and f.meeting_ids for f in funds))
        self.assertTrue(all(f.chair_id for f in funds))
