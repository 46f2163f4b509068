"""Plain-Python logic of the member registry: no Odoo imports here."""
