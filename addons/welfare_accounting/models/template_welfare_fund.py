from odoo import models

from odoo.addons.account.models.chart_template import template

TEMPLATE_CODE = "welfare_fund"


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    @template(TEMPLATE_CODE)
    def _get_welfare_fund_template_data(self):
        return {
            "name": self.env._("Community Welfare Fund"),
            "country": "th",
            "sequence": 50,
            "code_digits": "6",
            "property_account_receivable_id": "wf_receivable",
            "property_account_payable_id": "wf_payable",
            "property_account_income_categ_id": "wf_income_other",
            "property_account_expense_categ_id": "wf_expense_other",
        }

    @template(TEMPLATE_CODE, "res.company")
    def _get_welfare_fund_res_company(self):
        return {
            self.env.company.id: {
                "account_fiscal_country_id": "base.th",
                "cash_account_code_prefix": "1101",
                "bank_account_code_prefix": "1102",
                "transfer_account_code_prefix": "1109",
                "income_currency_exchange_account_id": "wf_income_other",
                "expense_currency_exchange_account_id": "wf_expense_other",
                # CODI's fiscal year: 1 October - 30 September.
                "fiscalyear_last_month": "9",
                "fiscalyear_last_day": 30,
            },
        }

    @template(TEMPLATE_CODE, "account.journal")
    def _get_welfare_fund_account_journal(self):
        return {
            "cash": {
                "name": self.env._("Cash"),
                "code": "CSH",
                "default_account_id": "wf_cash",
                "sequence": 1,
            },
            "bank": {
                "name": self.env._("Bank"),
                "code": "BNK",
                "default_account_id": "wf_bank",
                "sequence": 2,
            },
            "wf_contribution": {
                "name": self.env._("Member Contributions"),
                "type": "general",
                "code": "CONT",
                "show_on_dashboard": True,
                "restrict_mode_hash_table": True,
                "sequence": 3,
            },
            "wf_benefit": {
                "name": self.env._("Benefits Paid"),
                "type": "general",
                "code": "BEN",
                "show_on_dashboard": True,
                "restrict_mode_hash_table": True,
                "sequence": 4,
            },
            "wf_grant": {
                "name": self.env._("Grants and Donations"),
                "type": "general",
                "code": "GRNT",
                "show_on_dashboard": True,
                "restrict_mode_hash_table": True,
                "sequence": 5,
            },
        }
