from odoo import models


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    def _portal_promptpay_info(self, amount_due):
        """The PromptPay QR code for the member's portal page, or None when
        nothing is due or the fund takes no PromptPay."""
        self.ensure_one()
        if amount_due <= 0 or not self.fund_id.promptpay_account_id:
            return None
        return self._promptpay_payment_info()[self.id]
