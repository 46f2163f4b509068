import base64
import datetime

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from .lib import statement as statement_lib

# A bank slip of the demo deposit (a one-page PDF saying what it is).
DEMO_SLIP = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def post_init_hook(env):
    """Set up the books of every fund that exists when the module is installed."""
    funds = env["welfare.fund"].with_context(active_test=False).search([])
    funds._setup_books()
    funds._welfare_post_existing()
    _demo_cash_day(env)
    _demo_matching_request(env)


def _demo_cash_day(env):
    """Demo: a collection day of ตำบลรอบเมือง, its cash handed over by the
    officer to the committee member (both confirm) and deposited in the bank
    with the slip."""
    fund = env.ref("welfare_base.welfare_fund_rop_mueang_demo", False)
    officer = env.ref("welfare_base.welfare_user_officer_demo", False)
    treasurer = env.ref("welfare_base.welfare_user_committee_demo", False)
    if not (fund and officer and treasurer and fund.books_ready):
        return
    today = welfare_today(env["welfare.fund"])
    day = today - datetime.timedelta(days=2)
    members = env["welfare.member"].search(
        [("fund_id", "=", fund.id), ("state", "in", ("active", "grace"))],
        order="member_number",
        limit=6,
    )
    if not members:
        return
    collection = (
        env["welfare.collection"]
        .with_company(fund.company_id)
        .create(
            {
                "fund_id": fund.id,
                "date": day,
                "collector_id": officer.id,
                "village_no": "3",
            }
        )
    )
    scheme = fund.contribution_scheme_id
    amount = scheme.amount * 30 if scheme.period == "day" else scheme.amount
    env["welfare.contribution"].with_company(fund.company_id).create(
        [
            {
                "member_id": member.id,
                "collection_id": collection.id,
                "date": day,
                "amount": amount,
                "payment_method": "cash",
                "collector_id": officer.id,
            }
            for member in members
        ]
    )
    collection.action_close()
    handover = (
        env["welfare.cash.handover"]
        .with_user(officer)
        .create(
            {
                "fund_id": fund.id,
                "collection_id": collection.id,
                "date": day,
                "amount": collection._cash_not_handed_over(),
                "giver_id": officer.id,
                "receiver_id": treasurer.id,
                "note": "ส่งมอบเงินสดจากวันเก็บเงินหมู่ 3 ให้เหรัญญิก",
            }
        )
    )
    handover.with_user(officer).action_confirm_give()
    handover.with_user(treasurer).action_confirm_receive()
    deposit = (
        env["welfare.bank.deposit"]
        .with_user(treasurer)
        .create(
            {
                "fund_id": fund.id,
                "date": today - datetime.timedelta(days=1),
                "amount": handover.amount,
                "depositor_id": treasurer.id,
                "handover_ids": [(6, 0, handover.ids)],
                "bank_reference": "ธ.ก.ส. สาขาเมืองร้อยเอ็ด เลขที่ 0012345",
                "bank_slip": base64.b64encode(DEMO_SLIP),
                "bank_slip_name": "สลิปฝากเงิน.pdf",
            }
        )
    )
    deposit.with_user(treasurer).action_post()


def _demo_matching_request(env):
    """Demo: the CODI matching request of ตำบลรอบเมือง for the year just ended."""
    fund = env.ref("welfare_base.welfare_fund_rop_mueang_demo", False)
    if not (fund and fund.books_ready):
        return
    year = statement_lib.report_fiscal_year(welfare_today(env["welfare.fund"]))
    request = (
        env["welfare.matching.request"]
        .with_company(fund.company_id)
        .create(
            {
                "fund_id": fund.id,
                "fiscal_year": year,
                "note": "คำขอสมทบปีงบประมาณ %s" % (year + thai_calendar.BE_OFFSET),
            }
        )
    )
    request.action_compute_lines()
