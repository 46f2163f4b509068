import base64
import io
import re

import qrcode

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib.member_states import CURRENT_STATES
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import card_token

SECRET_PARAM = "welfare_membership.card_secret"
VERIFY_PATH = "/welfare/card/verify/"
# Members whose card a verifier may see (the current members); any other
# state revokes the card.
CARD_VALID_STATES = CURRENT_STATES
LEADING_VOWELS = "เแโใไ"
_TOKEN_IN_TEXT = re.compile(re.escape(VERIFY_PATH) + r"([A-Za-z0-9_-]+)")


class WelfareMember(models.Model):
    """Member cards: a signed QR code anyone can check on a public page."""

    _inherit = "welfare.member"

    card_version = fields.Integer(
        default=1,
        copy=False,
        readonly=True,
        tracking=True,
        help="Reissuing the card raises the version and revokes older cards.",
    )
    card_issue_date = fields.Date(
        string="Card Issued On",
        copy=False,
        readonly=True,
        tracking=True,
    )
    card_url = fields.Char(
        string="Card Verification Link",
        compute="_compute_card_url",
        groups="welfare_base.group_welfare_officer",
    )
    card_qr = fields.Binary(
        string="Card QR Code",
        attachment=True,
        copy=False,
        readonly=True,
        groups="welfare_base.group_welfare_officer",
    )
    card_qr_url = fields.Char(
        string="QR Code Link",
        copy=False,
        readonly=True,
        groups="welfare_base.group_welfare_officer",
        help="The link the stored QR code holds; the image is made again only "
        "when the link changes.",
    )

    # ------------------------------------------------------------------
    # Token
    # ------------------------------------------------------------------
    @api.model
    def _card_secret(self):
        """The database's card secret, made on first use if missing."""
        # sudo: the secret is read (and made once) by the server only; it is
        # never sent to a browser nor shown to any user
        params = self.env["ir.config_parameter"].sudo()
        secret = params.get_param(SECRET_PARAM)
        if not secret:
            secret = card_token.new_secret()
            params.set_param(SECRET_PARAM, secret)
        return secret

    @api.model
    def _init_card_secret(self):
        """Called at install: each database gets its own secret."""
        self._card_secret()

    def _card_token(self):
        self.ensure_one()
        return card_token.sign(self._card_secret(), self.id, self.card_version)

    @api.model
    def _card_base_url(self):
        # sudo: the public address of the server, no secret
        return self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")

    @api.depends("card_version")
    def _compute_card_url(self):
        base_url = self._card_base_url()
        secret = self._card_secret()
        for member in self:
            if not member.id:
                member.card_url = False
                continue
            token = card_token.sign(secret, member.id, member.card_version)
            member.card_url = f"{base_url}{VERIFY_PATH}{token}"

    @api.model
    def _member_from_card_token(self, token):
        """The member a genuine, current card token names, else an empty set.

        Cards of members no longer in the fund, and cards replaced by a newer
        one, are refused like forged ones.
        """
        parsed = card_token.verify(self._card_secret(), token)
        member_id, version = parsed or (0, -1)
        # sudo: a public visitor may not read members; the member is returned
        # only for a genuine, current card (checked below), and the page shows
        # only the few fields a verifier needs. One query whatever the token
        # (forged, unknown member, revoked card), so the time taken does not
        # tell whether a member exists.
        member = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch([("id", "=", member_id)], ["card_version", "state"], limit=1)
        )
        if (
            not parsed
            or not member
            or member.card_version != version
            or member.state not in CARD_VALID_STATES
        ):
            return self.browse()
        return member

    @api.model
    def _find_by_card_code(self, code, fund):
        match = _TOKEN_IN_TEXT.search(code or "")
        token = match.group(1) if match else (code or "").strip()
        member = self._member_from_card_token(token)
        if member and member.fund_id == fund:
            return self.browse(member.id)
        return super()._find_by_card_code(code, fund)

    # ------------------------------------------------------------------
    # QR image, cached per member and card version
    # ------------------------------------------------------------------
    @api.model
    def _make_qr_png(self, text):
        # A fixed mask pattern: qrcode otherwise encodes the code eight times
        # to pick the "best" mask, which is most of its time; any mask scans.
        code = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            box_size=8,
            border=2,
            mask_pattern=0,
        )
        code.add_data(text)
        code.make(fit=True)
        image = code.make_image()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue())

    def _card_qr_data_uris(self):
        """{member id: QR image data URI}; images are made only when missing
        or when the card's link changed (new version, new address).

        The web client downloads reports through a read-only route: there the
        missing images are made for this print only, instead of failing on the
        write (an error, then the whole request again on a read/write cursor).
        """
        # sudo: the caller prints cards of members it has read (the report
        # checked it); only the cached QR image and its link are written
        members = self.sudo()
        stale = members.filtered(lambda m: m.card_qr_url != m.card_url or not m.card_qr)
        images = {member.id: member.card_qr for member in members - stale}
        for member in stale:
            images[member.id] = self._make_qr_png(member.card_url)
            if not self.env.cr.readonly:
                member.write(
                    {"card_qr": images[member.id], "card_qr_url": member.card_url}
                )
        return {
            member.id: "data:image/png;base64," + images[member.id].decode()
            for member in members
        }

    def _card_initial(self):
        """The letter shown on a card without a photo: the first consonant of
        the first name (Thai leading vowels such as เ or ไ are skipped)."""
        self.ensure_one()
        name = (self.first_name or self.name or "?").strip()
        return name.lstrip(LEADING_VOWELS)[:1] or name[:1]

    @api.model
    def _get_workflow_fields(self):
        # a card is revoked by raising its version: never written back
        return super()._get_workflow_fields() | {"card_version", "card_issue_date"}

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_reissue_card(self):
        """Issue new cards: the old cards' QR codes stop being valid."""
        not_members = self.filtered(lambda m: m.state not in CARD_VALID_STATES)
        if not_members:
            raise UserError(
                self.env._(
                    "Only members of the fund get a card: %(members)s.",
                    members=", ".join(not_members.mapped("display_name")),
                )
            )
        today = welfare_today(self)
        for member in self:
            member._workflow_write(
                {"card_version": member.card_version + 1, "card_issue_date": today}
            )
        self._message_log_batch(
            bodies=dict.fromkeys(
                self.ids,
                self.env._("New member card issued; earlier cards are revoked."),
            )
        )
        return True

    def action_print_card(self):
        members = self.filtered(lambda m: m.state in CARD_VALID_STATES)
        if not members:
            raise UserError(self.env._("Only members of the fund get a card."))
        members.filtered(lambda m: not m.card_issue_date)._workflow_write(
            {"card_issue_date": welfare_today(self)}
        )
        return self.env.ref(
            "welfare_membership.action_report_member_card_single"
        ).report_action(members)
