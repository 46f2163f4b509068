import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import SQL

KINDS = [
    ("national_id", "Full National ID"),
    ("health", "Health Details"),
    ("document", "Claim Document"),
    ("other_fund", "Other-Fund Check"),
    ("export", "Data Export (Right of Access)"),
    ("erasure", "Erasure"),
]
CHANNELS = [
    ("screen", "Screen"),
    ("api", "API Call"),
    ("download", "Download"),
    ("report", "Report or Export"),
    ("server", "Server"),
]
#: paths of Odoo's external APIs
API_PATHS = ("/xmlrpc", "/jsonrpc", "/json/")
DOWNLOAD_PATHS = ("/web/content", "/web/image", "/web/binary")


class WelfareAccessLog(models.Model):
    """Who read a member's full national ID, health details or claim documents.

    Written by the system only, many lines in one INSERT (``_log``), so that a
    list of members costs one query to log whatever its length. Nobody edits
    or deletes a line: no access right allows it, and the model refuses it
    even to the superuser.
    """

    _name = "welfare.access.log"
    _inherit = ["welfare.workflow.guard.mixin"]
    _description = "Personal Data Access Log"
    _order = "date desc, id desc"
    _log_access = False

    date = fields.Datetime(
        required=True,
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="User",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        readonly=True,
        index=True,
        ondelete="set null",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        readonly=True,
        index=True,
    )
    kind = fields.Selection(
        KINDS,
        string="What Was Read",
        required=True,
        readonly=True,
    )
    res_model = fields.Char(
        string="Record Type",
        readonly=True,
    )
    res_id = fields.Many2oneReference(
        string="Record",
        model_field="res_model",
        readonly=True,
    )
    channel = fields.Selection(
        CHANNELS,
        readonly=True,
    )
    source = fields.Char(
        string="Screen or Call",
        readonly=True,
        help="The method and address through which the data was read.",
    )
    detail = fields.Char(
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        # lines are inserted by _log() alone; no server code opens this door
        if not self._in_workflow():
            raise UserError(
                self.env._(
                    "The personal data access log is written by the system only. "
                    "Nothing was saved."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self._in_workflow():
            raise UserError(
                self.env._(
                    "The personal data access log cannot be changed. Nothing was saved."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "The personal data access log cannot be deleted. Nothing was deleted."
            )
        )

    @api.model
    def _request_source(self):
        """(channel, source) of the current request: the screen or API call."""
        if not request:
            return "server", False
        try:
            path = request.httprequest.path
            params = getattr(request, "params", None) or {}
        except RuntimeError:
            return "server", False
        if path.startswith(API_PATHS):
            method = params.get("method") if isinstance(params, dict) else None
            return "api", f"{path} {method or ''}".strip()[:200]
        if path.startswith(DOWNLOAD_PATHS):
            return "download", path[:200]
        if isinstance(params, dict) and params.get("method"):
            return "screen", f"{params.get('model')}.{params['method']}"[:200]
        return "screen", path[:200]

    @api.model
    def _log(self, kind, entries, channel=None, source=None):
        """Log reads in one INSERT.

        ``entries``: [(member id, company id, model, record id, detail)],
        any of which may be ``None``. ``channel`` and ``source`` default to
        the current request's.
        """
        if not entries:
            return
        if self.env.cr.readonly:
            # Odoo 18 serves reads (lists, forms, reports) on a read-only
            # cursor first: asking for a read/write one makes it run the
            # request again on one, where the log is written with the read
            raise psycopg2.errors.ReadOnlySqlTransaction(
                "the access log of personal data is written with the read"
            )
        found_channel, found_source = self._request_source()
        members, companies, models_, ids, details = zip(*entries, strict=True)
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO welfare_access_log
                    (date, user_id, kind, channel, source, member_id,
                     company_id, res_model, res_id, detail)
                SELECT %s, %s, %s, %s, %s, t.m, t.c, t.r, t.i, t.d
                  FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::int[],
                              %s::varchar[]) AS t(m, c, r, i, d)
                """,
                self.env.cr.now(),
                self.env.uid,
                kind,
                channel or found_channel,
                source or found_source,
                list(members),
                list(companies),
                list(models_),
                list(ids),
                list(details),
            )
        )


class WelfareAccessLogged(models.AbstractModel):
    """Models whose reads write the access log.

    Odoo 18 serves the reads marked ``api.readonly`` (``read``,
    ``search_read``, ``web_read``, ``web_search_read``) on a read-only
    cursor. A read of these models may write the log, so they are marked
    ``_readonly = False``: the web client's call opens a read/write cursor at
    once, and the read runs once instead of failing and being run again.
    """

    _name = "welfare.access.logged.mixin"
    _description = "Reads Written to the Personal Data Access Log"

    def read(self, fields=None, load="_classic_read"):
        return super().read(fields=fields, load=load)

    read._readonly = False

    @api.model
    def search_read(
        self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs
    ):
        return super().search_read(
            domain=domain,
            fields=fields,
            offset=offset,
            limit=limit,
            order=order,
            **read_kwargs,
        )

    search_read._readonly = False

    def web_read(self, specification):
        return super().web_read(specification)

    web_read._readonly = False

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return super().web_search_read(
            domain,
            specification,
            offset=offset,
            limit=limit,
            order=order,
            count_limit=count_limit,
        )

    web_search_read._readonly = False
