from odoo import api, models

from ..lib import thai_calendar, thai_format


class WelfareFormat(models.AbstractModel):
    """Thai formats for QWeb documents: ``o.env['welfare.format'].thai_date(d)``."""

    _name = "welfare.format"
    _description = "Thai Document Formats"

    @api.model
    def thai_date(self, date, short=False):
        return thai_calendar.thai_date(date, short=short)

    @api.model
    def baht_text(self, amount):
        return thai_format.baht_text(amount)

    @api.model
    def national_id(self, number):
        return thai_format.format_national_id(number)

    @api.model
    def be_year(self, date):
        return thai_calendar.be_year(date) if date else ""

    @api.model
    def province_name(self, state):
        """The province as Thai documents print it ("ร้อยเอ็ด", not "Roi Et"),
        whatever the language of the user printing them."""
        return state.welfare_name_th or state.name or ""
