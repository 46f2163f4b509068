import base64
import datetime
import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.welfare_membership.lib import registry
from odoo.addons.welfare_membership.tests.common_membership import make_id

from .common import PrivacyCase

CONSENT_HEADER = "วันที่ยินยอมข้อมูลความพิการ"


@tagged("post_install", "-at_install")
class TestImportDisabilityConsent(PrivacyCase):
    """A fund's register brings its disabled members with the date each
    signed the consent to the fund keeping disability data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.subdistrict = cls.env.ref("welfare_base.subdistrict_450102")
        cls.fund.subdistrict_id = cls.subdistrict

    def _row(self, seed, **values):
        row = {
            "name_title": "นาง",
            "first_name": f"นำเข้า{seed}",
            "last_name": "ผู้ยินยอม",
            "national_id": make_id(seed),
            "birthdate": "15/08/2510",
            "gender": "หญิง",
            "member_type": "ทั่วไป",
            "join_date": "01/10/2560",
            "paid_until": "2025-09-30",
        }
        row.update(values)
        return row

    def _xlsx(self, rows, header=None):
        header = header or [thai for _k, thai, _en, _r in registry.COLUMNS] + [
            CONSENT_HEADER
        ]
        keys = registry.header_keys(
            header,
            self.env["welfare.member.import"]._registry_columns(),
        )
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append([row.get(keys.get(i)) for i in range(len(header))])
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()

    def _wizard(self, content):
        return (
            self.env["welfare.member.import"]
            .with_user(self.officer)
            .with_context(lang="th_TH")
            .create(
                {
                    "fund_id": self.fund.id,
                    "file": base64.b64encode(content),
                    "filename": "registry.xlsx",
                }
            )
        )

    def _import(self, content):
        wizard = self._wizard(content)
        wizard.action_import()
        return wizard

    def _imported(self, seeds):
        return self.env["welfare.member"].search(
            [("national_id", "in", [make_id(s) for s in seeds])]
        )

    def _disability_consents(self, members):
        return self.Consent.search(
            [("member_id", "in", members.ids), ("purpose", "=", "disability")]
        )

    def _problems(self, wizard):
        sheet = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.error_file))
        ).active
        return [
            [sheet.cell(r, c).value for c in range(1, 5)]
            for r in range(2, sheet.max_row + 1)
        ]

    def test_disabled_rows_come_with_one_consent_each(self):
        wizard = self._import(
            self._xlsx(
                [
                    self._row(
                        8101,
                        member_type="ผู้พิการ",
                        disability_consent_date="05/01/2561",
                    ),
                    self._row(
                        8102,
                        member_type="disabled",
                        disability_consent_date="2019-03-04",
                    ),
                    self._row(8103),
                ]
            )
        )
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_count, 3)
        members = self._imported([8101, 8102, 8103])
        disabled = members.filtered(lambda m: m.member_type == "disabled")
        self.assertEqual(len(disabled), 2)
        consents = self._disability_consents(members)
        self.assertEqual(consents.member_id, disabled)
        self.assertEqual(len(consents), 2)
        by_member = {c.member_id.national_id: c for c in consents}
        self.assertEqual(by_member[make_id(8101)].given_date, datetime.date(2018, 1, 5))
        self.assertEqual(by_member[make_id(8102)].given_date, datetime.date(2019, 3, 4))
        self.assertEqual(set(consents.mapped("method")), {"paper"})
        self.assertEqual(set(consents.mapped("state")), {"given"})
        self.assertEqual(consents.recorded_by_id, self.officer)

    def test_disabled_row_without_consent_date_is_refused_on_its_row(self):
        wizard = self._import(
            self._xlsx(
                [
                    self._row(
                        8201,
                        member_type="ผู้พิการ",
                        disability_consent_date="05/01/2561",
                    ),
                    self._row(8202, member_type="ผู้พิการ"),
                    self._row(8203),
                ]
            )
        )
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(wizard.created_count, 0)
        members = self._imported([8201, 8202, 8203])
        self.assertFalse(members)
        self.assertFalse(
            self.Consent.search([("member_id.national_id", "=", make_id(8201))])
        )
        [problem] = self._problems(wizard)
        self.assertEqual(problem[0], 3)
        self.assertEqual(problem[1], CONSENT_HEADER)
        self.assertIn("ยินยอม", problem[3])
        self.assertIn("ความพิการ", problem[3])

    def test_register_without_the_column_names_each_disabled_row(self):
        header = [thai for _k, thai, _en, _r in registry.COLUMNS]
        wizard = self._import(
            self._xlsx(
                [
                    self._row(8301, member_type="ผู้พิการ"),
                    self._row(8302),
                    self._row(8303, member_type="คนพิการ"),
                ],
                header=header,
            )
        )
        self.assertEqual(wizard.state, "errors")
        self.assertFalse(self._imported([8301, 8302, 8303]))
        problems = self._problems(wizard)
        self.assertEqual([p[0] for p in problems], [2, 4])
        self.assertEqual({p[1] for p in problems}, {CONSENT_HEADER})

    def test_unreadable_or_future_consent_date_is_refused(self):
        wizard = self._import(
            self._xlsx(
                [
                    self._row(
                        8401, member_type="ผู้พิการ", disability_consent_date="32/13/2561"
                    ),
                    self._row(
                        8402, member_type="ผู้พิการ", disability_consent_date="01/01/2700"
                    ),
                ]
            )
        )
        self.assertEqual(wizard.state, "errors")
        self.assertFalse(self._imported([8401, 8402]))
        self.assertEqual([p[0] for p in self._problems(wizard)], [2, 3])

    def test_english_header_is_read_too(self):
        header = [en for _k, _th, en, _r in registry.COLUMNS] + [
            "Disability Consent Date"
        ]
        wizard = self._import(
            self._xlsx(
                [
                    self._row(
                        8501, member_type="ผู้พิการ", disability_consent_date="05/01/2561"
                    )
                ],
                header=header,
            )
        )
        self.assertEqual(wizard.state, "done")
        self.assertEqual(len(self._disability_consents(self._imported([8501]))), 1)

    def test_consents_cost_no_query_per_row(self):
        self._import(
            self._xlsx(
                [
                    self._row(
                        8600, member_type="ผู้พิการ", disability_consent_date="05/01/2561"
                    )
                ]
            )
        )  # the first consent of the fund
        counts = []
        for first, size in ((8610, 3), (8700, 30)):
            wizard = self._wizard(
                self._xlsx(
                    [
                        self._row(
                            first + i,
                            member_type="ผู้พิการ",
                            disability_consent_date="05/01/2561",
                        )
                        for i in range(size)
                    ]
                )
            )
            # both sizes start from cold caches: what is left is what the
            # rows cost
            self.env.registry.clear_all_caches()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard.action_import()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(wizard.created_count, size)
            self.assertEqual(
                len(self._disability_consents(wizard.created_member_ids)), size
            )
        self.assertEqual(counts[0], counts[1])

    def test_template_has_the_consent_column_and_explains_it(self):
        template = self.env["welfare.member.import"]._template_bytes()
        book = openpyxl.load_workbook(io.BytesIO(template))
        header = [c.value for c in book.worksheets[0][1]]
        self.assertIn(CONSENT_HEADER, header)
        notes = [c.value for c in book.worksheets[1]["A"]]
        self.assertIn(CONSENT_HEADER, notes)
