from odoo import fields, models

from ..lib.statement import CATEGORIES as CODI_CATEGORIES

# CODI's benefit categories, as on welfare.benefit.type.
BENEFIT_CATEGORIES = [
    ("birth", "Birth"),
    ("sickness", "Sickness"),
    ("hospital", "Hospital Stay"),
    ("elderly", "Elderly"),
    ("death", "Death"),
    ("funeral", "Funeral Costs"),
    ("disadvantaged", "Disadvantaged and Disabled"),
    ("occupation", "Occupation"),
    ("education", "Education"),
    ("tradition", "Tradition and Culture"),
    ("housing", "Housing Repair"),
    ("disaster", "Disaster"),
    ("public_benefit", "Public-benefit Activities"),
    ("environment", "Natural Resources and Environment"),
    ("other", "Other"),
]


class AccountAccount(models.Model):
    _inherit = "account.account"

    welfare_codi_category = fields.Selection(
        selection=CODI_CATEGORIES,
        string="CODI Category",
        index=True,
        help="Line of CODI's receipts and payments statement this account is "
        "summed into.",
    )
    welfare_benefit_category = fields.Selection(
        selection=BENEFIT_CATEGORIES,
        string="Benefit Category",
        help="For benefit accounts: the benefit category whose paid claims are "
        "posted to this account.",
    )
