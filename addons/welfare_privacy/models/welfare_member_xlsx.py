from odoo import models


class MemberRegistryXlsx(models.AbstractModel):
    _inherit = "report.welfare_membership.member_registry_xlsx"

    def _full_id_companies(self):
        """Full IDs only for the funds the user serves as staff."""
        full = super()._full_id_companies()
        if full is None or not full:
            return full
        return full & set(self.env.user._welfare_staff_companies().ids)

    def _display_rows(self, members):
        full = self._full_id_companies()
        shown = (
            members
            if full is None
            else members.filtered(lambda m: m.company_id.id in full)
        )
        if not self.env.su:
            self.env["welfare.access.log"]._log(
                "national_id",
                [(m.id, m.company_id.id, None, None, None) for m in shown],
                channel="report",
                source=self._name,
            )
        return super()._display_rows(members)
