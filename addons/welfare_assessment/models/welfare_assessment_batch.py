import zlib

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

CHUNK_SIZE = 500


class WelfareAssessmentBatch(models.Model):
    """Assess every fund of a zone, province or region for one period.

    Running it again is harmless: each fund keeps one assessment per template
    and period (a unique constraint guards it, and runs of the same template
    and period are serialised), draft results are recomputed, confirmed ones
    are left as they are.
    """

    _name = "welfare.assessment.batch"
    _description = "Batch Assessment"
    _inherit = ["welfare.fiscal.period.mixin", "mail.thread"]
    _order = "create_date desc, id desc"

    name = fields.Char(
        compute="_compute_name",
        store=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    scope = fields.Selection(
        selection=[
            ("zone", "Zone"),
            ("province", "Province"),
            ("region", "Region"),
        ],
        required=True,
        default="province",
        tracking=True,
    )
    zone_id = fields.Many2one(
        "welfare.zone",
        tracking=True,
    )
    province_id = fields.Many2one(
        "res.country.state",
        domain="[('country_id.code', '=', 'TH')]",
        tracking=True,
    )
    region_id = fields.Many2one(
        "welfare.region",
        tracking=True,
    )
    template_id = fields.Many2one(
        "welfare.assessment.template",
        required=True,
        default=lambda self: self.env[
            "welfare.assessment.template"
        ]._get_default_template(),
        tracking=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("queued", "Running"),
            ("done", "Done"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    pending_ids = fields.Many2many(
        "welfare.assessment",
        "welfare_assessment_batch_pending_rel",
        "batch_id",
        "assessment_id",
        string="Still to Compute",
        copy=False,
    )
    fund_count = fields.Integer(
        string="Funds",
        readonly=True,
        copy=False,
    )
    done_count = fields.Integer(
        string="Assessed",
        readonly=True,
        copy=False,
    )
    progress = fields.Float(
        compute="_compute_progress",
        help="Share of the funds of the scope already assessed.",
    )
    assessment_count = fields.Integer(
        string="Assessments",
        compute="_compute_assessment_count",
    )

    @api.depends("scope", "zone_id", "province_id", "region_id", "fiscal_year_be")
    def _compute_name(self):
        for batch in self:
            area = {
                "zone": batch.zone_id,
                "province": batch.province_id,
                "region": batch.region_id,
            }.get(batch.scope)
            batch.name = self.env._(
                "%(area)s - %(year)s",
                area=area.display_name if area else "",
                year=batch.fiscal_year_be or "",
            )

    @api.depends("fund_count", "done_count")
    def _compute_progress(self):
        for batch in self:
            batch.progress = (
                100.0 * batch.done_count / batch.fund_count if batch.fund_count else 0.0
            )

    def _compute_assessment_count(self):
        for batch in self:
            batch.assessment_count = self.env["welfare.assessment"].search_count(
                batch._assessment_domain()
            )

    @api.constrains("scope", "zone_id", "province_id", "region_id")
    def _check_scope(self):
        for batch in self:
            if not batch._scope_record():
                raise ValidationError(
                    self.env._("Choose the zone, province or region to assess.")
                )

    def _scope_record(self):
        self.ensure_one()
        return {
            "zone": self.zone_id,
            "province": self.province_id,
            "region": self.region_id,
        }[self.scope]

    def _fund_domain(self):
        self.ensure_one()
        field = {"zone": "zone_id", "province": "state_id", "region": "region_id"}
        return [(field[self.scope], "=", self._scope_record().id)]

    def _assessment_domain(self):
        self.ensure_one()
        return [
            ("fund_id", "in", self.env["welfare.fund"]._search(self._fund_domain())),
            ("template_id", "=", self.template_id.id),
            ("date_from", "=", self.date_from),
            ("date_to", "=", self.date_to),
        ]

    # ------------------------------------------------------------ actions
    def action_run(self):
        """Assess every fund of the scope now, in one go."""
        for batch in self:
            batch._prepare_run()
            while batch.pending_ids:
                batch._run_chunk()
        return True

    def action_start(self):
        """Assess in the background, chunk by chunk, progress shown on the batch."""
        for batch in self:
            batch._prepare_run()
        self.env.ref("welfare_assessment.ir_cron_welfare_assessment_batch")._trigger()
        return True

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_assessment.welfare_assessment_action"
        )
        action["domain"] = self._assessment_domain()
        action["context"] = {}
        return action

    # ------------------------------------------------------------ work
    def _lock_period(self):
        """Serialise runs of the same template and period, or refuse at once."""
        self.ensure_one()
        if not self._try_lock_period(self.template_id.id, self.date_from, self.date_to):
            raise UserError(
                self.env._(
                    "Another run is assessing funds with template %(template)s for "
                    "this period. Try again when it has finished.",
                    template=self.template_id.display_name,
                )
            )

    @api.model
    def _try_lock_period(self, template_id, date_from, date_to):
        """Take the transaction's lock on a template and period; False if taken."""
        key = zlib.crc32(f"{date_from}|{date_to}".encode()) & 0x7FFFFFFF
        self.env.cr.execute(
            SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", template_id, key)
        )
        return self.env.cr.fetchone()[0]

    def _prepare_run(self):
        """Create the missing assessments of the scope; queue the drafts."""
        self.ensure_one()
        if self.state == "queued":
            raise UserError(
                self.env._("Batch %(name)s is already running.", name=self.name)
            )
        self._lock_period()
        funds = self.env["welfare.fund"].search(self._fund_domain())
        Assessment = self.env["welfare.assessment"]
        existing = Assessment.search(
            [
                ("fund_id", "in", funds.ids),
                ("template_id", "=", self.template_id.id),
                ("date_from", "=", self.date_from),
                ("date_to", "=", self.date_to),
            ]
        )
        missing = funds - existing.fund_id
        vals_list = [
            {
                "fund_id": fund.id,
                "template_id": self.template_id.id,
                "fiscal_year": self.fiscal_year,
                "date_from": self.date_from,
                "date_to": self.date_to,
            }
            for fund in missing
        ]
        try:
            with self.env.cr.savepoint():
                created = Assessment.create(vals_list)
                self.env.flush_all()
        except pg_errors.UniqueViolation:
            raise UserError(
                self.env._(
                    "Another run has just assessed some of these funds. Run the "
                    "batch again to update them."
                )
            )
        todo = (existing | created).filtered(lambda a: a.state == "draft")
        self.write(
            {
                "state": "queued",
                "fund_count": len(funds),
                "done_count": len(funds) - len(todo),
                "pending_ids": [fields.Command.set(todo.ids)],
            }
        )
        self.message_post(
            body=self.env._(
                "Started: %(count)s funds, %(new)s new assessments, %(todo)s to "
                "compute.",
                count=len(funds),
                new=len(created),
                todo=len(todo),
            )
        )

    def _run_chunk(self, size=CHUNK_SIZE):
        """Compute the next ``size`` pending assessments; done when none is left."""
        self.ensure_one()
        chunk = self.pending_ids[:size]
        drafts = chunk.filtered(lambda a: a.state == "draft")
        drafts.action_compute()
        vals = {
            "pending_ids": [fields.Command.unlink(a.id) for a in chunk],
            "done_count": self.done_count + len(chunk),
        }
        if len(chunk) == len(self.pending_ids):
            vals["state"] = "done"
        self.write(vals)
        if vals.get("state") == "done":
            self.message_post(
                body=self.env._(
                    "Done: %(count)s funds assessed.", count=self.fund_count
                )
            )
        return len(self.pending_ids)

    @api.model
    def _cron_run_batches(self):
        """Background runs: one chunk at a time, reporting progress to the cron."""
        cron = self.env["ir.cron"]
        batches = self.search([("state", "=", "queued")])
        done = 0
        for batch in batches:
            # Run as the user who started it, within their companies.
            user = batch.create_uid
            batch = batch.with_user(user).with_context(
                allowed_company_ids=user.company_ids.ids
            )
            remaining = batch._run_chunk()
            done += batch.done_count
            if remaining:
                cron._notify_progress(done=done, remaining=remaining)
                return
        cron._notify_progress(done=done, remaining=0)
