import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_membership.lib import thai_id
from odoo.addons.welfare_membership.models.welfare_member import CURRENT_STATES

from ..lib import codes

SECRET_PARAM = "welfare_portal.signup_secret"


class WelfarePortalSignup(models.Model):
    """A member's request for a login, proved by a code sent by SMS.

    Anyone may ask, on a public page, with a national ID, a birth date and a
    phone number. A request is recorded whether or not the details match a
    member, and the page answers the same way: only the holder of the
    member's phone receives a code. The code is kept as a keyed hash, expires
    after a few minutes and allows a few attempts; requests are limited per
    national ID and per address (``welfare.portal.rate.limit``).
    """

    _name = "welfare.portal.signup"
    _description = "Member Portal Sign-up"
    _order = "id desc"

    token_hash = fields.Char(
        required=True,
        index=True,
        readonly=True,
    )
    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        ondelete="cascade",
        index=True,
        readonly=True,
        help="Empty when the details given matched no member.",
    )
    code_hash = fields.Char(
        required=True,
        readonly=True,
    )
    expires_at = fields.Datetime(
        required=True,
        readonly=True,
    )
    attempts = fields.Integer(
        readonly=True,
    )
    state = fields.Selection(
        [
            ("sent", "Code Sent"),
            ("verified", "Code Verified"),
            ("done", "Password Set"),
            ("failed", "Failed"),
        ],
        required=True,
        default="sent",
        readonly=True,
    )
    verified_until = fields.Datetime(
        readonly=True,
    )

    #: minutes a code is valid
    CODE_MINUTES = 10
    #: wrong codes allowed per request
    MAX_ATTEMPTS = 5
    #: minutes to choose a password once the code is verified
    PASSWORD_MINUTES = 15
    #: requests per national ID, and per client address, per hour
    LIMIT_PER_ID = 3
    LIMIT_PER_IP = 10
    LIMIT_WINDOW = 3600
    MIN_PASSWORD = 8

    # ------------------------------------------------------------------
    # Secrets
    # ------------------------------------------------------------------
    @api.model
    def _secret(self):
        # sudo: the key of the codes' hashes is read (and made once) by the
        # server only; never shown
        params = self.env["ir.config_parameter"].sudo()
        secret = params.get_param(SECRET_PARAM)
        if not secret:
            secret = codes.new_token()
            params.set_param(SECRET_PARAM, secret)
        return secret

    @api.model
    def _hash(self, *parts):
        return codes.digest(self._secret(), *parts)

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    @api.model
    def _check_details(self, national_id, birthdate, phone):
        """Refuse malformed details (says nothing of who is registered)."""
        number = thai_id.clean(national_id or "")
        if not thai_id.is_valid(number):
            raise UserError(
                self.env._(
                    "Type the 13 digits of your national ID card; the number "
                    "given is not a valid national ID number."
                )
            )
        if not birthdate:
            raise UserError(self.env._("Give your birth date."))
        phone = codes.normalize_phone(phone)
        if not phone:
            raise UserError(
                self.env._("Give your mobile phone number, 10 digits starting with 0.")
            )
        return number, phone

    @api.model
    def _request_code(self, national_id, birthdate, phone, address):
        """Record a request and send a code when the details match a member.

        Returns the request's token for the next step, or False when too many
        requests were made for this ID or from this address. The caller
        answers the same way whether a member was found or not.
        """
        number, phone = self._check_details(national_id, birthdate, phone)
        allowed = self.env["welfare.portal.rate.limit"]._allow(
            [f"signup-ip:{address or '-'}"], self.LIMIT_PER_IP, self.LIMIT_WINDOW
        ) and self.env["welfare.portal.rate.limit"]._allow(
            [f"signup-id:{self._hash('id', number)}"],
            self.LIMIT_PER_ID,
            self.LIMIT_WINDOW,
        )
        if not allowed:
            return False
        member = self._match_member(number, birthdate, phone)
        token = codes.new_token()
        code = codes.new_code()
        now = fields.Datetime.now()
        # sudo: the request is made by a visitor of a public page; the record
        # is the server's and holds only hashes
        self.sudo().create(
            {
                "token_hash": self._hash("token", token),
                "member_id": member.id,
                "code_hash": self._hash("code", token, code),
                "expires_at": now + datetime.timedelta(minutes=self.CODE_MINUTES),
            }
        )
        if member:
            member._portal_send_sms(
                phone,
                self.env._(
                    "%(code)s is your code for the member portal of %(fund)s. "
                    "It is valid for %(minutes)s minutes. Never give it to anyone.",
                    code=code,
                    fund=member.fund_id.name,
                    minutes=self.CODE_MINUTES,
                ),
            )
        return token

    @api.model
    def _match_member(self, number, birthdate, phone):
        """The member with this ID, birth date and phone, else an empty set."""
        # sudo: the visitor may not read members; the member is used only to
        # send the code to the phone the fund has on file
        members = (
            self.env["welfare.member"]
            .sudo()
            .search(
                [
                    ("national_id", "=", number),
                    ("birthdate", "=", birthdate),
                    ("state", "in", CURRENT_STATES),
                ],
                order="id",
            )
        )
        matching = members.filtered(
            lambda m: (
                phone
                in {codes.normalize_phone(m.phone), codes.normalize_phone(m.mobile)}
            )
        )
        return matching[:1]

    @api.model
    def _find(self, token, state):
        if not token or not isinstance(token, str):
            return self.sudo().browse()
        # sudo: the request is found by its token alone, which only the
        # browser that made it knows
        return self.sudo().search(
            [("token_hash", "=", self._hash("token", token)), ("state", "=", state)],
            limit=1,
        )

    @api.model
    def _verify_code(self, token, code):
        """The request when ``code`` is its code, still valid; else empty.

        Every wrong code counts; after too many, or once expired, the request
        is dead and a new one must be made.
        """
        request = self._find(token, "sent")
        if not request:
            return request
        now = fields.Datetime.now()
        if request.expires_at < now or request.attempts >= self.MAX_ATTEMPTS:
            request.state = "failed"
            return request.browse()
        attempts = request.attempts + 1
        code = "".join(ch for ch in str(code or "") if ch.isdigit())
        if request.member_id and codes.same(
            self._hash("code", token, code), request.code_hash
        ):
            request.write(
                {
                    "attempts": attempts,
                    "state": "verified",
                    "verified_until": now
                    + datetime.timedelta(minutes=self.PASSWORD_MINUTES),
                }
            )
            return request
        request.write(
            {
                "attempts": attempts,
                "state": "failed" if attempts >= self.MAX_ATTEMPTS else "sent",
            }
        )
        return request.browse()

    @api.model
    def _set_password(self, token, password, confirm):
        """Make or reopen the member's login with this password; its login."""
        request = self._find(token, "verified")
        if not request or request.verified_until < fields.Datetime.now():
            raise UserError(
                self.env._(
                    "This request has expired. Ask for a new code to set your password."
                )
            )
        if len(password or "") < self.MIN_PASSWORD:
            raise UserError(
                self.env._(
                    "Choose a password of at least %(count)s characters.",
                    count=self.MIN_PASSWORD,
                )
            )
        if password != confirm:
            raise UserError(self.env._("The two passwords are not the same."))
        user = request.member_id._portal_ensure_user()
        # sudo: the code sent to the member's phone proved who sets it; the
        # password of the member's own portal login only is written
        user.sudo().write({"password": password})
        request.state = "done"
        request.member_id.message_post(
            body=self.env._("The member set their member portal password."),
            message_type="notification",
        )
        return user.login

    @api.autovacuum
    def _gc_requests(self):
        limit = fields.Datetime.now() - datetime.timedelta(days=2)
        self.sudo().search([("create_date", "<", limit)]).unlink()
