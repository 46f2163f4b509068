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
    def default_get(self, fields_list):
        """Propose the fund of the user's current company.

        Not as a field default: models that derive their fund from another
        record (a contribution from its member) compute it, and a default
        would override that computation.
        """
        defaults = super().default_get(fields_list)
        if (
            "fund_id" in fields_list
            and not defaults.get("fund_id")
            and not self._fields["fund_id"].compute
        ):
            fund = self._default_fund_id()
            if fund:
                defaults["fund_id"] = fund.id
        return defaults

    @api.model
    def _default_fund_id(self):
        """The fund named in the context, else the current company's fund."""
        if self.env.context.get("default_fund_id"):
            return self.env["welfare.fund"].browse(self.env.context["default_fund_id"])
        return self.env["welfare.fund"]._get_current_fund()
