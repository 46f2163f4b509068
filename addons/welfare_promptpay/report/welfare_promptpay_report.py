from odoo import api, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class ReportArrearsNotice(models.AbstractModel):
    _name = "report.welfare_promptpay.report_arrears_notice"
    _description = "Arrears Notice with PromptPay QR"

    @api.model
    def _get_report_values(self, docids, data=None):
        members = self.env["welfare.member"].browse(docids)
        today = welfare_today(self)
        return {
            "doc_ids": docids,
            "doc_model": "welfare.member",
            "docs": members,
            "today": today,
            "infos": members._promptpay_payment_info(today),
        }
