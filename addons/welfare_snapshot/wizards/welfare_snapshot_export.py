import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib.thai_calendar import BE_OFFSET


class WelfareSnapshotExport(models.TransientModel):
    """A signed file of the province's snapshots, for a roll-up without network."""

    _name = "welfare.snapshot.export"
    _description = "Export Fund Snapshots"

    year_from = fields.Integer(
        string="From Fiscal Year (B.E.)",
        help="Leave empty for every year.",
    )
    year_to = fields.Integer(
        string="To Fiscal Year (B.E.)",
        help="Leave empty for every year.",
    )
    public_key = fields.Char(
        string="Public Key of this Database",
        compute="_compute_public_key",
        help="Register this key for the province in the roll-up database: it "
        "checks that a file comes from here and was not altered.",
    )
    file = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.depends_context("uid")
    def _compute_public_key(self):
        key = self.env["welfare.fund.snapshot"]._public_key()
        for wizard in self:
            wizard.public_key = key

    def action_export(self):
        self.ensure_one()
        if not self.env.user.has_group("welfare_base.group_welfare_manager"):
            raise UserError(_("Only administrators export the fund snapshots."))
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise UserError(_("The first fiscal year comes after the last one."))
        Snapshot = self.env["welfare.fund.snapshot"]
        years = None
        if self.year_from or self.year_to:
            known = Snapshot.search([]).mapped("fiscal_year")
            low = (
                (self.year_from - BE_OFFSET)
                if self.year_from
                else min(known, default=0)
            )
            high = (self.year_to - BE_OFFSET) if self.year_to else max(known, default=0)
            years = list(range(low, high + 1)) or [0]
        content = Snapshot._export_file(years)
        self.write(
            {
                "file": base64.b64encode(content),
                "file_name": f"snapshots-{self.env.cr.dbname}.json",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
