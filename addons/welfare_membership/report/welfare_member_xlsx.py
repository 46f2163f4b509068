from odoo import models
from odoo.tools import SQL

from odoo.addons.welfare_base.lib import thai_format

from ..lib import thai_id

EXPORT_BATCH = 2000


class WelfareMemberRegistryXlsx(models.AbstractModel):
    """The member registry as a spreadsheet, written row by row (constant memory)."""

    _name = "report.welfare_membership.member_registry_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Member Registry XLSX"

    def _get_objs_for_report(self, docids, data):
        if not docids and data and data.get("fund_ids") is not None:
            return self.env["welfare.member"].search(
                [("fund_id", "in", data["fund_ids"])]
            )
        return super()._get_objs_for_report(docids, data)

    def get_workbook_options(self):
        # strings_to_formulas off: a cell typed as "=cmd|..." stays text
        return {"constant_memory": True, "strings_to_formulas": False}

    def _columns(self):
        env = self.env
        return [
            (env._("Fund"), 30),
            (env._("Member Number"), 14),
            (env._("Name"), 30),
            (env._("National ID"), 20),
            (env._("Birth Date"), 12),
            (env._("Age"), 6),
            (env._("Gender"), 8),
            (env._("Member Type"), 16),
            (env._("House No."), 10),
            (env._("Village No."), 8),
            (env._("Sub-district"), 18),
            (env._("Phone"), 14),
            (env._("Join Date"), 12),
            (env._("Status"), 14),
            (env._("Paid Until"), 12),
            (env._("Months in Arrears"), 10),
        ]

    def _registry_rows(self, members):
        """The registry's rows, batch by batch, in the order of ``members``.

        One query per batch, built by the ORM (the user's record rules
        apply, contacts and member rows joined as the ORM joins them): the
        rows are written as they come, never held as records in the cache.
        """
        Member = self.env["welfare.member"]
        fnames = [
            "company_id",
            "fund_id",
            "member_number",
            "name",
            "national_id",
            "birthdate",
            "age",
            "gender",
            "member_type",
            "street",
            "village_no",
            "subdistrict_id",
            "phone",
            "join_date",
            "state",
            "paid_until",
            "months_in_arrears",
        ]
        # sudo: the national ID is selected to be written masked for users
        # who may not read it in full (see _full_id_companies); the query
        # itself is the user's, with the user's record rules
        Sudo = Member.sudo()
        ids = members.ids
        for start in range(0, len(ids), EXPORT_BATCH):
            batch = ids[start : start + EXPORT_BATCH]
            query = Member._search([("id", "in", batch)])
            columns = [SQL.identifier(Member._table, "id")]
            columns += [Sudo._field_to_sql(Member._table, f, query) for f in fnames]
            self.env.cr.execute(query.select(*columns))
            found = {row[0]: row[1:] for row in self.env.cr.fetchall()}
            yield [found[member_id] for member_id in batch if member_id in found]

    def _full_id_companies(self):
        """Companies whose members' IDs the user reads in full (None: all)."""
        user = self.env.user
        if self.env.su:
            return None
        if user.has_group("welfare_base.group_welfare_officer"):
            return set(user.company_ids.ids)
        return set()

    def _display_rows(self, members):
        """The cells of each member's row, as the user reads them."""
        Member = self.env["welfare.member"]
        labels = {
            fname: dict(Member._fields[fname]._description_selection(self.env))
            for fname in ("gender", "member_type", "state")
        }
        full_id = self._full_id_companies()
        # names of funds and sub-districts in the user's language, each
        # read once for the whole file
        names = {"welfare.fund": {}, "welfare.subdistrict": {}}
        for rows in self._registry_rows(members):
            for model, index in (("welfare.fund", 1), ("welfare.subdistrict", 11)):
                new = {r[index] for r in rows if r[index]} - names[model].keys()
                for record in self.env[model].browse(new):
                    names[model][record.id] = record.name or ""
            for values in rows:
                company_id, fund_id, number, name, national_id, *rest = values
                (birthdate, age, gender, kind, street, village, place) = rest[:7]
                phone, join_date, state, paid_until, arrears = rest[7:]
                if national_id and not (full_id is None or company_id in full_id):
                    shown = thai_id.mask(national_id)
                else:
                    shown = thai_id.format_id(national_id or "")
                yield (
                    names["welfare.fund"][fund_id],
                    number,
                    name,
                    shown,
                    birthdate,
                    age if birthdate else None,
                    labels["gender"].get(gender),
                    labels["member_type"].get(kind),
                    street,
                    village,
                    names["welfare.subdistrict"].get(place),
                    phone,
                    join_date,
                    labels["state"].get(state),
                    paid_until,
                    arrears or 0,
                )

    def generate_xlsx_report(self, workbook, data, members):
        # the user may read every member exported (record rules), or nothing
        members.check_access("read")
        sheet = workbook.add_worksheet(self.env._("Members"))
        head = workbook.add_format({"bold": True, "bg_color": "#D9EAD3", "border": 1})
        date = workbook.add_format({"num_format": thai_format.XLSX_BE_DATE_FORMAT})
        for col, (title, width) in enumerate(self._columns()):
            sheet.set_column(col, col, width)
            sheet.write(0, col, title, head)
        sheet.freeze_panes(1, 0)

        # each column has a known type: written by its own writer, not by the
        # generic write(), which tests every string for a number, a formula
        # or a link (and an empty cell is not written at all)
        def when(row, col, value):
            sheet.write_datetime(row, col, value, date)

        text, number = sheet.write_string, sheet.write_number
        writers = [text] * 4 + [when, number] + [text] * 6 + [when, text, when, number]
        for row, values in enumerate(self._display_rows(members), start=1):
            for col, value in enumerate(values):
                if value or value == 0 and writers[col] is number:
                    writers[col](row, col, value)
