import base64
import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import registry, thai_id
from .common_membership import MembershipCase, make_id

HEADER = [thai for _key, thai, _en, _req in registry.COLUMNS]


@tagged("post_install", "-at_install")
class TestImport(MembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subdistrict = cls.env.ref("welfare_base.subdistrict_450102")
        cls.fund.subdistrict_id = cls.subdistrict

    def _row(self, seed, **values):
        row = dict.fromkeys(key for key, *_rest in registry.COLUMNS)
        row.update(
            name_title="นาง",
            first_name=f"นำเข้า{seed}",
            last_name="ทะเบียนเดิม",
            national_id=make_id(seed),
            birthdate="15/08/2510",
            gender="หญิง",
            member_type="ทั่วไป",
            village_no="3",
            subdistrict=self.subdistrict.name,
            join_date="01/10/2560",
            paid_until="2025-09-30",
            beneficiary_name="นายลูก ทะเบียนเดิม",
            beneficiary_relationship="บุตร",
        )
        row.update(values)
        return [row[key] for key, *_rest in registry.COLUMNS]

    def _xlsx(self, rows):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()

    def _import(self, content, filename="registry.xlsx"):
        wizard = (
            self.env["welfare.member.import"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "file": base64.b64encode(content),
                    "filename": filename,
                }
            )
        )
        wizard.action_import()
        return wizard

    def _fund_members(self):
        return self.Member.search([("fund_id", "=", self.fund.id)])

    def test_valid_file_creates_every_member(self):
        wizard = self._import(self._xlsx([self._row(1), self._row(2), self._row(3)]))
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_count, 3)
        member = wizard.created_member_ids.filtered(lambda m: m.first_name == "นำเข้า1")
        self.assertEqual(member.name, "นางนำเข้า1 ทะเบียนเดิม")
        self.assertEqual(str(member.birthdate), "1967-08-15")
        self.assertEqual(str(member.join_date), "2017-10-01")
        self.assertEqual(member.subdistrict_id, self.subdistrict)
        self.assertEqual(member.beneficiary_ids.relationship, "child")
        self.assertEqual(member.beneficiary_ids.share, 100)

    def test_csv_file_is_imported_too(self):
        lines = [",".join(HEADER)]
        lines += [",".join("" if c is None else str(c) for c in self._row(7))]
        wizard = self._import("\n".join(lines).encode("utf-8-sig"), "registry.csv")
        self.assertEqual(wizard.created_count, 1)

    def test_file_with_every_kind_of_error_writes_nothing(self):
        before = len(self._fund_members())
        existing = self._member(first_name="มีอยู่", last_name="แล้ว")
        bad_checksum = make_id(40)[:12] + str((int(make_id(40)[12]) + 1) % 10)
        rows = [
            self._row(30),  # a good row: not written either
            self._row(31, first_name=None),  # required field missing
            self._row(32, national_id=bad_checksum),  # checksum
            self._row(33, national_id="12345"),  # length
            self._row(34, birthdate="31/02/2510"),  # impossible date
            self._row(35, join_date="01/01/2700"),  # future date (BE)
            self._row(36, subdistrict="ไม่มีตำบลนี้"),  # unknown sub-district
            self._row(37, gender="ไม่ระบุชัด"),  # unknown choice
            self._row(30, first_name="ซ้ำในไฟล์"),  # duplicate within the file
            self._row(38, national_id=existing.national_id),  # duplicate in the fund
        ]
        wizard = self._import(self._xlsx(rows))
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(len(self._fund_members()), before + 1)
        report = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.error_file))
        ).active
        reported_rows = {report.cell(r, 1).value for r in range(2, report.max_row + 1)}
        # header is row 1, file rows 3..11 are wrong; the good row 2 is not reported
        self.assertEqual(reported_rows, set(range(3, 12)))
        self.assertTrue(
            all(report.cell(r, 4).value for r in range(2, report.max_row + 1))
        )

    def test_reimporting_the_same_file_creates_no_duplicates(self):
        content = self._xlsx([self._row(50), self._row(51)])
        self._import(content)
        count = len(self._fund_members())
        again = self._import(content)
        self.assertEqual(again.state, "done")
        self.assertEqual(again.created_count, 0)
        self.assertEqual(again.skipped_count, 2)
        self.assertEqual(len(self._fund_members()), count)

    def test_imported_members_in_arrears_get_their_status(self):
        wizard = self._import(self._xlsx([self._row(60, paid_until="01/01/2563")]))
        self.assertEqual(wizard.created_member_ids.state, "terminated")

    def test_a_register_without_paid_until_ends_nobodys_membership(self):
        """A member who joined years ago, with "paid until" left empty, stays
        active and paid up to the end of the month before the import."""
        today = welfare_today(self.Member)
        joined = today - relativedelta(years=3)
        wizard = self._import(
            self._xlsx(
                [
                    self._row(70, paid_until=None, join_date=joined.isoformat()),
                    self._row(71, paid_until=None, join_date=joined.isoformat()),
                    self._row(72),
                ]
            )
        )
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.assumed_paid_count, 2)
        end_of_last_month = today.replace(day=1) - relativedelta(days=1)
        self.assertEqual(wizard.assumed_paid_until, end_of_last_month)
        members = wizard.created_member_ids.filtered(
            lambda m: m.first_name in ("นำเข้า70", "นำเข้า71")
        )
        self.assertEqual(members.mapped("state"), ["active", "active"])
        self.assertEqual(members.mapped("paid_until"), [end_of_last_month] * 2)
        self.assertEqual(members.mapped("months_in_arrears"), [0, 0])
        # the arrears job the next day terminates nobody either
        members._update_arrears(today + relativedelta(days=1))
        self.assertEqual(members.mapped("state"), ["active", "active"])
        # each member's history says how the date was set
        for member in members:
            notes = member.message_ids.mapped("body")
            self.assertTrue(any("paid until" in str(body) for body in notes), notes)
        # the row that gave its own date keeps it
        other = wizard.created_member_ids - members
        self.assertEqual(str(other.paid_until), "2025-09-30")

    def test_template_explains_an_empty_paid_until(self):
        wizard = self.env["welfare.member.import"].create({"fund_id": self.fund.id})
        wizard.action_download_template()
        notes = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.template_file))
        )["คำอธิบาย"]
        texts = [row[1] for row in notes.iter_rows(values_only=True)]
        self.assertTrue(any("ถ้าเว้นว่าง" in (text or "") for text in texts))

    def test_a_national_id_starting_with_0_is_imported(self):
        number = thai_id.make("000189012345")
        wizard = self._import(self._xlsx([self._row(80, national_id=number)]))
        self.assertEqual(wizard.state, "done")
        member = wizard.created_member_ids
        self.assertEqual(member.national_id, number)
        self.assertEqual(member.person_category, "no_status")

    def test_template_can_be_downloaded_and_read_back(self):
        wizard = self.env["welfare.member.import"].create({"fund_id": self.fund.id})
        action = wizard.action_download_template()
        self.assertIn("template_file", action["url"])
        sheet = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.template_file))
        ).worksheets[0]
        header = [c.value for c in sheet[1]]
        # the registry's columns, then those the installed modules add
        self.assertEqual(header[: len(HEADER)], HEADER)
        self.assertEqual(
            header, [thai for _key, thai, _en, _req in wizard._registry_columns()]
        )
