import hashlib

import psycopg2

from odoo import models
from odoo.tools import SQL

from .template_welfare_fund import TEMPLATE_CODE


class AccountMove(models.Model):
    _inherit = "account.move"

    def _locked_increment(self, format_string, format_values):
        """Number the entries of a fund's books from a database sequence.

        Odoo takes the next entry number by writing it under the unique index
        of entry names: until that transaction commits, every other one
        posting in the same journal and period waits for it. Each payment
        confirmed at a cash desk posts an entry in its fund's contribution
        journal, so the desks of one fund queued behind each other. In a
        fund's books the number is drawn from a PostgreSQL sequence of the
        journal and period instead (``nextval`` locks nothing until commit):
        numbers are unique and follow each other in the order they are drawn;
        a transaction rolled back leaves its number unused, as receipts do.
        The name keeps the journal's format (prefix, fiscal year, month).
        """
        if self.company_id.chart_template != TEMPLATE_CODE:
            return super()._locked_increment(format_string, format_values)
        values = {key: value for key, value in format_values.items() if key != "seq"}
        sequence = self._welfare_number_sequence(format_string, values)
        self.flush_recordset()
        while True:
            self.env.cr.execute(SQL("SELECT nextval(%s)", sequence))
            name = format_string.format(**values, seq=self.env.cr.fetchone()[0])
            try:
                # a name already taken (entries renumbered by hand above the
                # sequence) is refused by the unique index: take the next one
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(
                        SQL(
                            "UPDATE %s SET %s = %s WHERE id = %s",
                            SQL.identifier(self._table),
                            SQL.identifier(self._sequence_field),
                            name,
                            self.id,
                        ),
                        log_exceptions=False,
                    )
            except (
                psycopg2.errors.ExclusionViolation,
                psycopg2.errors.UniqueViolation,
            ):
                continue
            return name

    def _welfare_number_sequence(self, format_string, values):
        """The sequence of this entry's journal and numbering period, made
        when the period's first entry is numbered."""
        period = format_string.format(**values, seq=0)
        key = hashlib.sha1(f"{self.journal_id.id}|{period}".encode()).hexdigest()
        name = f"welfare_move_number_{key[:24]}"
        cr = self.env.cr
        cr.execute(
            "SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = %s", (name,)
        )
        if cr.fetchone():
            return name
        # numbers already given in the period (before these books were
        # numbered this way) are not given again
        prefix = format_string.split("{seq", 1)[0].format(**values)
        cr.execute(
            "SELECT max(sequence_number) FROM account_move "
            "WHERE journal_id = %s AND sequence_prefix = %s",
            (self.journal_id.id, prefix),
        )
        start = (cr.fetchone()[0] or 0) + 1
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL(
                        "CREATE SEQUENCE %s START WITH %s",
                        SQL.identifier(name),
                        start,
                    ),
                    log_exceptions=False,
                )
        except (psycopg2.errors.UniqueViolation, psycopg2.errors.DuplicateTable):
            pass  # another transaction made it first: its numbers follow on
        return name
