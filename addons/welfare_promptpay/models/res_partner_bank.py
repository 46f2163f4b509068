from odoo import models


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    def _get_additional_data_field(self, comment):
        """Thai QR codes carry the payment's reference when asked to.

        ``l10n_th`` gives Thai accounts no additional data field (EMV tag 62),
        so the reference of ``include_reference`` would be dropped. The
        reference travels as the EMV "reference label" (sub-field 05 of tag
        62), as Odoo does for Hong Kong's FPS codes.
        """
        result = super()._get_additional_data_field(comment)
        if result is None and self.country_code == "TH" and comment:
            return self._serialize(5, comment)
        return result
