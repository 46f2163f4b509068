import base64
import binascii

from odoo import _, fields, models
from odoo.exceptions import UserError


class WelfareRollupImport(models.TransientModel):
    """Import a province's signed snapshot file (a province without network)."""

    _name = "welfare.rollup.import"
    _description = "Import a Province's Snapshot File"

    source_id = fields.Many2one(
        "welfare.rollup.source",
        string="Province Source",
        required=True,
    )
    file = fields.Binary(required=True, attachment=False)
    file_name = fields.Char()
    changed_count = fields.Integer(string="Rows Changed", readonly=True)
    done = fields.Boolean(readonly=True)

    def action_import(self):
        self.ensure_one()
        try:
            content = base64.b64decode(self.file or b"", validate=True)
        except (ValueError, binascii.Error) as error:
            raise UserError(_("The file could not be read.")) from error
        changed = self.source_id._import_file(content)
        self.write({"changed_count": changed, "done": True})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
