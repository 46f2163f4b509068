from odoo import api, fields, models


class WelfareDistrict(models.Model):
    """A Thai district (อำเภอ / เขต) with its DOPA code."""

    _name = "welfare.district"
    _description = "District"
    _order = "code"
    _rec_names_search = ["name", "name_en", "code"]

    name = fields.Char(string="Name (Thai)", required=True)
    name_en = fields.Char(string="Name (English)")
    code = fields.Char(string="DOPA Code", required=True, index=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        required=True,
        index=True,
        ondelete="restrict",
    )
    subdistrict_ids = fields.One2many(
        "welfare.subdistrict",
        "district_id",
        string="Sub-districts",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The DOPA code of a district must be unique."),
    ]

    @api.depends("name", "name_en")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for district in self:
            district.display_name = _bilingual_name(self.env, district)


class WelfareSubdistrict(models.Model):
    """A Thai sub-district (ตำบล / แขวง): the area one community fund serves."""

    _name = "welfare.subdistrict"
    _description = "Sub-district"
    _order = "code"
    _rec_names_search = ["name", "name_en", "code", "zip"]

    name = fields.Char(string="Name (Thai)", required=True)
    name_en = fields.Char(string="Name (English)")
    code = fields.Char(string="DOPA Code", required=True, index=True)
    zip = fields.Char(string="Postcode")
    district_id = fields.Many2one(
        "welfare.district",
        string="District",
        required=True,
        index=True,
        ondelete="restrict",
    )
    state_id = fields.Many2one(
        related="district_id.state_id",
        string="Province",
        store=True,
        index=True,
    )

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code)",
            "The DOPA code of a sub-district must be unique.",
        ),
    ]

    @api.depends("name", "name_en", "district_id.name")
    @api.depends_context("lang", "welfare_subdistrict_full_name")
    def _compute_display_name(self):
        for sub in self:
            name = _bilingual_name(self.env, sub)
            if (
                self.env.context.get("welfare_subdistrict_full_name")
                and sub.district_id
            ):
                name = f"{name}, {_bilingual_name(self.env, sub.district_id)}"
            sub.display_name = name


def _bilingual_name(env, record):
    """Thai name for Thai users, English name (when known) for everyone else."""
    if env.lang == "th_TH" or not record.name_en:
        return record.name
    return f"{record.name_en} ({record.name})"
