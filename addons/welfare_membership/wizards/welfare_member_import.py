import base64
import csv
import io
import logging
import math
import zipfile

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from odoo.addons.welfare_base.lib import thai_calendar
from odoo.addons.welfare_base.lib.member_states import HOLDING_STATES
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import registry, thai_id

_logger = logging.getLogger(__name__)

try:
    import openpyxl
except ImportError:  # pragma: no cover - openpyxl comes with Odoo's XLSX import
    openpyxl = None

CREATE_BATCH = 1000


def _megabytes(size):
    """A size in bytes as megabytes, rounded up to a tenth: 10, 10.1."""
    return f"{math.ceil(size * 10 / 1024 / 1024) / 10:g}"


class WelfareMemberImport(models.TransientModel):
    """Import a fund's member registry from XLSX or CSV, all or nothing."""

    _name = "welfare.member.import"
    _description = "Import Member Registry"

    fund_id = fields.Many2one(
        "welfare.fund",
        string="Fund",
        required=True,
        default=lambda self: self.env["welfare.fund"]._get_current_fund(),
    )
    file = fields.Binary(
        string="Registry File",
        attachment=False,
    )
    filename = fields.Char()
    state = fields.Selection(
        [("upload", "Upload"), ("errors", "Errors"), ("done", "Done")],
        default="upload",
        required=True,
    )
    row_count = fields.Integer(
        string="Rows Read",
        readonly=True,
    )
    error_count = fields.Integer(
        string="Problems Found",
        readonly=True,
    )
    created_count = fields.Integer(
        string="Members Created",
        readonly=True,
    )
    skipped_count = fields.Integer(
        string="Already Registered",
        readonly=True,
        help="Rows of people already in the fund's registry: left as they are.",
    )
    error_file = fields.Binary(
        string="Error Report",
        readonly=True,
        attachment=False,
    )
    error_filename = fields.Char()
    template_file = fields.Binary(
        attachment=False,
        readonly=True,
    )
    assumed_paid_count = fields.Integer(
        string="Rows without Paid Until",
        readonly=True,
        help="Rows that left the column ชำระเงินสมทบถึงวันที่ (paid until) empty: "
        "their members are counted as paid up to the end of the month before "
        "the import, so that importing the register ends nobody's membership. "
        "Each of them has a note saying so in their history.",
    )
    assumed_paid_until = fields.Date(
        string="Counted as Paid Until",
        readonly=True,
    )
    created_member_ids = fields.Many2many(
        "welfare.member",
        string="Created Members",
        readonly=True,
    )

    # ------------------------------------------------------------------
    # Messages
    # ------------------------------------------------------------------
    def _problem_text(self, code, params):
        """The Thai (or user-language) sentence for a problem code."""
        env = self.env
        value = params.get("value", "")
        row = params.get("row", "")
        number = params.get("number", "")
        name = params.get("name", "")
        texts = {
            "required": lambda: env._("This column must be filled in."),
            "id_digits": lambda: env._(
                "The national ID may only contain digits: %(value)s", value=value
            ),
            "id_length": lambda: env._(
                "The national ID must have 13 digits: %(value)s", value=value
            ),
            "id_first_digit": lambda: env._(
                "No national ID starts with 9: %(value)s", value=value
            ),
            "id_checksum": lambda: env._(
                "The check digit of the national ID is wrong: %(value)s",
                value=value,
            ),
            "unknown_choice": lambda: env._(
                "Unknown value %(value)s: see the list in the template.",
                value=value,
            ),
            "bad_date": lambda: env._(
                "Unreadable date %(value)s: write day/month/year, e.g. 15/08/2510 "
                "(BE) or 15/08/1967 (CE).",
                value=value,
            ),
            "future_date": lambda: env._(
                "The date %(value)s is in the future.", value=value
            ),
            "join_before_birth": lambda: env._(
                "The join date is before the birth date."
            ),
            "file_duplicate": lambda: env._(
                "The same national ID is already on row %(row)s of the file.",
                row=row,
            ),
            "number_duplicate": lambda: env._(
                "The same member number is already on row %(row)s of the file.",
                row=row,
            ),
            "fund_duplicate": lambda: env._(
                "This national ID already belongs to member %(number)s %(name)s "
                "of the fund.",
                number=number,
                name=name,
            ),
            "number_taken": lambda: env._(
                "Member number %(number)s is already used by %(name)s.",
                number=number,
                name=name,
            ),
            "unknown_subdistrict": lambda: env._(
                "Unknown sub-district %(value)s: give its name in the fund's "
                "province or its 6-digit code.",
                value=value,
            ),
            "ambiguous_subdistrict": lambda: env._(
                "Several sub-districts are named %(value)s: give the 6-digit code.",
                value=value,
            ),
        }
        return texts[code]() if code in texts else code

    def _column_label(self, key):
        for col_key, thai, _english, _req in self._registry_columns():
            if col_key == key:
                return thai
        return key

    # ------------------------------------------------------------------
    # What modules add to the registry: columns, row checks, values
    # ------------------------------------------------------------------
    @api.model
    def _registry_columns(self):
        """The columns of the registry: (key, Thai header, English header,
        required), ``registry.COLUMNS`` and those modules add after them.

        A module adding a column checks its cells in ``_clean_row``, names
        its problems in ``_problem_text`` and turns its values into the
        member's in ``_prepare_member_values``; the template shows it
        (``_template_example``, ``_template_notes``).
        """
        return list(registry.COLUMNS)

    def _clean_row(self, cells, today):
        """Check one row: (values, problems), as ``registry.clean_row``."""
        return registry.clean_row(cells, today)

    # ------------------------------------------------------------------
    # Reading files
    # ------------------------------------------------------------------
    def _read_rows(self):
        """[(row number, cells)] of the header and every non-empty row.

        The file is refused when it is larger than a registry can be
        (``registry.MAX_FILE_BYTES``, ``MAX_UNPACKED_BYTES``, ``MAX_ROWS``):
        one import stays within a worker's memory and time limits.
        """
        if not self.file:
            raise UserError(self.env._("Choose the registry file to import."))
        data = base64.b64decode(self.file)
        if len(data) > registry.MAX_FILE_BYTES:
            raise UserError(
                self.env._(
                    "The file is %(size)s MB: a registry file may be at most "
                    "%(limit)s MB. Split the registry into several files.",
                    size=_megabytes(len(data)),
                    limit=_megabytes(registry.MAX_FILE_BYTES),
                )
            )
        name = (self.filename or "").lower()
        if name.endswith(".csv"):
            return self._read_csv(data)
        if name.endswith((".xlsx", ".xlsm")) or data[:2] == b"PK":
            return self._read_xlsx(data)
        raise UserError(
            self.env._("Upload an XLSX or CSV file made from the template.")
        )

    def _member_rows(self, header, numbered_rows):
        """The header (row 1) and the non-empty rows, at most MAX_ROWS of them."""
        rows = [(1, header)]
        limit = f"{registry.MAX_ROWS:,}"
        for number, cells in numbered_rows:
            if all(cell is None or str(cell).strip() == "" for cell in cells):
                continue
            if len(rows) > registry.MAX_ROWS:
                raise UserError(
                    self.env._(
                        "The file holds more than %(limit)s member rows: split "
                        "the registry into several files.",
                        limit=limit,
                    )
                )
            rows.append((number, cells))
        return rows

    def _read_xlsx(self, data):
        if openpyxl is None:
            raise UserError(self.env._("Reading XLSX files needs openpyxl."))
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except zipfile.BadZipFile as error:
            raise UserError(
                self.env._("The file cannot be read as XLSX: %(error)s", error=error)
            )
        if unpacked > registry.MAX_UNPACKED_BYTES:
            raise UserError(
                self.env._(
                    "The file unpacks to %(size)s MB, more than a registry needs "
                    "(at most %(limit)s MB): save the registry again from the "
                    "template.",
                    size=_megabytes(unpacked),
                    limit=_megabytes(registry.MAX_UNPACKED_BYTES),
                )
            )
        try:
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True
            )
        except Exception as error:  # noqa: BLE001 - any unreadable file
            raise UserError(
                self.env._("The file cannot be read as XLSX: %(error)s", error=error)
            )
        try:
            sheet = book.worksheets[0]
            # The size a sheet declares (<dimension ref="A1:XFD1048576"/>) may
            # be anything, and openpyxl pads every row to it: read the cells the
            # sheet holds, and of each row only the columns up to the last one
            # the header names.
            sheet.reset_dimensions()
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
            columns = self._registry_columns()
            width = max(registry.header_keys(header, columns), default=0) + 1
            body = sheet.iter_rows(min_row=2, max_col=width, values_only=True)
            return self._member_rows(header, enumerate(body, 2))
        finally:
            book.close()

    def _read_csv(self, data):
        for encoding in ("utf-8-sig", "cp874"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UserError(self.env._("The CSV file must be saved as UTF-8."))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text), dialect)
        header = next(reader, [])
        return self._member_rows(header, enumerate(reader, 2))

    # ------------------------------------------------------------------
    # Checking
    # ------------------------------------------------------------------
    def _subdistrict_lookup(self, names):
        """{text: (subdistrict id, problem code)} for the sub-district cells."""
        Subdistrict = self.env["welfare.subdistrict"]
        result = {}
        codes = [n for n in names if n.isdigit()]
        texts = [n for n in names if not n.isdigit()]
        by_code = {s.code: s.id for s in Subdistrict.search([("code", "in", codes)])}
        province = self.fund_id.state_id
        candidates = {}
        if texts:
            domain = [("name", "in", texts)]
            if province:
                domain.append(("state_id", "=", province.id))
            for sub in Subdistrict.search(domain):
                candidates.setdefault(sub.name, []).append(sub)
        for name in names:
            if name.isdigit():
                sub_id = by_code.get(name)
                result[name] = (sub_id, None if sub_id else "unknown_subdistrict")
                continue
            found = candidates.get(name, [])
            if len(found) > 1:
                # prefer the fund's own district when a name repeats
                found = [
                    s for s in found if s.district_id == self.fund_id.district_id
                ] or found
            if len(found) == 1:
                result[name] = (found[0].id, None)
            elif found:
                result[name] = (None, "ambiguous_subdistrict")
            else:
                result[name] = (None, "unknown_subdistrict")
        return result

    def _check_rows(self, rows):
        """Clean and check every row: (clean rows, skipped, problems).

        ``problems`` is a list of (row number, column key, value, code, params).
        Nothing is written here.
        """
        header_number, header = rows[0]
        keys = registry.header_keys(header, self._registry_columns())
        missing = registry.missing_columns(keys)
        if missing:
            raise UserError(
                self.env._(
                    "The file lacks the columns %(columns)s: start from the template.",
                    columns=", ".join(self._column_label(k) for k in missing),
                )
            )
        today = welfare_today(self)
        checked = []
        problems = []
        for number, cells in rows[1:]:
            raw = {
                key: cells[index] if index < len(cells) else None
                for index, key in keys.items()
            }
            if all(v is None or str(v).strip() == "" for v in raw.values()):
                continue
            values, row_problems = self._clean_row(raw, today)
            for key, code, params in row_problems:
                problems.append((number, key, raw.get(key), code, params))
            checked.append((number, values, raw))
        # duplicates inside the file
        for key, code in (
            ("national_id", "file_duplicate"),
            ("member_number", "number_duplicate"),
        ):
            dups = registry.file_duplicates([(n, v) for n, v, _r in checked], key)
            raws = {n: r for n, _v, r in checked}
            for number, first in dups.items():
                problems.append(
                    (number, key, raws[number].get(key), code, {"row": first})
                )
        # sub-districts
        names = {v["subdistrict"] for _n, v, _r in checked if v.get("subdistrict")}
        lookup = self._subdistrict_lookup(names)
        for number, values, _raw in checked:
            name = values.pop("subdistrict", None)
            if not name:
                continue
            sub_id, code = lookup[name]
            if code:
                problems.append((number, "subdistrict", name, code, {"value": name}))
            else:
                values["subdistrict_id"] = sub_id
        # against the fund's registry
        Member = self.env["welfare.member"].with_context(active_test=False)
        ids = [v["national_id"] for _n, v, _r in checked if v.get("national_id")]
        existing = {}
        # every member of the fund with these IDs, whatever their status: a
        # person already imported is recognised even after leaving the fund
        for member in Member.search(
            [("fund_id", "=", self.fund_id.id), ("national_id", "in", ids)]
        ):
            existing.setdefault(member.national_id, Member)
            existing[member.national_id] |= member
        numbers = [
            v["member_number"] for _n, v, _r in checked if v.get("member_number")
        ]
        taken = {
            m.member_number: m
            for m in Member.search(
                [("fund_id", "=", self.fund_id.id), ("member_number", "in", numbers)]
            )
        }
        clean = []
        skipped = 0
        for number, values, raw in checked:
            members = existing.get(values.get("national_id"), Member)
            if members.filtered(
                lambda m, v=values: (
                    (m.first_name or "").strip() == v.get("first_name")
                    and (m.last_name or "").strip() == v.get("last_name")
                )
            ):
                skipped += 1  # already imported: re-importing changes nothing
                continue
            member = members.filtered(lambda m: m.state in HOLDING_STATES)[:1]
            if member:
                problems.append(
                    (
                        number,
                        "national_id",
                        raw.get("national_id"),
                        "fund_duplicate",
                        {"number": member.member_number, "name": member.name},
                    )
                )
                continue
            holder = taken.get(values.get("member_number"))
            if holder:
                problems.append(
                    (
                        number,
                        "member_number",
                        raw.get("member_number"),
                        "number_taken",
                        {"number": holder.member_number, "name": holder.name},
                    )
                )
                continue
            clean.append((number, values))
        problems.sort(key=lambda p: p[0])
        return clean, skipped, problems

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------
    def _prepare_member_values(self, values):
        vals = {
            "fund_id": self.fund_id.id,
            "state": "active",
            "member_type": values.get("member_type") or "general",
        }
        for key in (
            "member_number",
            "name_title",
            "first_name",
            "last_name",
            "national_id",
            "birthdate",
            "gender",
            "village_no",
            "subdistrict_id",
            "phone",
            "occupation",
            "join_date",
            "paid_until",
        ):
            if values.get(key):
                vals[key] = values[key]
        if not values.get("paid_until"):
            # the register does not say: paid up to the import (see registry)
            assumed = registry.assumed_paid_until(
                values.get("join_date"), welfare_today(self)
            )
            if assumed:
                vals["paid_until"] = assumed
        if values.get("house_no"):
            vals["street"] = values["house_no"]
        if values.get("beneficiary_name"):
            vals["beneficiary_ids"] = [
                fields.Command.create(
                    {
                        "name": values["beneficiary_name"],
                        "relationship": values.get("beneficiary_relationship")
                        or "other",
                        "share": 100.0,
                    }
                )
            ]
        return vals

    def action_import(self):
        """Check every row; write all of them in batches only when none is wrong."""
        self.ensure_one()
        self.env["welfare.member"].check_access("create")
        rows = self._read_rows()
        if len(rows) < 2:
            raise UserError(self.env._("The file holds no member rows."))
        clean, skipped, problems = self._check_rows(rows)
        self.row_count = len(clean) + skipped + len({p[0] for p in problems})
        self.skipped_count = skipped
        if problems:
            self.write(
                {
                    "state": "errors",
                    "error_count": len(problems),
                    "error_file": base64.b64encode(self._error_report(problems)),
                    "error_filename": "registry_errors.xlsx",
                    "created_count": 0,
                }
            )
            return self._reopen()
        # written set-based: the contacts, members, beneficiaries and the
        # import note of each member in a few INSERTs per batch
        Member = self.env["welfare.member"]
        note = self.env._(
            "Imported from the registry file %(file)s.", file=self.filename or ""
        )
        created_ids = []
        assumed_ids = []
        for batch in split_every(CREATE_BATCH, clean):
            vals_list = [self._prepare_member_values(values) for _n, values in batch]
            members = Member._bulk_create(vals_list, note=note)
            created_ids += members.ids
            assumed_ids += [
                member.id
                for member, (_n, values) in zip(members, batch, strict=True)
                if not values.get("paid_until") and member.paid_until
            ]
        created = Member.browse(created_ids)
        assumed = Member.browse(assumed_ids)
        assumed_date = assumed[:1].paid_until
        if assumed:
            assumed._bulk_log_note(
                self.env._(
                    "The registry file gave no 'paid until' date for this member: "
                    "contributions are counted as paid up to %(date)s, the end of "
                    "the month before the import. Record or cancel payments if the "
                    "member's notebook says otherwise.",
                    date=self._thai_date(assumed_date),
                )
            )
        created._update_arrears()
        self.write(
            {
                "state": "done",
                "assumed_paid_count": len(assumed),
                "assumed_paid_until": assumed_date,
                "created_count": len(created),
                "created_member_ids": [fields.Command.set(created.ids)],
                "error_count": 0,
                "error_file": False,
            }
        )
        return self._reopen()

    def _thai_date(self, date):
        """A day as the member's history shows it: Buddhist-era year."""
        return f"{date.day}/{date.month}/{thai_calendar.be_year(date)}"

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Member Registry"),
        }

    def _report_env(self):
        """Reports are in Thai when Thai is installed, else in the user's language."""
        if self.env["res.lang"]._lang_get("th_TH"):
            return self.with_context(lang="th_TH")
        return self

    def _error_report(self, problems):
        wizard = self._report_env()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet(wizard.env._("Problems"))
        bold = book.add_format({"bold": True, "bg_color": "#F4CCCC", "border": 1})
        headers = [
            wizard.env._("Row"),
            wizard.env._("Column"),
            wizard.env._("Value"),
            wizard.env._("Problem"),
        ]
        for col, title in enumerate(headers):
            sheet.write(0, col, title, bold)
        for line, (number, key, value, code, params) in enumerate(problems, 1):
            sheet.write_number(line, 0, number)
            sheet.write_string(line, 1, wizard._column_label(key))
            sheet.write_string(line, 2, "" if value is None else str(value))
            sheet.write_string(line, 3, wizard._problem_text(code, params))
        sheet.set_column(0, 0, 8)
        sheet.set_column(1, 2, 24)
        sheet.set_column(3, 3, 80)
        sheet.freeze_panes(1, 0)
        book.close()
        return output.getvalue()

    @api.model
    def _template_example(self):
        """{column key: text} of the template's example row."""
        return {
            "member_number": "",
            "name_title": "นาย",
            "first_name": "สมชาย",
            "last_name": "ใจดี",
            "national_id": thai_id.make("110170012345"),
            "birthdate": "15/08/2510",
            "gender": "ชาย",
            "member_type": "ทั่วไป",
            "house_no": "12",
            "village_no": "3",
            "subdistrict": "รอบเมือง",
            "phone": "0812345678",
            "occupation": "ทำนา",
            "join_date": "01/10/2560",
            "paid_until": "30/09/2567",
            "beneficiary_name": "นางสมศรี ใจดี",
            "beneficiary_relationship": "คู่สมรส",
        }

    @api.model
    def _template_notes(self):
        """[(column, explanation)] of the template's second sheet."""
        return [
            ("ชื่อ, นามสกุล, เลขประจำตัวประชาชน, วันที่เข้าเป็นสมาชิก", "ต้องกรอก"),
            ("เลขประจำตัวประชาชน", "13 หลัก มีหรือไม่มีขีดก็ได้ ระบบตรวจเลขหลักสุดท้าย"),
            (
                "เลขที่ขึ้นต้นด้วย 0",
                "รับได้: ออกให้บุคคลที่ไม่มีสถานะทางทะเบียน ระบบบันทึกประเภทบุคคลให้ "
                "(6, 7 = คนต่างด้าว) เลขที่ขึ้นต้นด้วย 9 ไม่มี",
            ),
            ("วันที่", "วัน/เดือน/ปี พ.ศ. หรือ ค.ศ. เช่น 15/08/2510 หรือ 15/08/1967"),
            ("คำนำหน้า", "นาย, นาง, นางสาว, เด็กชาย, เด็กหญิง"),
            ("เพศ", "ชาย, หญิง"),
            (
                "ประเภทสมาชิก",
                "ทั่วไป, เด็กและเยาวชน, ผู้สูงอายุ, ผู้ด้อยโอกาส, ผู้พิการ, เด็กกำพร้า",
            ),
            ("ตำบล", "ชื่อตำบลในจังหวัดของกองทุน หรือรหัสตำบล 6 หลัก"),
            ("ความสัมพันธ์", "คู่สมรส, บุตร, บิดา, มารดา, พี่น้อง, หลาน, ญาติ, อื่นๆ"),
            ("เลขที่สมาชิก", "เว้นว่างได้ ระบบจะออกเลขให้"),
            (
                "ชำระเงินสมทบถึงวันที่",
                "วันสุดท้ายที่เงินสมทบครอบคลุม ถ้าเว้นว่าง ระบบถือว่าสมาชิกชำระครบถึง"
                "วันสิ้นเดือนก่อนวันนำเข้า (การนำเข้าทะเบียนเดิมไม่ทำให้ผู้ใดพ้นสมาชิกภาพ) "
                "บันทึกไว้ในประวัติของสมาชิก และแจ้งจำนวนแถวในผลการนำเข้า",
            ),
            (
                "การนำเข้าซ้ำ",
                "แถวของบุคคลที่มีในทะเบียนแล้ว (เลขประจำตัวและชื่อตรงกัน) จะข้ามไป",
            ),
        ]

    @api.model
    def _template_bytes(self):
        """The registry template: a header row, one example and the codes."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet("สมาชิก")
        head = book.add_format({"bold": True, "bg_color": "#D9EAD3", "border": 1})
        required = book.add_format({"bold": True, "bg_color": "#FCE5CD", "border": 1})
        text = book.add_format({"num_format": "@"})
        example = self._template_example()
        for col, (key, thai, _english, req) in enumerate(self._registry_columns()):
            sheet.write(0, col, thai, required if req else head)
            sheet.write_string(1, col, example.get(key, ""), text)
            sheet.set_column(col, col, 18, text)
        sheet.freeze_panes(1, 0)
        notes = book.add_worksheet("คำอธิบาย")
        lines = [("คอลัมน์", "คำอธิบาย"), *self._template_notes()]
        for row, (a, b) in enumerate(lines):
            notes.write(row, 0, a, head if row == 0 else None)
            notes.write(row, 1, b, head if row == 0 else None)
        notes.set_column(0, 0, 45)
        notes.set_column(1, 1, 80)
        book.close()
        return output.getvalue()

    def action_download_template(self):
        self.ensure_one()
        self.template_file = base64.b64encode(self._template_bytes())
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/"
            "member_registry_template.xlsx?download=true",
            "target": "self",
        }

    def action_download_errors(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/error_file/"
            f"{self.error_filename or 'registry_errors.xlsx'}?download=true",
            "target": "self",
        }

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_member_action"
        )
        action["domain"] = [("id", "in", self.created_member_ids.ids)]
        action["context"] = {}
        return action

    def action_retry(self):
        self.ensure_one()
        self.write({"state": "upload", "error_file": False, "error_count": 0})
        return self._reopen()
