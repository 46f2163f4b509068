from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.welfare_accounting.hooks import post_init_hook
from odoo.addons.welfare_accounting.models.welfare_fund_books import WelfareFund

from .common import AccountingCase


@tagged("post_install", "-at_install")
class TestChart(AccountingCase):
    def test_new_fund_gets_the_fund_chart(self):
        fund = self.env["welfare.fund"].create({"name": "กองทุนใหม่", "code": "T-NEW"})
        self.assertTrue(fund.books_ready)
        self.assertEqual(fund.company_id.chart_template, "welfare_fund")
        accounts = self.env["account.account"].search(
            [("company_ids", "in", fund.company_id.ids)]
        )
        categories = set(accounts.mapped("welfare_codi_category"))
        for category in (
            "cash",
            "bank",
            "contribution",
            "entry_fee",
            "codi_seed",
            "codi_matching",
            "local_government",
            "benefit",
            "staff",
        ):
            self.assertIn(category, categories)

    def test_new_fund_gets_the_five_journals(self):
        for kind in ("cash", "bank", "contribution", "benefit", "grant"):
            journal = self.fund._welfare_journal(kind)
            self.assertEqual(journal.company_id, self.company)

    def test_fund_fiscal_year_ends_30_september(self):
        self.assertEqual(self.company.fiscalyear_last_month, "9")
        self.assertEqual(self.company.fiscalyear_last_day, 30)

    def test_every_benefit_category_has_its_account(self):
        for category in ("birth", "death", "hospital", "education", "other"):
            account = self.fund._welfare_account("benefit", category)
            self.assertEqual(account.welfare_benefit_category, category)

    def test_install_sets_up_the_books_of_existing_funds(self):
        with patch.object(WelfareFund, "_setup_books", lambda self: None):
            fund = self.env["welfare.fund"].create(
                {"name": "กองทุนเดิม", "code": "T-OLD"}
            )
        self.assertFalse(fund.books_ready)
        post_init_hook(self.env)
        fund.invalidate_recordset(["books_ready"])
        self.assertTrue(fund.books_ready)

    def test_demo_funds_have_their_books(self):
        fund = self.env.ref("welfare_base.welfare_fund_rop_mueang_demo")
        self.assertTrue(fund.books_ready)

    def test_setup_books_is_reserved_to_administrators(self):
        with self.assertRaises(AccessError):
            self.fund.with_user(self.committee).action_setup_books()

    def test_fund_chart_is_offered_among_the_charts_of_accounts(self):
        charts = dict(self.env["account.chart.template"]._select_chart_template())
        self.assertIn("welfare_fund", charts)
        self.assertIn("Community Welfare Fund", charts["welfare_fund"])
        mapping = self.env["account.chart.template"]._get_chart_template_mapping()
        self.assertEqual(mapping["welfare_fund"]["module"], "welfare_accounting")
        self.assertEqual(
            mapping["welfare_fund"]["country_id"], self.env.ref("base.th").id
        )
