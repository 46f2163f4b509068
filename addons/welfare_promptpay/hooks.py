from odoo.addons.welfare_base.models.welfare_date import welfare_today


def post_init_hook(env):
    """Demo: two PromptPay transfers on the demo fund's bank statement, one
    carrying a member's reference (matched), one without (left for the officer)."""
    bank = env.ref(
        "welfare_promptpay.res_partner_bank_rop_mueang_promptpay_demo",
        raise_if_not_found=False,
    )
    member = env.ref(
        "welfare_membership.welfare_member_rop_mueang_02_demo",
        raise_if_not_found=False,
    )
    if not bank or not member or not member.fund_id.books_ready:
        return
    fund = member.fund_id
    today = welfare_today(fund)
    info = member._promptpay_payment_info(today)[member.id]
    journal = fund._welfare_journal("bank")
    # the fund's accountant enters the bank statement: the matched payment's
    # receipt names them as the person who recorded the money
    accountant = env.ref(
        "welfare_accounting.welfare_user_accountant_demo", raise_if_not_found=False
    )
    Lines = env["account.bank.statement.line"].with_company(fund.company_id)
    if accountant and fund.company_id in accountant.company_ids:
        Lines = Lines.with_user(accountant)
    Lines.create(
        [
            {
                "journal_id": journal.id,
                "date": today,
                "amount": info["amount"] or 30.0,
                "payment_ref": f"โอนพร้อมเพย์ {info['reference_display']}",
                "partner_name": member.name,
            },
            {
                "journal_id": journal.id,
                "date": today,
                "amount": 90.0,
                "payment_ref": "โอนเงินพร้อมเพย์ ไม่ระบุเลขอ้างอิง",
                "partner_name": "นางบุญมี ไม่ทราบ",
            },
        ]
    )
