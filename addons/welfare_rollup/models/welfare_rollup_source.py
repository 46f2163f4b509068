import json
import logging
import time

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib.fund_snapshot import BENEFIT_CATEGORIES

from ..lib import payload
from ..lib.jsonrpc import JsonRpcClient
from .welfare_rollup_snapshot import TRANSPORTS

_logger = logging.getLogger(__name__)

STATUS_FIELDS = (
    "status",
    "last_attempt",
    "last_success",
    "last_error",
    "watermark",
    "last_rows_received",
    "last_rows_changed",
    "last_bytes",
    "last_duration",
)
KNOWN_CATEGORIES = {code for code, _label in BENEFIT_CATEGORIES}


class WelfareRollupSource(models.Model):
    """A province database whose fund snapshots this roll-up gathers.

    Pulled by the scheduled job over Odoo's external API (JSON-RPC) with the
    API key of the province's snapshot-reader user, or fed a signed export
    file when the province has no network. Either way the rows go through
    ``_apply_rows``: checked, compared by hash, written only when changed.
    """

    _name = "welfare.rollup.source"
    _description = "Province Source of the Roll-up"
    _inherit = ["welfare.workflow.guard.mixin", "mail.thread"]
    _order = "region_id, name"
    _workflow_initial = {"status": ("new",)}

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="Province",
        required=True,
        index=True,
        tracking=True,
        domain="[('country_id.code', '=', 'TH')]",
    )
    region_id = fields.Many2one(
        related="state_id.welfare_region_id",
        store=True,
        string="Region",
    )
    transport = fields.Selection(
        selection=TRANSPORTS,
        required=True,
        default="jsonrpc",
        tracking=True,
        help="JSON-RPC: the scheduled job pulls the province's server. Signed "
        "file: the province sends an export file, imported here. This "
        "database: the snapshots of this very database.",
    )
    url = fields.Char(
        string="Server Address",
        tracking=True,
        help="The province's Odoo address, e.g. https://welfare-roiet.example.org",
    )
    database = fields.Char(tracking=True)
    login = fields.Char(
        string="API User",
        tracking=True,
        help="Login of the province's snapshot-reader user.",
    )
    api_key = fields.Char(
        string="API Key",
        groups="welfare_base.group_welfare_manager",
        copy=False,
    )
    public_key = fields.Char(
        string="Public Key for Files",
        tracking=True,
        help="The Ed25519 public key shown by the province's snapshot export: "
        "files are accepted only when signed by its private key.",
    )
    year_from = fields.Integer(
        string="From Fiscal Year",
        help="Oldest CODI fiscal year to gather (C.E.); empty: every year.",
    )
    status = fields.Selection(
        selection=[
            ("new", "Never Received"),
            ("ok", "Up to Date"),
            ("failed", "Failed"),
        ],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    last_attempt = fields.Datetime(readonly=True, copy=False)
    last_success = fields.Datetime(readonly=True, copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    watermark = fields.Char(
        readonly=True,
        copy=False,
        help="The latest write date received: the next pull asks only for "
        "rows changed since then.",
    )
    last_rows_received = fields.Integer(
        string="Rows Received", readonly=True, copy=False
    )
    last_rows_changed = fields.Integer(string="Rows Changed", readonly=True, copy=False)
    last_bytes = fields.Integer(string="Bytes Received", readonly=True, copy=False)
    last_duration = fields.Float(
        string="Duration (s)", readonly=True, copy=False, digits=(16, 2)
    )
    snapshot_ids = fields.One2many(
        "welfare.rollup.snapshot",
        "source_id",
        string="Fund Figures",
    )
    snapshot_count = fields.Integer(
        string="Rows",
        compute="_compute_snapshot_count",
    )

    _sql_constraints = [
        (
            "state_uniq",
            "unique(state_id)",
            "A province is registered once.",
        ),
    ]

    def _compute_snapshot_count(self):
        counts = dict(
            self.env["welfare.rollup.snapshot"]._read_group(
                [("source_id", "in", self.ids)], ["source_id"], ["__count"]
            )
        )
        for source in self:
            source.snapshot_count = counts.get(source, 0)

    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | set(STATUS_FIELDS)

    # ------------------------------------------------------------ actions
    def action_pull(self):
        """Pull now (administrators): the same as the scheduled job."""
        self._check_manager()
        results = self._pull()
        failed = [source.name for source, ok in results if not ok]
        if failed:
            message = _(
                "Failed: %(names)s. See each province's error.", names=", ".join(failed)
            )
        else:
            message = _("Every province pulled.")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if failed else "success",
                "sticky": bool(failed),
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }

    def action_view_snapshots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_rollup.welfare_rollup_snapshot_action"
        )
        action["domain"] = [("source_id", "=", self.id)]
        action["context"] = {}
        return action

    def _check_manager(self):
        if not self.env.user.has_group("welfare_base.group_welfare_manager"):
            raise UserError(_("Only administrators gather the provinces' figures."))

    # ------------------------------------------------------------ the job
    @api.model
    def _cron_pull(self):
        sources = self.search([("transport", "in", ("jsonrpc", "local"))])
        sources._pull()

    def _pull(self):
        """Pull each source; one that fails is recorded and the others go on.

        Returns ``[(source, succeeded)]``.
        """
        results = []
        total = len(self)
        for done, source in enumerate(self, start=1):
            if source.transport == "file":
                continue
            results.append((source, source._pull_one()))
            if self.env.context.get("cron_id"):
                self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
        return results

    def _pull_one(self):
        self.ensure_one()
        started = time.monotonic()
        attempt = fields.Datetime.now()
        try:
            with self.env.cr.savepoint():
                rows, size = self._fetch_rows()
                changed = self._apply_rows(rows, self.transport)
        # one province that fails, whatever the reason, never stops the others
        except Exception as error:  # noqa: BLE001
            message = self._error_text(error)
            _logger.warning("Roll-up pull of %s failed: %s", self.name, message)
            self._workflow_write(
                {"status": "failed", "last_attempt": attempt, "last_error": message}
            )
            self.message_post(
                body=_("The pull failed: %(error)s", error=message),
            )
            return False
        self._workflow_write(
            {
                "status": "ok",
                "last_attempt": attempt,
                "last_success": attempt,
                "last_error": False,
                "last_rows_received": len(rows),
                "last_rows_changed": changed,
                "last_bytes": size,
                "last_duration": time.monotonic() - started,
            }
        )
        return True

    def _error_text(self, error):
        if isinstance(error, payload.PayloadError):
            return self._payload_error_message(error)
        if isinstance(error, UserError):
            return error.args[0]
        return _("The province could not be read: %(reason)s", reason=str(error))

    def _fetch_rows(self):
        """Rows changed since the watermark, and the bytes they cost."""
        self.ensure_one()
        domain = [("province_code", "=", self.state_id.code)]
        if self.year_from:
            domain.append(("fiscal_year", ">=", self.year_from))
        if self.watermark:
            domain.append(("write_date", ">=", self.watermark))
        return getattr(self, f"_fetch_rows_{self.transport}")(domain)

    def _fetch_rows_jsonrpc(self, domain):
        # sudo: the API key is readable by administrators only; the scheduled
        # job reads it to log in on the province, nothing shows it.
        key = self.sudo().api_key
        if not (self.url and self.database and self.login and key):
            raise UserError(
                _(
                    "%(name)s: the server address, database, API user and API key "
                    "are all needed to pull it.",
                    name=self.name,
                )
            )
        client = JsonRpcClient(self.url, self.database, self.login, key)
        client.authenticate()
        rows = client.search_read_all(
            "welfare.fund.snapshot",
            domain,
            payload.PAYLOAD_FIELDS,
            order="write_date, id",
        )
        return rows, client.bytes_received + client.bytes_sent

    def _fetch_rows_local(self, domain):
        if "welfare.fund.snapshot" not in self.env:
            raise UserError(
                _(
                    "This database keeps no fund snapshots "
                    "(welfare_snapshot is not installed)."
                )
            )
        # sudo: the snapshots of this very database, read as a province's
        # API user would read them (the same plain fields only).
        rows = (
            self.env["welfare.fund.snapshot"]
            .sudo()
            .search_read(domain, list(payload.PAYLOAD_FIELDS), order="write_date, id")
        )
        for row in rows:
            row.pop("id", None)
        # what the same rows cost as JSON over the network
        text = json.dumps(rows, default=str)
        return json.loads(text), len(text.encode("utf-8"))

    def _fetch_rows_file(self, domain):
        raise UserError(_("%(name)s sends signed files: import them.", name=self.name))

    # ------------------------------------------------------------ applying rows
    def _apply_rows(self, rows, transport):
        """Check the rows and write the ones that changed. Returns how many.

        Idempotent: a row whose content hash is already held changes nothing
        (not even its dates). A bad row refuses the whole batch, with a
        message naming it, and nothing is written.
        """
        self.ensure_one()
        province = self.state_id.code
        hashes = [payload.check_row(row, province) for row in rows]
        # sudo: the received figures are written by the pull and the import
        # alone (nobody has write access to them); the rows were checked above.
        Snapshot = self.env["welfare.rollup.snapshot"].sudo()
        existing = {
            (snap.fund_code, snap.fiscal_year): snap
            for snap in Snapshot.search(
                [
                    ("source_id", "=", self.id),
                    ("fund_code", "in", list({row["fund_code"] for row in rows})),
                ]
            )
        }
        region = self.state_id.welfare_region_id
        now = fields.Datetime.now()
        origin = {
            "origin_transport": transport,
            "origin_database": self.database or self.env.cr.dbname,
            "origin_url": self.url or False,
            "received_date": now,
        }
        to_create, changed_rows = [], []
        watermark = self.watermark or ""
        seen = set()
        for row, digest in zip(rows, hashes, strict=True):
            key = (row["fund_code"], row["fiscal_year"])
            if key in seen:
                raise UserError(
                    _(
                        "The fund %(code)s appears twice for the same year in what "
                        "%(name)s sent.",
                        code=row["fund_code"],
                        name=self.name,
                    )
                )
            seen.add(key)
            watermark = max(watermark, payload.write_date_text(row))
            snap = existing.get(key)
            if snap is not None and snap.content_hash == digest:
                continue
            values = Snapshot._values_from_row(row, self.state_id, region)
            values.update(origin, content_hash=digest)
            if snap is None:
                to_create.append(dict(values, source_id=self.id))
                changed_rows.append((None, row))
            else:
                snap.write(values)
                changed_rows.append((snap, row))
        created = Snapshot.create(to_create) if to_create else Snapshot
        created_iter = iter(created)
        changed = Snapshot.browse()
        for snap, _row in changed_rows:
            changed |= snap if snap is not None else next(created_iter)
        self._write_benefit_lines(changed, [row for _snap, row in changed_rows])
        if watermark and watermark != (self.watermark or ""):
            self._workflow_write({"watermark": watermark})
        return len(changed_rows)

    def _write_benefit_lines(self, snapshots, rows):
        # sudo: see _apply_rows
        Benefit = self.env["welfare.rollup.benefit"].sudo()
        Benefit.search([("snapshot_id", "in", snapshots.ids)]).unlink()
        values = []
        for snap, row in zip(snapshots, rows, strict=True):
            for category, (count, amount) in payload.benefit_lines(row).items():
                values.append(
                    {
                        "snapshot_id": snap.id,
                        "category": category
                        if category in KNOWN_CATEGORIES
                        else "other",
                        "case_count": count,
                        "amount": amount,
                    }
                )
        if values:
            Benefit.create(values)

    def _import_file(self, content):
        """Apply a signed export file of this province. Returns rows changed."""
        self.ensure_one()
        self._check_manager()
        if not self.public_key:
            raise UserError(
                _(
                    "Register the public key of %(name)s before importing its files.",
                    name=self.name,
                )
            )
        try:
            data = payload.read_signed_file(content, self.public_key)
            if data.get("province_code") not in (self.state_id.code, "", None):
                raise payload.PayloadError(
                    "province", fund="-", province=data.get("province_code")
                )
            started = time.monotonic()
            rows = data["rows"]
            changed = self._apply_rows(rows, "file")
        except payload.PayloadError as error:
            raise UserError(self._payload_error_message(error)) from error
        self._workflow_write(
            {
                "status": "ok",
                "last_attempt": fields.Datetime.now(),
                "last_success": fields.Datetime.now(),
                "last_error": False,
                "last_rows_received": len(rows),
                "last_rows_changed": changed,
                "last_bytes": len(content),
                "last_duration": time.monotonic() - started,
            }
        )
        return changed

    def _payload_error_message(self, error):
        details = error.details
        messages = {
            "schema": _(
                "%(name)s sent snapshot version %(version)s; "
                "this roll-up reads version 1.",
                name=self.name,
                version=details.get("version"),
            ),
            "missing": _(
                "%(name)s sent rows without these fields: %(fields)s.",
                name=self.name,
                fields=details.get("fields"),
            ),
            "identity": _(
                "%(name)s sent a row without fund code or year.", name=self.name
            ),
            "province": _(
                "%(name)s sent figures of another province (%(province)s, fund "
                "%(fund)s): refused.",
                name=self.name,
                province=details.get("province"),
                fund=details.get("fund"),
            ),
            "number": _(
                "%(name)s sent a wrong value of %(field)s for the fund %(fund)s.",
                name=self.name,
                field=details.get("field"),
                fund=details.get("fund"),
            ),
            "hash": _(
                "The figures of fund %(fund)s (%(year)s) do not match their hash: "
                "altered on the way.",
                fund=details.get("fund"),
                year=details.get("year"),
            ),
            "format": _("This is not a snapshot export file of a province."),
            "signature": _(
                "The file's signature does not match the key registered for "
                "%(name)s: it was altered or comes from another database.",
                name=self.name,
            ),
            "key": _(
                "The public key registered for %(name)s is not valid.", name=self.name
            ),
        }
        return messages.get(error.code, error.code)
