"""Documents numbered per fund and Buddhist-era year, without gaps.

The shape of Odoo's ``sequence.mixin`` (``account.move``'s names), on the
fund's own counters (``welfare.document.sequence``): a claim, a grant, a
matching request... inherits ``welfare.numbered.mixin``, keeps its number
in ``name`` ("/" until numbered), and

- numbers its records with ``_assign_document_numbers()``: one numbering
  statement per fund and year, the numbers given in the records' order;
- gives the last numbers back when its records are deleted, with
  ``_release_document_numbers()`` (called by the model's ``ondelete`` check,
  after its own refusals);
- says in which B.E. year a record is numbered by overriding
  ``_document_number_year_be()`` (by default the year of the day the
  numbers are given, today in Thailand: a claim takes the year it is filed
  in; a matching request, its fiscal year).

The fund's fast sequences (member numbers, receipts: thousands at once, a
gap is harmless) are ``ir.sequence`` rows, drawn by ``welfare.fund``.
"""

from odoo import api, fields, models

from ..lib import thai_calendar
from .welfare_date import welfare_today


class WelfareNumberedMixin(models.AbstractModel):
    _name = "welfare.numbered.mixin"
    _description = "Document Numbered per Fund and Year"

    #: the field holding the number
    _document_number_field = "name"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        help="Given when the document is recorded: gapless within the fund "
        "and the Buddhist-era year.",
    )

    @api.model
    def _document_number_code(self):
        """The kind of document in the fund's counters: the model's name."""
        return self._name

    def _document_number_year_be(self, date):
        """The B.E. year whose counter numbers this record, numbered on
        ``date`` (by default the year of ``date``)."""
        return thai_calendar.be_year(date)

    def _assign_document_numbers(self, date=None):
        """Number the records of ``self`` (those of a fund), gapless."""
        date = date or welfare_today(self)
        groups = {}
        for record in self:
            if record.fund_id:
                key = (record.fund_id, record._document_number_year_be(date))
                groups.setdefault(key, []).append(record.id)
        Numbers = self.env["welfare.document.sequence"]
        code = self._document_number_code()
        for (fund, year_be), ids in groups.items():
            numbers = Numbers._take_numbers(fund, code, None, len(ids), year_be=year_be)
            # the number is a workflow-only field where the model is guarded
            records = self.browse(ids)
            if hasattr(records, "_workflow_open"):
                records = records._workflow_open()
            for record, number in zip(records, numbers, strict=True):
                record[self._document_number_field] = number

    def _release_document_numbers(self):
        """Give back the numbers of these records, which are being deleted
        (only the last numbers of a year can go: see ``_release_numbers``)."""
        Numbers = self.env["welfare.document.sequence"]
        code = self._document_number_code()
        for fund, records in self.grouped("fund_id").items():
            Numbers._release_numbers(
                fund, code, records.mapped(self._document_number_field)
            )
