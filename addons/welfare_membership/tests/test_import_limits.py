import base64
import io
import re
import zipfile

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..lib import registry
from .common_membership import MembershipCase, make_id

HEADER = [thai for _key, thai, _en, _req in registry.COLUMNS]


@tagged("post_install", "-at_install")
class TestImportLimits(MembershipCase):
    """A registry file is read by the cells it holds, within documented limits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")

    def _row(self, seed):
        values = {
            "first_name": f"ขนาด{seed}",
            "last_name": "ทดสอบ",
            "national_id": make_id(60000 + seed),
            "join_date": "01/10/2560",
        }
        return [values.get(key) for key, *_rest in registry.COLUMNS]

    def _xlsx(self, rows, dimension=None):
        """An XLSX of the header and ``rows``; ``dimension`` replaces the size
        the sheet declares (as another program may write it)."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        output = io.BytesIO()
        book.save(output)
        if not dimension:
            return output.getvalue()
        patched = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(output.getvalue())) as source,
            zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data, count = re.subn(
                        rb'<dimension ref="[^"]*"/>',
                        b'<dimension ref="%s"/>' % dimension.encode(),
                        data,
                    )
                    self.assertEqual(count, 1, "the sheet declares its size")
                target.writestr(info, data)
        return patched.getvalue()

    def _wizard(self, content, filename="registry.xlsx"):
        return (
            self.env["welfare.member.import"]
            .with_user(self.officer)
            .with_context(lang="th_TH")
            .create(
                {
                    "fund_id": self.fund.id,
                    "file": base64.b64encode(content),
                    "filename": filename,
                }
            )
        )

    def _fund_member_count(self):
        return self.Member.with_context(active_test=False).search_count(
            [("fund_id", "=", self.fund.id)]
        )

    def test_sheet_claiming_the_whole_grid_is_read_by_its_real_cells(self):
        content = self._xlsx([self._row(1), self._row(2)], "A1:XFD1048576")
        wizard = self._wizard(content)
        rows = wizard._read_rows()
        # the header and two members: not 1,048,576 rows of 16,384 cells
        self.assertEqual([number for number, _cells in rows], [1, 2, 3])
        self.assertEqual(sum(len(cells) for _number, cells in rows), 3 * len(HEADER))
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(
            sorted(wizard.created_member_ids.mapped("first_name")),
            ["ขนาด1", "ขนาด2"],
        )

    def test_cells_beyond_the_header_are_not_read(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        sheet.append(self._row(3))
        sheet.cell(row=2, column=16384, value="ท้ายแถว")
        sheet.cell(row=40000, column=1, value="")
        output = io.BytesIO()
        book.save(output)
        rows = self._wizard(output.getvalue())._read_rows()
        self.assertEqual([number for number, _cells in rows], [1, 2])
        self.assertEqual(len(rows[1][1]), len(HEADER))

    def test_file_above_the_size_limit_is_refused_in_thai(self):
        content = self._xlsx([self._row(4)])
        content += b"\0" * (registry.MAX_FILE_BYTES + 1 - len(content))
        wizard = self._wizard(content)
        with self.assertRaisesRegex(UserError, r"ไฟล์มีขนาด 32\.1 MB .*ไม่เกิน 32 MB"):
            wizard.action_import()
        self.assertEqual(self._fund_member_count(), 0)

    def test_file_unpacking_to_gigabytes_is_refused_in_thai(self):
        content = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(self._xlsx([self._row(6)]))) as source,
            zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for info in source.infolist():
                archive.writestr(info, source.read(info.filename))
            with archive.open("xl/padding.xml", "w") as part:
                block = b" " * (1024 * 1024)
                for _i in range(registry.MAX_UNPACKED_BYTES // len(block) + 1):
                    part.write(block)
        self.assertLess(len(content.getvalue()), registry.MAX_FILE_BYTES)
        with self.assertRaisesRegex(UserError, "ไฟล์เมื่อแตกออกมีขนาด"):
            self._wizard(content.getvalue()).action_import()
        self.assertEqual(self._fund_member_count(), 0)

    def test_more_rows_than_the_limit_are_refused_in_thai(self):
        lines = [",".join(HEADER)]
        lines += [f"{seed},,สมาชิก{seed},ทดสอบ" for seed in range(registry.MAX_ROWS + 1)]
        wizard = self._wizard("\n".join(lines).encode(), "registry.csv")
        with self.assertRaisesRegex(UserError, "มากกว่า 100,000 แถว"):
            wizard.action_import()
        self.assertEqual(self._fund_member_count(), 0)

    def test_limit_of_rows_counts_members_not_empty_rows(self):
        row = ["" if value is None else value for value in self._row(5)]
        lines = [",".join(HEADER), ",".join(row)]
        lines += [","] * (registry.MAX_ROWS + 10)
        wizard = self._wizard("\n".join(lines).encode(), "registry.csv")
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_count, 1)
