import datetime

from odoo.tests import tagged

from odoo.addons.welfare_portal.tests.common import PortalCase


@tagged("post_install", "-at_install")
class TestPortalPromptpay(PortalCase):
    """A member pays the amount due from the portal by PromptPay."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.fund.company_id
        company.partner_id.write(
            {"city": "Roi Et", "country_id": cls.env.ref("base.th").id}
        )
        cls.fund.contribution_scheme_id.write({"amount": 30.0, "period": "month"})
        cls.fund.promptpay_account_id = cls.env["res.partner.bank"].create(
            {
                "acc_number": "020-1-23456-7",
                "partner_id": company.partner_id.id,
                "proxy_type": "mobile",
                "proxy_value": "0812345678",
            }
        )
        # three months behind: this month and the two before
        cls.debtor = cls._member(
            first_name="มาลี",
            paid_until=cls.today.replace(day=1) - datetime.timedelta(days=1 + 62),
        )
        cls.debtor_user = cls._portal_user(cls.debtor, "por_debtor")

    def test_member_sees_the_qr_pays_and_sees_the_receipt(self):
        info = self.debtor._promptpay_payment_info()[self.debtor.id]
        self.assertEqual(info["amount"], 90.0)
        self.start_tour(
            "/my/welfare", "welfare_portal_promptpay_qr", login="por_debtor"
        )
        # the money arrives on the fund's bank statement with the reference
        line = (
            self.env["account.bank.statement.line"]
            .with_company(self.fund.company_id)
            .create(
                {
                    "journal_id": self.fund._welfare_journal("bank").id,
                    "date": self.today,
                    "amount": info["amount"],
                    "payment_ref": f"PromptPay {info['reference_display']}",
                }
            )
        )
        payment = line.welfare_transfer_ids.contribution_id
        self.assertEqual(payment.state, "confirmed")
        self.assertEqual(self.debtor._portal_amount_due(), 0.0)
        self.start_tour(
            "/my/welfare", "welfare_portal_promptpay_paid", login="por_debtor"
        )

    def test_member_with_nothing_due_sees_no_code(self):
        self.assertEqual(self.member_a._portal_amount_due(), 0.0)
        self.assertIsNone(self.member_a._portal_promptpay_info(0.0))
        self.assertTrue(self.debtor._portal_promptpay_info(90.0)["qr"])

    def test_fund_without_promptpay_shows_no_code(self):
        self.assertIsNone(self.member_c._portal_promptpay_info(90.0))
