{
    "name": "Community Welfare Funds: Fund Snapshots with the Ledger",
    "summary": "Grants by leg (CODI, local government, other) in the fund "
    "snapshots, when the province keeps its books in the suite",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_snapshot", "welfare_accounting"],
    "auto_install": True,
    "installable": True,
}
