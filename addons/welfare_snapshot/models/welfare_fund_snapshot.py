import logging
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.lib.thai_calendar import (
    fiscal_year_bounds,
    fiscal_year_of,
)
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import schema

_logger = logging.getLogger(__name__)

SIGNING_KEY_PARAM = "welfare_snapshot.signing_key"


class WelfareFundSnapshot(models.Model):
    """The figures of one fund for one CODI fiscal year, as a province publishes them.

    Plain values only (codes, names of places, counts and amounts): this is
    what a roll-up database reads, never a member's personal data. Rows are
    written only by the refresh (the daily job or an administrator's button),
    and only when a figure changed: ``write_date`` is then the watermark of
    a roll-up's incremental pull, ``content_hash`` the proof that nothing
    changed.
    """

    _name = "welfare.fund.snapshot"
    _inherit = ["welfare.fund.snapshot.mixin"]
    _description = "Fund Snapshot"
    _order = "fiscal_year desc, province_code, fund_code"
    _rec_name = "fund_name"

    fund_id = fields.Many2one(
        "welfare.fund",
        string="Fund",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="fund_id.company_id",
        store=True,
        index=True,
    )
    fiscal_year = fields.Integer(
        help="CODI's fiscal year (1 October - 30 September), named by the "
        "calendar year it ends in.",
    )
    members_total = fields.Integer(
        help="Everyone who was a member by the end of the year, "
        "including those who left.",
    )
    members_current = fields.Integer(
        help="Active, in grace or suspended at the end of the year.",
    )
    benefit_lines = fields.Char(
        help="Cases and baht paid per benefit category, as JSON: "
        '{"death": [2, 6000.0]}.',
    )
    balance = fields.Float(
        help="Contributions, entry fees and grants received since founding, "
        "less benefits paid, at the end of the year.",
    )
    data_date = fields.Date(
        help="The day these figures were computed (last changed).",
    )
    schema_version = fields.Integer(default=schema.SCHEMA_VERSION)

    _sql_constraints = [
        (
            "fund_year_uniq",
            "unique(fund_id, fiscal_year)",
            "A fund has one snapshot per fiscal year.",
        ),
    ]

    # ------------------------------------------------------------ actions
    def action_refresh_current(self):
        """Refresh the current and previous fiscal years of every fund (button)."""
        if not self.env.user.has_group("welfare_base.group_welfare_manager"):
            raise UserError(_("Only administrators refresh the fund snapshots."))
        changed = self._refresh_snapshots(self._default_fiscal_years())
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": _("%(count)s snapshots changed.", count=changed),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }

    @api.model
    def _cron_refresh(self):
        self._refresh_snapshots(self._default_fiscal_years())

    # ------------------------------------------------------------ business
    @api.model
    def _default_fiscal_years(self):
        year = fiscal_year_of(welfare_today(self))
        return [year - 1, year]

    @api.model
    def _refresh_snapshots(self, fiscal_years, funds=None):
        """Compute the snapshots of ``funds`` (default: all) for the given years.

        A row is written only when its content changed (same hash: no write,
        the write date stays and an incremental pull skips it). Returns the
        number of rows created or changed.
        """
        # sudo: the snapshot counts and sums over every fund of the database,
        # whatever the companies of the user or job that runs the refresh; it
        # keeps no personal data, and nobody else writes snapshots.
        Snapshot = self.sudo()
        funds = (
            (funds or self.env["welfare.fund"]).sudo().with_context(active_test=False)
        )
        if not funds:
            funds = funds.search([])
        today = welfare_today(self)
        changed = 0
        for year in sorted(set(fiscal_years)):
            start, end = fiscal_year_bounds(year)
            if start > today:
                continue
            rows = self._compute_rows(funds, year)
            existing = {
                snap.fund_id.id: snap
                for snap in Snapshot.search(
                    [("fund_id", "in", funds.ids), ("fiscal_year", "=", year)]
                )
            }
            to_create = []
            for fund_id, row in rows.items():
                row["content_hash"] = schema.content_hash(row)
                row["data_date"] = min(today, end)
                row["schema_version"] = schema.SCHEMA_VERSION
                snap = existing.get(fund_id)
                if snap is None:
                    to_create.append(dict(row, fund_id=fund_id))
                elif snap.content_hash != row["content_hash"]:
                    snap.write(row)
                    changed += 1
            if to_create:
                Snapshot.create(to_create)
                changed += len(to_create)
        return changed

    @api.model
    def _compute_rows(self, funds, year):
        """Every figure of ``funds`` for fiscal ``year``, one query per source."""
        start, end = fiscal_year_bounds(year)
        rows = {}
        for fund in funds:
            if fund.founding_date and fund.founding_date > end:
                continue
            rows[fund.id] = {
                "fund_code": fund.code,
                "fund_name": fund.name,
                "subdistrict_code": fund.subdistrict_id.code or False,
                "subdistrict_name": fund.subdistrict_id.name or False,
                "district_code": fund.district_id.code or False,
                "district_name": fund.district_id.name or False,
                "province_code": fund.state_id.code or False,
                "region_code": fund.region_id.code or False,
                "founding_date": fund.founding_date,
                "certified": bool(
                    fund.certified
                    and (not fund.certification_date or fund.certification_date <= end)
                ),
                "certification_date": fund.certification_date,
                "fiscal_year": year,
                **dict.fromkeys(schema.FIGURE_FIELDS, 0),
                "benefit_lines": "{}",
                "assessed": False,
                "grade": False,
                "score": 0.0,
                "assessment_date": False,
            }
        if not rows:
            return rows
        fund_ids = list(rows)
        self._add_member_figures(rows, fund_ids, start, end)
        self._add_contribution_figures(rows, fund_ids, start, end)
        self._add_benefit_figures(rows, fund_ids, start, end)
        self._add_grant_figures(rows, fund_ids, start, end)
        self._add_assessment_figures(rows, fund_ids, year)
        for row in rows.values():
            row["balance"] = round(row["balance"], 2)
        return rows

    def _add_member_figures(self, rows, fund_ids, start, end):
        """Members by type and by status at the end of the year.

        A member counts from their join date, with the status they had on
        the year's last day, from their status history: the same count as
        the fund status form's (``welfare.member._states_on``). A member who
        was still an applicant then does not count.
        """
        # sudo: the snapshot counts every member of the funds, whoever
        # refreshes it; it keeps figures only, never a member's data.
        Member = self.env["welfare.member"].sudo()
        funds = self.env["welfare.fund"].sudo().browse(fund_ids)
        for _id, fund_id, join_date, kind, state in Member._states_on(funds, end):
            if state == "applicant":
                continue
            row = rows[fund_id]
            row["members_total"] += 1
            if kind:
                row[f"members_{kind}"] += 1
            if join_date and join_date >= start:
                row["members_new"] += 1
            row[f"members_{state}"] += 1
        for row in rows.values():
            row["members_current"] = (
                row["members_active"] + row["members_grace"] + row["members_suspended"]
            )

    def _add_contribution_figures(self, rows, fund_ids, start, end):
        Contribution = self.env["welfare.contribution"].sudo()
        for fund, kind, amount in Contribution._read_group(
            [
                ("fund_id", "in", fund_ids),
                ("state", "=", "confirmed"),
                ("date", ">=", start),
                ("date", "<=", end),
            ],
            ["fund_id", "kind"],
            ["amount:sum"],
        ):
            field = "entry_fee_amount" if kind == "entry_fee" else "contribution_amount"
            rows[fund.id][field] += amount
        for fund, amount in Contribution._read_group(
            [
                ("fund_id", "in", fund_ids),
                ("state", "=", "confirmed"),
                ("date", "<=", end),
            ],
            ["fund_id"],
            ["amount:sum"],
        ):
            rows[fund.id]["balance"] += amount

    def _add_benefit_figures(self, rows, fund_ids, start, end):
        Claim = self.env["welfare.claim"].sudo()
        lines = defaultdict(dict)
        for fund, category, count, amount in Claim._read_group(
            [
                ("fund_id", "in", fund_ids),
                ("state", "=", "paid"),
                ("payment_date", ">=", start),
                ("payment_date", "<=", end),
            ],
            ["fund_id", "category"],
            ["__count", "amount_approved:sum"],
        ):
            row = rows[fund.id]
            row["benefit_count"] += count
            row["benefit_amount"] += amount
            lines[fund.id][category or "other"] = (count, amount)
        for fund_id, by_category in lines.items():
            rows[fund_id]["benefit_lines"] = schema.benefit_lines_text(by_category)
        for fund, amount in Claim._read_group(
            [
                ("fund_id", "in", fund_ids),
                ("state", "=", "paid"),
                ("payment_date", "<=", end),
            ],
            ["fund_id"],
            ["amount_approved:sum"],
        ):
            rows[fund.id]["balance"] -= amount

    def _add_grant_figures(self, rows, fund_ids, start, end):
        """Grants by leg: added by welfare_snapshot_accounting with the ledger."""

    def _add_assessment_figures(self, rows, fund_ids, year):
        """The year's grade: added by welfare_snapshot_assessment with grading."""

    # ------------------------------------------------------------ export
    @api.model
    def _payload(self, fiscal_years=None, since=None):
        """What a roll-up receives: every snapshot row as plain values."""
        # sudo: the province of the database (set by its profile) is public.
        province = (
            self.env["ir.config_parameter"].sudo().get_param("welfare.province_code")
        )
        domain = [("province_code", "=", province)] if province else []
        if fiscal_years:
            domain.append(("fiscal_year", "in", list(fiscal_years)))
        if since:
            domain.append(("write_date", ">=", since))
        rows = self.search_read(domain, list(schema.PAYLOAD_FIELDS), order="id")
        for row in rows:
            row.pop("id", None)
        if not province:
            codes = {row["province_code"] for row in rows if row["province_code"]}
            province = codes.pop() if len(codes) == 1 else ""
        return {
            "format": schema.FILE_FORMAT,
            "schema_version": schema.SCHEMA_VERSION,
            "province_code": province,
            "database": self.env.cr.dbname,
            "generated_at": fields.Datetime.to_string(fields.Datetime.now()),
            "rows": [
                {key: schema._plain(value) for key, value in row.items()}
                for row in rows
            ],
        }

    @api.model
    def _signing_key(self):
        """The database's Ed25519 key for export files, made on first use."""
        # sudo: the private key is a system parameter nobody reads through
        # the interface; only its public half is ever shown.
        params = self.env["ir.config_parameter"].sudo()
        key = params.get_param(SIGNING_KEY_PARAM)
        if not key:
            key = schema.new_private_key()
            params.set_param(SIGNING_KEY_PARAM, key)
        return key

    @api.model
    def _public_key(self):
        return schema.public_key_of(self._signing_key())

    @api.model
    def _export_file(self, fiscal_years=None):
        """A signed export file (bytes) of the snapshots, for a roll-up offline."""
        return schema.sign_payload(self._payload(fiscal_years), self._signing_key())

    @api.model
    def _create_rollup_api_user(self, login, name=None):
        """The user a roll-up logs in as, and its API key (shown once).

        The user holds the snapshot readers' group alone: no internal user,
        no portal, so it reads snapshots and nothing of any fund, member,
        claim or contact.
        """
        group = self.env.ref("welfare_snapshot.group_welfare_snapshot_reader")
        user = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": name or login,
                    "login": login,
                    "groups_id": [fields.Command.set(group.ids)],
                }
            )
        )
        # sudo as the new user: a key without expiry, made by the
        # administrator on the user's behalf (Odoo's own rule for such keys).
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate("rpc", _("Roll-up"), None)
        )
        return user, key
