from odoo import models


class WelfareMemberDependant(models.Model):
    """A dependant's national ID follows the member's rule: full for the
    staff of the member's fund, logged; masked for everybody else."""

    _name = "welfare.member.dependant"
    _inherit = ["welfare.member.dependant", "welfare.access.logged.mixin"]

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if self.env.su or "national_id" not in fnames:
            return result
        dependants = self.browse([vals["id"] for vals in result])
        dependants.member_id._welfare_read_national_ids(
            [(self.browse(vals["id"]).member_id, vals) for vals in result],
            res_model=self._name,
        )
        return result
