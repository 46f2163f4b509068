{
    "name": "Community Welfare Funds: Reminders",
    "summary": "Reminders before grace, suspension and collection days by "
    "e-mail, SMS and LINE, sent in batches, once",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_membership", "mail", "sms"],
    "data": [
        "security/welfare_reminder_security.xml",
        "security/ir.model.access.csv",
        "data/welfare_reminder_templates.xml",
        "data/welfare_reminder_cron.xml",
        "views/welfare_fund_views.xml",
        "views/welfare_member_views.xml",
        "views/welfare_reminder_log_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/welfare_reminder_demo.xml",
    ],
    "installable": True,
}
