from importlib import import_module
from inspect import getmembers

from odoo import api, models

from odoo.addons.account.models.ir_module import (
    templ,
    template_class,
    template_function,
    template_module,
)

CHART_MODULES = ("welfare_accounting",)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.depends("state")
    def _compute_account_templates(self):
        """Make the welfare fund chart selectable like a localisation's.

        Odoo looks for chart templates only in modules of the account-charts
        category; this module lives in the welfare category, so its templates
        are collected here the same way.
        """
        res = super()._compute_account_templates()
        ChartTemplate = self.env["account.chart.template"]
        for module in self.filtered(lambda m: m.name in CHART_MODULES):
            python_module = import_module(f"odoo.addons.{module.name}.models")
            templates = {
                fct._l10n_template[0]: {
                    "name": values.get("name"),
                    "parent": values.get("parent"),
                    "sequence": values.get("sequence", 1),
                    "country": values.get("country", ""),
                    "visible": values.get("visible", True),
                    "installed": module.state == "installed",
                    "module": module.name,
                }
                for _name, mdl in getmembers(python_module, template_module)
                for _name, cls in getmembers(mdl, template_class)
                for _name, fct in getmembers(cls, template_function)
                if (values := fct(ChartTemplate))
            }
            module.account_templates = {
                code: templ(self.env, code, **vals)
                for code, vals in sorted(
                    templates.items(), key=lambda kv: kv[1]["sequence"]
                )
            }
        return res
