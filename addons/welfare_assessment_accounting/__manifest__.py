{
    "name": "Community Welfare Funds: Review and Grades from the Ledger",
    "summary": "Indicators of the review computed from the fund's ledger: the "
    "three legs of money, administrative costs, reserve, last posting",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_assessment", "welfare_accounting"],
    "auto_install": True,
}
