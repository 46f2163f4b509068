from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request


class WelfarePortalSignup(http.Controller):
    """A member asks for their member portal login with an SMS code.

    Three steps on one public page: the member's details (national ID,
    birth date, phone), the code sent by SMS, the password. The first step
    answers the same way whether the details match a member or not.
    """

    def _render(self, step, **values):
        values.update(step=step, page_name="welfare_signup")
        return request.render("welfare_portal.portal_signup", values)

    @http.route(
        "/welfare/portal/signup",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def signup(self, **kw):
        return self._render("details")

    @http.route(
        "/welfare/portal/signup/code",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def signup_request_code(self, national_id=None, birthdate=None, phone=None, **kw):
        Signup = request.env["welfare.portal.signup"]
        try:
            birth = fields.Date.to_date(birthdate) if birthdate else None
        except ValueError:
            birth = None
        try:
            token = Signup._request_code(
                national_id, birth, phone, request.httprequest.remote_addr
            )
        except UserError as exc:
            return self._render(
                "details",
                error=exc.args[0],
                national_id=national_id,
                birthdate=birthdate,
                phone=phone,
            )
        if not token:
            return self._render(
                "details",
                error=request.env._(
                    "Too many requests. Wait an hour, then try again, or ask the "
                    "fund's office."
                ),
            )
        return self._render("code", token=token)

    @http.route(
        "/welfare/portal/signup/verify",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def signup_verify(self, token=None, code=None, **kw):
        verified = request.env["welfare.portal.signup"]._verify_code(token, code)
        if not verified:
            return self._render(
                "code",
                token=token,
                error=request.env._(
                    "The code is wrong or has expired. Check the SMS, or ask for "
                    "a new code."
                ),
            )
        return self._render("password", token=token)

    @http.route(
        "/welfare/portal/signup/password",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def signup_password(self, token=None, password=None, confirm=None, **kw):
        try:
            with request.env.cr.savepoint():
                login = request.env["welfare.portal.signup"]._set_password(
                    token, password, confirm
                )
        except UserError as exc:
            return self._render("password", token=token, error=exc.args[0])
        return self._render("done", login=login)
