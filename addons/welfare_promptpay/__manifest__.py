{
    "name": "Community Welfare Funds: PromptPay",
    "summary": "PromptPay QR codes on arrears notices and collection lists, "
    "payments matched to members by their reference from bank lines and slips",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_accounting", "l10n_th", "account_qr_code_emv"],
    "data": [
        "security/welfare_promptpay_security.xml",
        "security/ir.model.access.csv",
        "views/welfare_fund_views.xml",
        "views/welfare_promptpay_transfer_views.xml",
        "wizards/welfare_promptpay_slip_wizard_views.xml",
        "report/welfare_promptpay_report.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/welfare_promptpay_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
