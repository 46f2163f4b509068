{
    "name": "Community Welfare Funds: National Roll-up",
    "summary": "Gather the fund snapshots of many province databases (JSON-RPC "
    "or signed files) into national and regional tables and dashboards",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_base", "mail", "report_xlsx"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "wizards/welfare_rollup_import_views.xml",
        "views/welfare_rollup_source_views.xml",
        "views/welfare_rollup_snapshot_views.xml",
        "views/welfare_rollup_summary_views.xml",
        "report/welfare_rollup_reports.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/welfare_rollup_demo.xml",
    ],
    "installable": True,
}
