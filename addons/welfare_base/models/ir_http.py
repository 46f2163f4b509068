from odoo import models
from odoo.http import request

NETWORK_GROUP = "welfare_base.group_welfare_network"


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Open the web client of province-wide users on all their funds.

        Odoo's web client starts with the companies of its ``cids`` cookie, or
        with the user's current company alone when there is none (the cookie is
        dropped at logout). Network reviewers and administrators work across
        the funds of their provinces, each fund its own company: left alone,
        every list, pivot, dashboard and counter would show one fund until they
        ticked each of up to 200 companies in the switcher. They start instead
        with every company they are allowed in, the current one first, exactly
        as if they had ticked them; the switcher still narrows the view, and
        what the records rules let them see is unchanged. Fund staff keep
        Odoo's default.
        """
        info = super().session_info()
        user = self.env.user
        if (
            request
            and request.session.uid
            and not request.cookies.get("cids")
            and len(user.company_ids) > 1
            and user.has_group(NETWORK_GROUP)
        ):
            current = user.company_id
            companies = current | user.company_ids.sorted(lambda c: (c.sequence, c.id))
            request.future_response.set_cookie(
                "cids", "-".join(str(cid) for cid in companies.ids), max_age=365 * 86400
            )
        return info
