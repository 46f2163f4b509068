{
    "name": "Community Welfare Funds: PromptPay on the Member Portal",
    "summary": "The PromptPay QR code of the amount due on the member's portal page",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "depends": ["welfare_portal", "welfare_promptpay"],
    "auto_install": True,
    "data": [
        "views/welfare_portal_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "welfare_portal_promptpay/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
