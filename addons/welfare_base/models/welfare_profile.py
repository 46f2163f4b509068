import re
from urllib.parse import urlsplit

import pytz

from odoo import api, models
from odoo.exceptions import AccessError, UserError

PROVINCE_CODE = re.compile(r"^TH-\d{2}$")


class WelfareProfile(models.AbstractModel):
    """Applies a province deployment profile (config/profiles/*.toml) to a database.

    The profile says which province the database serves, its language and time
    zone. Applying it makes Thai the language of every user and new contact, sets
    the time zone, and turns the main company into the provincial network.
    """

    _name = "welfare.profile"
    _description = "Province Deployment Profile"

    @api.model
    def _check_administrator(self):
        if not (self.env.su or self.env.user._is_system()):
            raise AccessError(
                self.env._("Only administrators may apply a deployment profile.")
            )

    @api.model
    def apply_profile(self, profile):
        self._check_administrator()
        values = self._check_profile(profile)
        # sudo (below): only administrators (checked above) or the province database
        # command get here; the profile's values are checked by _check_profile.
        state = values["state"]
        lang = values["lang"]
        tz = values["timezone"]
        self.env["res.lang"]._activate_lang(lang)
        name = values["name"] or self.with_context(lang=lang).env._(
            "Community Welfare Network of %(province)s",
            province=state.welfare_name_th or state.name,
        )
        defaults = self.env["ir.default"].sudo()
        defaults.set("res.partner", "lang", lang)
        defaults.set("res.partner", "tz", tz)
        users = self.env["res.users"].sudo().with_context(active_test=False).search([])
        users.write({"lang": lang, "tz": tz})
        company = self.env.ref("base.main_company").sudo()
        company_vals = {
            "name": name,
            "country_id": self.env.ref("base.th").id,
            "state_id": state.id,
        }
        if not self._company_has_entries(company):
            company_vals["currency_id"] = self.env.ref("base.THB").id
        company.write(company_vals)
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("welfare.province_code", state.code)
        params.set_param("welfare.profile_name", name)
        return {"company_id": company.id, "state_id": state.id, "lang": lang, "tz": tz}

    @api.model
    def freeze_base_url(self, url):
        """Make ``url`` the database's public address for good.

        Odoo moves web.base.url to whatever address an administrator logs in
        from, unless web.base.url.freeze is set: the member cards' QR codes and
        the links of e-mails must keep the public HTTPS address.
        """
        self._check_administrator()
        url = (url or "").strip().rstrip("/")
        parts = urlsplit(url)
        if (
            parts.scheme != "https"
            or not parts.hostname
            or parts.path
            or parts.query
            or parts.fragment
            or parts.username
        ):
            raise UserError(
                self.env._(
                    "The public address %(url)r must be the server's https:// "
                    "address without a path, e.g. https://welfare.example.org.",
                    url=url,
                )
            )
        # sudo: administrators only (checked above); the address is checked.
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("web.base.url", url)
        params.set_param("web.base.url.freeze", "True")
        return url

    @api.model
    def _company_has_entries(self, company):
        """Whether the company keeps books already: its currency is then fixed."""
        if "account.move.line" not in self.env:
            return False
        return bool(
            self.env["account.move.line"]
            .sudo()
            .search_count([("company_id", "=", company.id)], limit=1)
        )

    @api.model
    def _check_profile(self, profile):
        code = (profile.get("province_code") or "").strip()
        if not PROVINCE_CODE.match(code):
            raise UserError(
                self.env._(
                    "The profile's province code %(code)r is not of the form TH-NN.",
                    code=code,
                )
            )
        state = self.env["res.country.state"].search(
            [("country_id.code", "=", "TH"), ("code", "=", code)], limit=1
        )
        if not state:
            raise UserError(
                self.env._("No Thai province has the code %(code)s.", code=code)
            )
        lang = profile.get("lang") or "th_TH"
        if (
            not self.env["res.lang"]
            .with_context(active_test=False)
            .search([("code", "=", lang)])
        ):
            raise UserError(self.env._("Unknown language %(lang)s.", lang=lang))
        tz = profile.get("timezone") or "Asia/Bangkok"
        if tz not in pytz.all_timezones_set:
            raise UserError(self.env._("Unknown time zone %(tz)s.", tz=tz))
        return {
            "state": state,
            "lang": lang,
            "timezone": tz,
            "name": profile.get("name"),
        }
