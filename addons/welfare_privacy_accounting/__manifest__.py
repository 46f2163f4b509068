{
    "name": "Community Welfare Funds: Personal Data and the Ledger",
    "summary": "Erasing a former member's personal data leaves the fund's ledger "
    "and statements as they were",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_privacy", "welfare_accounting"],
    "data": [],
    "auto_install": True,
    "installable": True,
}
