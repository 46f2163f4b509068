{
    "name": "Community Welfare Funds: Accounting",
    "summary": "The fund on Odoo's ledger: chart of accounts, postings of "
    "contributions, benefits and grants, CODI matching requests and statements",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_membership", "account", "report_xlsx"],
    "data": [
        "security/welfare_accounting_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/welfare_accounting_data.xml",
        "views/welfare_grant_views.xml",
        "views/welfare_fund_views.xml",
        "views/account_account_views.xml",
        "views/welfare_matching_request_views.xml",
        "views/welfare_statement_wizard_views.xml",
        "views/welfare_claim_views.xml",
        "report/welfare_statement_report.xml",
        "report/welfare_fund_status_report.xml",
        "report/welfare_matching_request_report.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/welfare_grant_demo.xml",
        "demo/welfare_accountant_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "welfare_accounting/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
}
