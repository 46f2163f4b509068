import datetime

from odoo.addons.welfare_accounting.lib import statement as s


def test_totals_follow_the_categories():
    st = s.build(
        {"cash": 100.0, "bank": 1000.0},
        {"cash": 150.0, "bank": 1450.0},
        {"contribution": 600.0, "codi_matching": 400.0},
        {"benefit": 450.0, "stationery": 50.0},
    )
    assert st["receipts_total"] == 1000.0
    assert st["payments_total"] == 500.0
    assert st["surplus"] == 500.0
    assert st["opening_total"] == 1100.0
    assert st["closing_total"] == 1600.0
    assert st["difference"] == 0.0


def test_every_category_is_listed_in_codi_order():
    st = s.build({}, {}, {}, {})
    assert list(st["receipts"]) == list(s.RECEIPT_CATEGORIES)
    assert list(st["payments"]) == list(s.PAYMENT_CATEGORIES)
    assert st["receipts"]["donation"] == 0.0


def test_admin_share_over_twenty_percent_warns():
    st = s.build({}, {}, {"contribution": 1000.0}, {"staff": 150.0, "travel": 60.0})
    assert st["admin_share"] == 21.0
    assert st["admin_over_limit"]


def test_admin_share_at_twenty_percent_is_fine():
    st = s.build({}, {}, {"contribution": 1000.0}, {"staff": 200.0, "benefit": 700.0})
    assert st["admin_share"] == 20.0
    assert not st["admin_over_limit"]


def test_admin_share_without_receipts_is_zero():
    assert s.admin_share(100.0, 0.0) == 0.0


def test_difference_shows_movements_outside_receipts_and_payments():
    st = s.build({"cash": 100.0}, {"cash": 40.0, "investment": 60.0}, {}, {})
    assert st["difference"] == 0.0
    st = s.build({"cash": 100.0}, {"cash": 40.0}, {}, {})
    assert st["difference"] == -60.0


def test_year_end_documents_default_to_the_year_just_ended_in_october():
    # October - December: the year that ended on 30 September
    assert s.report_fiscal_year(datetime.date(2026, 10, 1)) == 2026
    assert s.report_fiscal_year(datetime.date(2026, 12, 31)) == 2026
    # from January: the year in progress
    assert s.report_fiscal_year(datetime.date(2027, 1, 1)) == 2027
    assert s.report_fiscal_year(datetime.date(2026, 9, 30)) == 2026


def test_the_chart_categories_are_the_statement_lines_in_order():
    keys = [key for key, _label in s.CATEGORIES]
    assert keys == [
        *s.ASSET_CATEGORIES,
        "fund_balance",
        *s.RECEIPT_CATEGORIES,
        *s.PAYMENT_CATEGORIES,
    ]
    assert set(s.ADMIN_CATEGORIES) < set(s.PAYMENT_CATEGORIES)
    assert {c for leg in s.LEGS.values() for c in leg} < set(s.RECEIPT_CATEGORIES)
