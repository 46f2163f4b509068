import datetime

from odoo import api, fields, models


class WelfarePortalRateLimit(models.Model):
    """Attempts counted in the database, to slow down guessing on public pages.

    Each attempt is one row: a key (what is counted: a hashed national ID, an
    address) and the moment. An attempt is allowed while fewer than ``limit``
    attempts of the same key were made within ``window`` seconds. Rows are
    kept in the database so that every worker of a multi-process server
    counts the same attempts; old rows are removed by the daily autovacuum.
    """

    _name = "welfare.portal.rate.limit"
    _description = "Member Portal Attempt"
    _log_access = False
    _order = "id desc"

    key = fields.Char(
        required=True,
        index=True,
    )
    at = fields.Datetime(
        required=True,
        index=True,
        default=fields.Datetime.now,
    )

    #: rows older than this are removed by the autovacuum
    KEEP = datetime.timedelta(days=2)

    @api.model
    def _allow(self, keys, limit, window):
        """Count one attempt for each of ``keys`` and say whether it is allowed.

        ``keys``: what the attempt is counted under (e.g. the hashed national
        ID and the client's address); ``limit`` attempts per ``window``
        seconds for each key. A refused attempt is not counted, so that a
        blocked client does not block itself for longer by trying again.
        """
        keys = sorted({key for key in keys if key})
        # two workers counting the same key at once would each see one
        # attempt fewer: the count and the insert are serialised per key
        for key in keys:
            self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
        since = fields.Datetime.now() - datetime.timedelta(seconds=window)
        # sudo: the attempts are the server's bookkeeping, never shown; the
        # public pages that count them run as the public user
        Attempt = self.sudo()
        counts = dict(
            Attempt._read_group(
                [("key", "in", keys), ("at", ">", since)], ["key"], ["__count"]
            )
        )
        if any(counts.get(key, 0) >= limit for key in keys):
            return False
        Attempt.create([{"key": key} for key in keys])
        return True

    @api.autovacuum
    def _gc_attempts(self):
        self.sudo().search([("at", "<", fields.Datetime.now() - self.KEEP)]).unlink()
