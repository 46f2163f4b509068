{
    "name": "Community Welfare Funds: Member Portal",
    "summary": "Members follow their membership on their phone: status, "
    "contributions and receipts, claims, beneficiaries, member card, and "
    "file claim requests; logins given by the office or by SMS code",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_membership", "portal", "sms"],
    "data": [
        "security/welfare_portal_security.xml",
        "security/ir.model.access.csv",
        "views/welfare_member_views.xml",
        "views/welfare_fund_views.xml",
        "views/welfare_member_change_request_views.xml",
        "views/welfare_portal_templates.xml",
        "views/welfare_portal_signup_templates.xml",
    ],
    "demo": [
        "demo/welfare_portal_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "welfare_portal/static/src/scss/welfare_portal.scss",
        ],
        "web.assets_tests": [
            "welfare_portal/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
