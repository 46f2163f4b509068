from odoo import api, fields, models


class WelfareFundOwnedMixin(models.AbstractModel):
    """Records owned by one fund: they carry the fund's company for isolation.

    Every model that inherits it gets ``fund_id`` and a stored ``company_id``
    (the fund's company), which the multi-company record rules of each module
    use, so a user of one fund never reads another fund's records.
    """

    _name = "welfare.fund.owned.mixin"
    _description = "Record owned by a welfare fund"
    _check_company_auto = True

    fund_id = fields.Many2one(
        "welfare.fund",
        string="Fund",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_fund_id(),
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        related="fund_id.company_id",
        store=True,
        index=True,
        precompute=True,
    )

    @api.model
    def _default_fund_id(self):
        if self.env.context.get("default_fund_id"):
            return self.env.context["default_fund_id"]
        return self.env["welfare.fund"]._get_current_fund()
