{
    "name": "Community Welfare Funds: Network",
    "summary": "Thai community welfare funds (กองทุนสวัสดิการชุมชน): funds, "
    "committees, meetings, zones, regions and Thai geography",
    "version": "18.0.1.0.0",
    "category": "Community Welfare",
    "website": "https://github.com/thai-welfare-funds/welfare-suite",
    "author": "Thai Community Welfare Fund Suite contributors",
    "maintainers": ["thai-welfare-funds"],
    "license": "AGPL-3",
    "development_status": "Beta",
    "application": True,
    "depends": ["base", "mail", "contacts"],
    "data": [
        "security/welfare_base_security.xml",
        "security/ir.model.access.csv",
        "data/welfare_region_data.xml",
        "data/res.country.state.csv",
        "data/welfare.district.csv",
        "data/welfare.subdistrict.csv",
        "views/welfare_fund_views.xml",
        "views/welfare_fund_committee_views.xml",
        "views/welfare_fund_meeting_views.xml",
        "views/welfare_zone_views.xml",
        "views/welfare_region_views.xml",
        "views/welfare_geography_views.xml",
        "views/res_users_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/welfare_base_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "welfare_base/static/src/**/*",
        ],
        "web.assets_unit_tests": [
            "welfare_base/static/tests/**/*.test.js",
        ],
    },
    "installable": True,
}
