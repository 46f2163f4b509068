"""The entry point of the demo data (demo/*.xml calls it): nothing in the
business models creates demo records."""

import json

from odoo import api, fields, models
from odoo.tools import file_open


class WelfareRollupDemo(models.AbstractModel):
    _name = "welfare.rollup.demo"
    _description = "National Roll-up Demo Data"

    @api.model
    def _load_rows(self, source_ids, path):
        """A province's figures of two years, as received from it."""
        source = self.env["welfare.rollup.source"].browse(source_ids)
        with file_open(path, "rb") as demo_file:
            rows = json.load(demo_file)["rows"]
        source._apply_rows(rows, source.transport)
        now = fields.Datetime.now()
        source._workflow_write(
            {
                "status": "ok",
                "last_attempt": now,
                "last_success": now,
                "last_rows_received": len(rows),
                "last_rows_changed": len(rows),
            }
        )
