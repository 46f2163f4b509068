{
    "name": "Community Welfare Funds: Review and Grades",
    "summary": "Review and grade community welfare funds (A/B/C/D) with "
    "weighted criteria scored from the funds' data, for one fund or a whole "
    "province at once",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_base", "welfare_membership", "mail", "report_xlsx"],
    "data": [
        "security/welfare_assessment_security.xml",
        "security/ir.model.access.csv",
        "data/welfare_assessment_template_data.xml",
        "data/ir_cron_data.xml",
        "views/welfare_assessment_template_views.xml",
        "views/welfare_assessment_views.xml",
        "views/welfare_assessment_batch_views.xml",
        "views/welfare_assessment_report_views.xml",
        "views/welfare_fund_views.xml",
        "wizards/welfare_assessment_reopen_views.xml",
        "report/welfare_assessment_reports.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/welfare_assessment_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "welfare_assessment/static/tests/tours/*.js",
        ],
    },
}
