import re
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..lib import thai_calendar

#: Thai prefixes of the documents numbered per fund and Buddhist-era year,
#: e.g. the first claim of 2569 is สค.2569/0001. Only the prefix of a
#: document kind not yet numbered in a year is taken from here: the rows
#: below keep the prefix they were made with.
DOCUMENT_PREFIXES = {
    "welfare.claim": "สค",
    "welfare.grant": "อด",
    "welfare.matching.request": "คส",
    "welfare.cash.handover": "สง",
    "welfare.bank.deposit": "ฝก",
}
NUMBER_PADDING = 4
_NUMBER = re.compile(r"^(?P<prefix>.+)\.(?P<year>\d{4})/(?P<number>\d+)$")


class WelfareDocumentSequence(models.Model):
    """Gapless numbering of a fund's documents, per Buddhist-era year.

    One row per fund, kind of document and B.E. year holds the last number
    given. Numbers are taken by one UPDATE that holds the row until the
    transaction ends, as Odoo's "no gap" sequences do: a transaction that
    rolls back gives its numbers back, two officers numbering at once get
    consecutive numbers, never the same one. The volumes (claims, grants,
    requests, cash handovers: a few a day per fund) make the wait harmless;
    contribution receipts, numbered by the thousand at a collection day,
    keep their own fast sequence.
    """

    _name = "welfare.document.sequence"
    _description = "Document Numbering of a Fund"
    _order = "fund_id, code, year_be desc"

    fund_id = fields.Many2one(
        "welfare.fund",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="fund_id.company_id",
        store=True,
    )
    code = fields.Char(
        string="Document",
        required=True,
    )
    prefix = fields.Char(
        required=True,
    )
    year_be = fields.Integer(
        string="Year (B.E.)",
        required=True,
    )
    number_last = fields.Integer(
        string="Last Number Given",
        default=0,
    )

    _sql_constraints = [
        (
            "fund_code_year_uniq",
            "unique(fund_id, code, year_be)",
            "A fund numbers a kind of document once a year.",
        ),
    ]

    @api.model
    def _format(self, prefix, year_be, number):
        return f"{prefix}.{year_be}/{number:0{NUMBER_PADDING}d}"

    @api.model
    def _take_numbers(self, fund, code, date, count=1, year_be=None):
        """``count`` consecutive numbers of ``code`` documents of ``fund`` in
        the B.E. year of ``date`` (or ``year_be``), gapless."""
        if count <= 0:
            return []
        year_be = year_be or thai_calendar.be_year(date)
        cr = self.env.cr
        # Raw SQL: the numbering must lock its row and add in one statement
        # (the ORM would read, then write, racing another transaction).
        cr.execute(
            SQL(
                """
                INSERT INTO welfare_document_sequence
                       (fund_id, company_id, code, prefix, year_be, number_last,
                        create_uid, write_uid, create_date, write_date)
                VALUES (%(fund)s, %(company)s, %(code)s, %(prefix)s, %(year)s, 0,
                        %(uid)s, %(uid)s, now() at time zone 'UTC',
                        now() at time zone 'UTC')
                ON CONFLICT (fund_id, code, year_be) DO NOTHING
                """,
                fund=fund.id,
                company=fund.company_id.id,
                code=code,
                prefix=DOCUMENT_PREFIXES.get(code, code),
                year=year_be,
                uid=self.env.uid,
            )
        )
        cr.execute(
            SQL(
                """
                UPDATE welfare_document_sequence
                   SET number_last = number_last + %(count)s,
                       write_date = now() at time zone 'UTC',
                       write_uid = %(uid)s
                 WHERE fund_id = %(fund)s AND code = %(code)s AND year_be = %(year)s
             RETURNING number_last, prefix
                """,
                count=count,
                uid=self.env.uid,
                fund=fund.id,
                code=code,
                year=year_be,
            )
        )
        last, prefix = cr.fetchone()
        self.invalidate_model(["number_last", "write_date", "write_uid"])
        return [
            self._format(prefix, year_be, number)
            for number in range(last - count + 1, last + 1)
        ]

    @api.model
    def _release_numbers(self, fund, code, names):
        """Give back the numbers ``names`` of ``code`` documents of ``fund``
        that are being deleted.

        The numbering of a fund has no gaps, so only the last numbers given
        in a year can go (the counter steps back, as Odoo lets the last entry
        of a journal's sequence be deleted); any other numbered document is
        cancelled, not deleted. Names that are not numbers of this kind
        (``/``, numbers of an earlier numbering) are left alone.
        """
        by_year = defaultdict(list)
        for name in names:
            match = _NUMBER.match(name or "")
            if match and match["prefix"] == DOCUMENT_PREFIXES.get(code, code):
                by_year[int(match["year"])].append(int(match["number"]))
        cr = self.env.cr
        for year_be, numbers in by_year.items():
            last = max(numbers)
            # the row is locked by the UPDATE until the transaction ends: a
            # number taken meanwhile by another officer makes these not last
            cr.execute(
                SQL(
                    """
                    UPDATE welfare_document_sequence
                       SET number_last = number_last - %(count)s,
                           write_date = now() at time zone 'UTC',
                           write_uid = %(uid)s
                     WHERE fund_id = %(fund)s AND code = %(code)s
                       AND year_be = %(year)s AND number_last = %(last)s
                    """,
                    count=len(numbers),
                    uid=self.env.uid,
                    fund=fund.id,
                    code=code,
                    year=year_be,
                    last=last,
                )
            )
            if not cr.rowcount or sorted(numbers) != list(
                range(last - len(numbers) + 1, last + 1)
            ):
                raise UserError(
                    self.env._(
                        "%(documents)s cannot be deleted: a fund's numbers have no "
                        "gaps, so only the last numbers of a year can be deleted. "
                        "Cancel the document instead; it keeps its number.",
                        documents=", ".join(sorted(n for n in names if n)),
                    )
                )
        self.invalidate_model(["number_last", "write_date", "write_uid"])
