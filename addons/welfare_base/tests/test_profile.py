from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestProfile(TransactionCase):
    """Applying a province profile, as the province database command does."""

    def test_profile_makes_a_thai_provincial_database(self):
        result = self.env["welfare.profile"].apply_profile(
            {
                "name": "เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดร้อยเอ็ด",
                "province_code": "TH-45",
                "lang": "th_TH",
                "timezone": "Asia/Bangkok",
            }
        )
        roi_et = self.env.ref("base.state_th_054")
        company = self.env.ref("base.main_company")
        self.assertEqual(result["state_id"], roi_et.id)
        self.assertEqual(company.state_id, roi_et)
        if not self.env["welfare.profile"]._company_has_entries(company):
            # A fresh province database: its network company counts in baht.
            # (With demo books already kept, Odoo fixes the currency.)
            self.assertEqual(company.currency_id, self.env.ref("base.THB"))
        self.assertEqual(company.name, "เครือข่ายกองทุนสวัสดิการชุมชนจังหวัดร้อยเอ็ด")
        self.assertTrue(self.env["res.lang"]._lang_get("th_TH").active)
        self.assertEqual(self.env.ref("base.user_admin").lang, "th_TH")
        self.assertEqual(self.env.ref("base.user_admin").tz, "Asia/Bangkok")
        partner = self.env["res.partner"].create({"name": "ผู้ติดต่อใหม่"})
        self.assertEqual(partner.lang, "th_TH")
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("welfare.province_code"), "TH-45")

    def test_network_company_named_after_the_province_by_default(self):
        self.env["welfare.profile"].apply_profile({"province_code": "TH-40"})
        company = self.env.ref("base.main_company")
        self.assertIn("ขอนแก่น", company.name)

    def test_only_administrators_apply_a_profile(self):
        user = new_test_user(
            self.env, login="profile_mgr", groups="welfare_base.group_welfare_manager"
        )
        company = self.env.ref("base.main_company")
        name = company.name
        with self.assertRaises(AccessError):
            self.env["welfare.profile"].with_user(user).apply_profile(
                {"province_code": "TH-45"}
            )
        self.assertEqual(company.name, name)

    def test_bad_province_code_is_refused_and_nothing_changes(self):
        company = self.env.ref("base.main_company")
        name = company.name
        for code in ("45", "TH-99", ""):
            with self.assertRaises(UserError):
                self.env["welfare.profile"].apply_profile({"province_code": code})
        self.assertEqual(company.name, name)

    def test_unknown_language_or_timezone_is_refused(self):
        with self.assertRaises(UserError):
            self.env["welfare.profile"].apply_profile(
                {"province_code": "TH-45", "lang": "xx_XX"}
            )
        with self.assertRaises(UserError):
            self.env["welfare.profile"].apply_profile(
                {"province_code": "TH-45", "timezone": "Mars/Olympus"}
            )

    def test_public_address_is_frozen(self):
        self.env["welfare.profile"].freeze_base_url("https://welfare.example.org/")
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(
            params.get_param("web.base.url"), "https://welfare.example.org"
        )
        self.assertTrue(params.get_param("web.base.url.freeze"))

    def test_public_address_must_be_https_without_path(self):
        params = self.env["ir.config_parameter"].sudo()
        before = params.get_param("web.base.url")
        for url in (
            "http://welfare.example.org",
            "https://",
            "https://welfare.example.org/odoo",
            "welfare.example.org",
            "https://user@welfare.example.org",
        ):
            with self.assertRaisesRegex(UserError, "https://"):
                self.env["welfare.profile"].freeze_base_url(url)
        self.assertEqual(params.get_param("web.base.url"), before)
        self.assertFalse(params.get_param("web.base.url.freeze"))
