from odoo import api, models
from odoo.exceptions import ValidationError

#: fields of a claim that may hold health data (PDPA section 26)
HEALTH_FIELDS = ("health_details", "description", "attachment_ids")
#: fields that tell the health of the member on a claim for sickness, a
#: hospital stay or a disability only: what happened, the nights or visits
#: and the explanation of the amount that names them
HEALTH_CLAIM_FIELDS = ("description", "units", "eligibility_notes")
#: what a purge of health data empties on a claim: the amounts, the state and
#: the ledger entries stay
PURGED_FIELDS = ("health_details", "description")
PURGED_HEALTH_CLAIM_FIELDS = ("units", "eligibility_notes")


class WelfareClaim(models.Model):
    _name = "welfare.claim"
    _inherit = ["welfare.claim", "welfare.access.logged.mixin"]

    @api.constrains("health_details", "member_id", "description", "attachment_ids")
    def _check_health_consent(self):
        """Health details, and the description and documents of a claim for
        sickness, a hospital stay or a disadvantage, need the member's
        consent to health data: without it they cannot be entered."""
        res = super()._check_health_consent()
        # sudo: only whether these fields are filled is read
        for claim, sudo_claim in zip(self, self.sudo(), strict=True):
            if not claim.is_health:
                continue
            if (
                sudo_claim.description or sudo_claim.attachment_ids
            ) and not claim.member_id._welfare_has_consent("health"):
                raise ValidationError(
                    self.env._(
                        "%(member)s has not consented to the fund keeping health "
                        "data: the description and documents of a claim for "
                        "%(benefit)s are health data. Record the consent on the "
                        "member's form first.",
                        member=claim.member_id.display_name,
                        benefit=claim.benefit_type_id.display_name,
                    )
                )
        return res

    def _welfare_health_readers(self):
        """The claims of ``self`` whose health data the user may read: fund
        staff of the claim's fund, and once the member withdrew the consent,
        its committee only."""
        if self.env.su:
            return self
        members = self.member_id
        staff = members._welfare_staff_members()
        committee = members._welfare_committee_members()
        return self.filtered(
            lambda c: (
                c.member_id in staff
                and (
                    not c.member_id.health_consent_withdrawn or c.member_id in committee
                )
            )
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if self.env.su or not set(HEALTH_FIELDS + HEALTH_CLAIM_FIELDS) & set(fnames):
            return result
        claims = self.browse([vals["id"] for vals in result])
        readable = set(claims._welfare_health_readers().ids)
        logged = []
        for vals in result:
            claim = self.browse(vals["id"])
            if claim.id not in readable:
                for name in HEALTH_FIELDS + HEALTH_CLAIM_FIELDS:
                    if name in vals and (
                        name not in HEALTH_CLAIM_FIELDS or claim.is_health
                    ):
                        vals[name] = [] if name == "attachment_ids" else False
                continue
            if vals.get("health_details"):
                logged.append(
                    (
                        claim.member_id.id,
                        claim.company_id.id,
                        self._name,
                        claim.id,
                        None,
                    )
                )
        self.env["welfare.access.log"]._log("health", logged)
        return result

    def _welfare_purge_health_data(self):
        """Empty the health data of these claims: documents, health details
        and description; on claims for sickness, a hospital stay or a
        disability also the units and the explanation that names them. The
        amounts (requested, eligible, approved), the state and the ledger
        entries stay, so the fund's statements keep their totals."""
        # sudo: the documents of these claims only, removed with their data
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "welfare.claim"), ("res_id", "in", self.ids)]
        ).unlink()
        self.invalidate_recordset(["attachment_ids"])
        claims = self.sudo().with_context(tracking_disable=True)
        claims._workflow_write(dict.fromkeys(PURGED_FIELDS, False))
        health = claims.filtered("is_health")
        if health:
            # the eligible amount was judged on the units: it is kept as judged
            kept = [
                self._fields[name]
                for name in (
                    "amount_eligible",
                    "eligibility_refused",
                    "eligibility_notes",
                )
            ]
            with self.env.protecting(kept, health):
                health._workflow_write(dict.fromkeys(PURGED_HEALTH_CLAIM_FIELDS, False))
