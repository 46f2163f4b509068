from odoo import api, models
from odoo.tools.misc import get_flag

from .template_welfare_fund import TEMPLATE_CODE


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.depends("state")
    def _compute_account_templates(self):
        """List the welfare fund chart among the charts of accounts.

        Odoo lists the templates of the modules of the *Account Charts*
        category only; this module lives in the welfare category, so it lists
        its one template itself, described by the template's own data
        (``_get_welfare_fund_template_data``, see template_welfare_fund.py) as
        Odoo describes a chart: flag, country and name.
        """
        res = super()._compute_account_templates()
        modules = self.filtered(lambda m: m.name == "welfare_accounting")
        if not modules:
            return res
        data = self.env["account.chart.template"]._get_welfare_fund_template_data()
        country = self.env.ref(f"base.{data['country']}", raise_if_not_found=False)
        name = data["name"]
        if country:
            name = f"{get_flag(country.code)} {country.name} - {name}"
        for module in modules:
            module.account_templates = {
                TEMPLATE_CODE: {
                    "name": name,
                    "country_id": country.id if country else False,
                    "country_code": country.code if country else False,
                    "parent": data.get("parent"),
                    "sequence": data.get("sequence", 1),
                    "visible": data.get("visible", True),
                    "installed": module.state == "installed",
                    "module": module.name,
                }
            }
        return res
