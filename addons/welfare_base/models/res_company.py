from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    welfare_fund_ids = fields.One2many(
        "welfare.fund",
        "company_id",
        string="Welfare Funds",
    )
