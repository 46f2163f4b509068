from odoo import api, models
from odoo.exceptions import AccessError

#: records whose documents may hold health data (PDPA): fund staff only
HEALTH_DOCUMENT_MODELS = ("welfare.claim",)


class IrAttachment(models.Model):
    """Documents of benefit claims (medical certificates, hospital bills)
    are read only by the fund's officers and committee, like the claims'
    health details: a network reviewer who reads the claim does not get them.
    """

    _inherit = "ir.attachment"

    def _welfare_sees_health_documents(self):
        return self.env.su or self.env.user.has_group(
            "welfare_base.group_welfare_officer"
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # reading, searching and downloading go through here
        if not self._welfare_sees_health_documents():
            domain = [("res_model", "not in", HEALTH_DOCUMENT_MODELS), *domain]
        return super()._search(domain, offset, limit, order)

    def check(self, mode, values=None):
        # creating, changing and deleting go through here
        res = super().check(mode, values)
        if self._welfare_sees_health_documents():
            return res
        res_models = {(values or {}).get("res_model")}
        if self:
            self.flush_model(["res_model"])
            self.env.cr.execute(
                "SELECT DISTINCT res_model FROM ir_attachment WHERE id IN %s",
                (tuple(self.ids),),
            )
            res_models.update(row[0] for row in self.env.cr.fetchall())
        if res_models & set(HEALTH_DOCUMENT_MODELS):
            raise AccessError(
                self.env._(
                    "The documents of benefit claims are kept for the fund's "
                    "officers and committee only."
                )
            )
        return res
