from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class IrAttachment(models.Model):
    """Claim documents follow the fund: an officer who also reviews a province
    finds only the documents of the funds they serve as staff, and once a
    member withdrew the consent to health data, only the committee finds
    them. Opening a document is logged."""

    _name = "ir.attachment"
    _inherit = ["ir.attachment", "welfare.access.logged.mixin"]

    @api.model
    def _welfare_readable_claims_query(self):
        """The claims whose documents the user may read, as a subquery."""
        user = self.env.user
        domain = [("company_id", "in", user._welfare_staff_companies().ids)]
        if not user.has_group("welfare_base.group_welfare_committee"):
            domain.append(("member_id.health_consent_withdrawn", "=", False))
        # sudo: a subquery over the claims the user's staff funds hold; the
        # attachments it filters are the user's own search
        return self.env["welfare.claim"].sudo()._search(domain)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and self.env.user.has_group(
            "welfare_base.group_welfare_officer"
        ):
            domain = expression.AND(
                [
                    domain,
                    [
                        "|",
                        "|",
                        ("res_model", "!=", "welfare.claim"),
                        # uploaded on a claim not saved yet: its uploader's
                        # alone (Odoo's own rule for detached attachments)
                        ("res_id", "=", False),
                        ("res_id", "in", self._welfare_readable_claims_query()),
                    ],
                ]
            )
        return super()._search(domain, offset, limit, order)

    def _welfare_claim_documents(self):
        # sudo: which of these attachments are claim documents, and of whom
        attachments = self.sudo().filtered(lambda a: a.res_model == "welfare.claim")
        claims = (
            self.env["welfare.claim"]
            .sudo()
            .browse(attachments.mapped("res_id"))
            .exists()
        )
        by_id = {claim.id: claim for claim in claims}
        return [
            (attachment, by_id[attachment.res_id])
            for attachment in attachments
            if attachment.res_id in by_id
        ]

    def _welfare_log_documents(self):
        if self.env.su:
            return
        self.env["welfare.access.log"]._log(
            "document",
            [
                (
                    claim.member_id.id,
                    claim.company_id.id,
                    "welfare.claim",
                    claim.id,
                    (attachment.name or "")[:100],
                )
                for attachment, claim in self._welfare_claim_documents()
            ],
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if {"datas", "raw", "db_datas"} & set(fnames):
            self.browse([vals["id"] for vals in result])._welfare_log_documents()
        return result

    def _to_http_stream(self):
        # a download of a claim document is a read of health data
        self._welfare_check_claim_document()
        self._welfare_log_documents()
        return super()._to_http_stream()

    def _welfare_check_claim_document(self):
        if self.env.su or not self._welfare_claim_documents():
            return
        if not self.search_count([("id", "in", self.ids)]) == len(self):
            raise AccessError(
                self.env._(
                    "The documents of benefit claims are kept for the fund's "
                    "officers and committee only."
                )
            )
