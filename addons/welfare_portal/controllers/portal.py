import re

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import content_disposition, request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.welfare_membership.models.welfare_benefit_rule_mixin import (
    HEALTH_CATEGORIES,
)
from odoo.addons.welfare_membership.models.welfare_member_card import (
    CARD_VALID_STATES,
)

RECEIPT_REPORT = "welfare_membership.action_report_contribution_receipt"


class WelfarePortal(CustomerPortal):
    """The member portal: a member's own memberships, on their phone.

    Every record is reached through ``_document_check_access``: the user's
    own access (the portal record rules: their own memberships only) is
    checked before anything is read with the superuser. Anything else -
    another member's record, a deleted one, a draft payment - is answered
    with the same 404, so that nobody learns which records exist.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "welfare_member_count" in counters:
            values["welfare_member_count"] = request.env["welfare.member"].search_count(
                []
            )
        return values

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def _welfare_record(self, model, record_id):
        """The record, sudoed, when the user may read it; else a 404."""
        try:
            return self._document_check_access(model, record_id)
        except (AccessError, MissingError):
            raise NotFound() from None

    def _welfare_member(self, member_id):
        return self._welfare_record("welfare.member", member_id)

    def _welfare_values(self, member_sudo, **values):
        layout = self._prepare_portal_layout_values()
        layout.update(
            member=member_sudo,
            fmt=request.env["welfare.format"],
            labels=self._welfare_labels(),
            page_name="welfare",
        )
        layout.update(values)
        return layout

    @staticmethod
    def _welfare_labels():
        """{what: {value: label}} of the selections the pages show."""
        env = request.env

        def selection(model, field):
            return dict(env[model]._fields[field]._description_selection(env))

        return {
            "member_state": selection("welfare.member", "state"),
            "claim_state": selection("welfare.claim", "state"),
            "request_state": selection("welfare.member.change.request", "state"),
            "request_subject": selection("welfare.member.change.request", "subject"),
            "relationship": selection("welfare.member.beneficiary", "relationship"),
            "payment_method": selection("welfare.contribution", "payment_method"),
            "kind": selection("welfare.contribution", "kind"),
        }

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route(["/my/welfare"], type="http", auth="user", website=True)
    def portal_my_memberships(self, **kw):
        members = request.env["welfare.member"].search([])
        if len(members) == 1:
            return request.redirect(f"/my/welfare/{members.id}")
        # sudo: the user's own members (found through the record rules)
        values = self._welfare_values(members.sudo()[:1], members=members.sudo())
        return request.render("welfare_portal.portal_my_memberships", values)

    @http.route(["/my/welfare/<int:member_id>"], type="http", auth="user", website=True)
    def portal_my_membership(self, member_id, message=None, error=None, **kw):
        member = self._welfare_member(member_id)
        # the member's own confirmed and cancelled payments (the portal rule)
        contributions = (
            request.env["welfare.contribution"]
            .search([("member_id", "=", member.id)], limit=60)
            .sudo()
        )
        claims = (
            request.env["welfare.claim"].search([("member_id", "=", member.id)]).sudo()
        )
        requests = (
            request.env["welfare.member.change.request"]
            .search([("member_id", "=", member.id)], limit=10)
            .sudo()
        )
        values = self._welfare_values(
            member,
            contributions=contributions,
            claims=claims,
            change_requests=requests,
            amount_due=member._portal_amount_due(),
            next_collection=member.fund_id._portal_next_collection_date(),
            dependants=self._welfare_dependants(member),
            message=message,
            error=error,
            card_valid=member.state in CARD_VALID_STATES,
        )
        return request.render("welfare_portal.portal_my_membership", values)

    def _welfare_dependants(self, member_sudo):
        """The member's dependants as rows to show, or None where the
        registry does not keep dependants."""
        if "welfare.member.dependant" not in request.env:
            return None
        Dependant = request.env["welfare.member.dependant"]
        relationships = {}
        if "relationship" in Dependant._fields:
            relationships = dict(
                Dependant._fields["relationship"]._description_selection(request.env)
            )
        # sudo: the dependants of the member's own membership (checked)
        dependants = Dependant.sudo().search([("member_id", "=", member_sudo.id)])
        return [
            {
                "name": dependant.name,
                "relationship": relationships.get(dependant.relationship, "")
                if relationships
                else "",
                "birth_date": dependant.birth_date
                if "birth_date" in Dependant._fields
                else False,
            }
            for dependant in dependants
        ]

    @http.route(
        ["/my/welfare/<int:member_id>/card"], type="http", auth="user", website=True
    )
    def portal_my_card(self, member_id, **kw):
        member = self._welfare_member(member_id)
        if member.state not in CARD_VALID_STATES:
            raise NotFound()
        values = self._welfare_values(
            member, qr_image=member._portal_card_qr(), page_name="welfare_card"
        )
        return request.render("welfare_portal.portal_my_card", values)

    @http.route(
        ["/my/welfare/receipt/<int:contribution_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_receipt(self, contribution_id, download=False, **kw):
        contribution = self._welfare_record("welfare.contribution", contribution_id)
        if contribution.state != "confirmed":
            raise NotFound()
        # sudo: the report is printed for the member's own receipt, checked
        # above; the printing itself reads the fund's records
        report = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(contribution.company_id)
            .with_context(lang=request.env.lang)
        )
        pdf = report._render_qweb_pdf(RECEIPT_REPORT, contribution.ids)[0]
        filename = "receipt_%s.pdf" % re.sub(
            r"\W+", "_", contribution.receipt_number or str(contribution.id)
        )
        headers = [
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(pdf)),
            (
                "Content-Disposition",
                content_disposition(
                    filename, disposition_type="attachment" if download else "inline"
                ),
            ),
            ("Cache-Control", "no-store"),
        ]
        return request.make_response(pdf, headers=headers)

    @http.route(
        ["/my/welfare/claim/<int:claim_id>"], type="http", auth="user", website=True
    )
    def portal_my_claim(self, claim_id, message=None, **kw):
        claim = self._welfare_record("welfare.claim", claim_id)
        values = self._welfare_values(
            claim.member_id,
            claim=claim,
            document_count=len(claim.attachment_ids),
            message=message,
            page_name="welfare_claim",
        )
        return request.render("welfare_portal.portal_my_claim", values)

    # ------------------------------------------------------------------
    # Requests
    # ------------------------------------------------------------------
    @http.route(
        ["/my/welfare/<int:member_id>/claim/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_new_claim(self, member_id, **post):
        member = self._welfare_member(member_id)
        if member.state not in CARD_VALID_STATES:
            raise NotFound()
        error = None
        if request.httprequest.method == "POST":
            files = [
                (f.filename or "document", guess_mimetype(content), content)
                for f in request.httprequest.files.getlist("documents")
                if f.filename
                for content in [f.read()]
            ]
            try:
                with request.env.cr.savepoint():
                    claim = member._portal_file_claim(
                        self._int(post.get("benefit_type_id")),
                        self._date(post.get("event_date")),
                        post.get("description"),
                        files=files,
                        health_details=post.get("health_details"),
                        units=self._float(post.get("units")),
                    )
                return request.redirect(f"/my/welfare/claim/{claim.id}?message=sent")
            except UserError as exc:
                error = exc.args[0]
        values = self._welfare_values(
            member,
            benefits=member._portal_benefits(),
            health_categories=HEALTH_CATEGORIES,
            error=error,
            post=post,
            page_name="welfare_claim_new",
        )
        return request.render("welfare_portal.portal_new_claim", values)

    @http.route(
        ["/my/welfare/<int:member_id>/request"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_change_request(self, member_id, **post):
        member = self._welfare_member(member_id)
        try:
            with request.env.cr.savepoint():
                member._portal_request_change(post.get("subject"), post.get("details"))
        except UserError as exc:
            return self.portal_my_membership(member_id, error=exc.args[0])
        return request.redirect(f"/my/welfare/{member.id}?message=request_sent")

    # ------------------------------------------------------------------
    # Parsing
    # ------------------------------------------------------------------
    @staticmethod
    def _int(value):
        try:
            return int(value)
        except (TypeError, ValueError):
            return 0

    @staticmethod
    def _float(value):
        try:
            return float(value or 0)
        except (TypeError, ValueError):
            return 0.0

    @staticmethod
    def _date(value):
        try:
            return fields.Date.to_date(value) if value else None
        except ValueError:
            return None
