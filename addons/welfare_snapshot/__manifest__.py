{
    "name": "Community Welfare Funds: Fund Snapshots",
    "summary": "Each fund's yearly figures (members, money by leg, benefits, "
    "grade) as plain snapshots a national or regional roll-up reads",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_base", "welfare_membership"],
    "data": [
        "security/welfare_snapshot_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/welfare_fund_snapshot_views.xml",
    ],
    "installable": True,
}
