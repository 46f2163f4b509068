{
    "name": "Community Welfare Funds: Fund Snapshots with Grades",
    "summary": "The year's confirmed grade and score in the fund snapshots, "
    "when the province grades its funds in the suite",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_snapshot", "welfare_assessment"],
    "auto_install": True,
    "installable": True,
}
