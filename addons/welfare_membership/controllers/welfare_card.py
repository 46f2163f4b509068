from odoo import http
from odoo.http import request

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import card_token
from ..lib.benefit_rules import CLAIMING_STATES


class WelfareCardController(http.Controller):
    """Public check of a member card's QR code.

    Shows only what a verifier needs (fund, member number, masked name,
    status, the day of the check). Anything else - a forged, altered, revoked
    or unknown token - gets the same "not valid" page with status 404. No
    session is created or saved, so no cookie is set.
    """

    @http.route(
        "/welfare/card/verify/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        csrf=False,
        sitemap=False,
        save_session=False,
    )
    def verify_card(self, token, **kwargs):
        env = request.env(context=dict(request.env.context, lang=self._page_lang()))
        member = env["welfare.member"]._member_from_card_token(token)
        values = {"valid": bool(member), "page_lang": env.lang.replace("_", "-")}
        if member:
            values.update(
                fund_name=member.fund_id.name,
                member_number=member.member_number,
                masked_name=card_token.mask_name(member.name),
                status=member._state_label(member.state),
                # a suspended member holds a genuine card but no right to benefits:
                # the verifier must not see it as a valid card
                benefits_open=member.state in CLAIMING_STATES,
                checked_on=env["welfare.format"].thai_date(welfare_today(member)),
            )
        html = env["ir.qweb"]._render("welfare_membership.card_verify_document", values)
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Cache-Control", "no-store"),
            ("X-Robots-Tag", "noindex, nofollow"),
            ("Referrer-Policy", "no-referrer"),
        ]
        return request.make_response(
            html, headers=headers, status=200 if member else 404
        )

    @staticmethod
    def _page_lang():
        # sudo: only the codes of the active languages, to pick the page's one
        langs = request.env["res.lang"].sudo()._get_active_by("code")
        return "th_TH" if "th_TH" in langs else request.env.lang
