import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.welfare_base.tests.report_reader import (
    normalize,
    pdf_text,
    xlsx_rows,
)

from .common import AccountingCase

D = datetime.date
PDF = "welfare_accounting.action_report_welfare_fund_status"
XLSX = "welfare_accounting.action_report_welfare_fund_status_xlsx"
SUMMARY = "welfare_accounting.action_report_welfare_provincial_summary"


@tagged("post_install", "-at_install")
class TestStatusAtYearEnd(AccountingCase, HttpCase):
    """The fund status form and the provincial summary of a chosen fiscal year
    count members as they stood on 30 September of that year, not today.

    HttpCase: wkhtmltopdf fetches the report assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Fiscal year 2026 (B.E. 2569) ends on 30 September 2026.
        cls.left_after = cls._member("นายลาออก หลังสิ้นปี", join_date=D(2020, 1, 1))
        cls.left_after._workflow_write(
            {
                "state": "resigned",
                "state_date": D(2026, 11, 15),
                "resign_date": D(2026, 11, 15),
            }
        )
        cls.ended_during = cls._member("นางพ้นสภาพ ระหว่างปี", join_date=D(2020, 1, 1))
        cls.ended_during._workflow_write(
            {"state": "terminated", "state_date": D(2026, 3, 1)}
        )
        cls.newcomer = cls._member(
            "นายสมาชิกใหม่ สิงหาคม", join_date=D(2026, 8, 1), state="applicant"
        )
        cls.newcomer._workflow_write({"state": "active", "state_date": D(2026, 8, 1)})
        cls.joined_after = cls._member("นางมาทีหลัง ตุลาคม", join_date=D(2026, 10, 15))
        cls.reinstated = cls._member("นายกลับมา อีกครั้ง", join_date=D(2020, 1, 1))
        cls.reinstated._workflow_write(
            {"state": "terminated", "state_date": D(2026, 6, 1)}
        )
        cls.reinstated._workflow_write(
            {"state": "active", "state_date": D(2026, 10, 20)}
        )
        # On 30 September 2026: current = the two members of the common set-up,
        # the one who resigned later and the newcomer; accumulated adds the
        # terminated and the (then terminated) reinstated member.

    def test_changes_of_status_are_recorded_with_their_day(self):
        history = self.reinstated.status_history_ids
        self.assertEqual(
            [(h.date, h.old_state, h.state) for h in history],
            [
                (D(2026, 6, 1), "active", "terminated"),
                (D(2026, 10, 20), "terminated", "active"),
            ],
        )

    def test_status_history_cannot_be_forged(self):
        history = self.reinstated.status_history_ids[:1]
        for user in (self.officer, self.committee):
            with self.assertRaises(AccessError):
                history.with_user(user).write({"state": "active"})
            with self.assertRaises(AccessError):
                self.env["welfare.member.status"].with_user(user).create(
                    {
                        "member_id": self.member.id,
                        "company_id": self.company.id,
                        "date": D(2026, 1, 1),
                        "state": "terminated",
                    }
                )
        self.assertEqual(history.state, "terminated")

    def test_counts_are_those_of_the_year_end_not_today(self):
        status = self.fund._welfare_status(2026)
        self.assertEqual(status["members_current"], 4)
        self.assertEqual(status["members_accumulated"], 6)
        # members of a year on 30 Sep 2026: the common two and the one who
        # resigned in November
        self.assertEqual(status["members_one_year"], 3)
        # today the fund counts otherwise: the resigned member is gone, the
        # reinstated member and the late joiner are back or new
        self.assertEqual(self.fund.member_count, 5)

    def test_pdf_form_prints_the_year_end_counts(self):
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(PDF, self.fund.ids, data={"fiscal_year": 2026})
        )
        text = pdf_text(pdf)
        self.assertIn(normalize("Fiscal year 2569"), text)
        self.assertIn(normalize("Members as they stood on 30 กันยายน 2569"), text)
        self.assertIn(normalize("Accumulated members (since founding) 6"), text)
        self.assertIn(
            normalize("Current members 4 Members of at least one year 3"), text
        )

    def test_xlsx_form_writes_the_year_end_counts(self):
        content, _kind = self.env["ir.actions.report"]._render(
            XLSX, self.fund.ids, {"fiscal_year": 2026}
        )
        values = {row[0]: row[1] for row in xlsx_rows(content) if row and row[0]}
        self.assertEqual(values["Current members"], 4)
        self.assertEqual(values["Accumulated members (since founding)"], 6)
        self.assertEqual(values["Members of at least one year"], 3)
        self.assertIn("Members as they stood on 30 กันยายน 2569", values)

    def test_provincial_summary_counts_members_at_the_year_end(self):
        funds = self.fund | self.other_fund
        content, _kind = self.env["ir.actions.report"]._render(
            SUMMARY, funds.ids, {"fiscal_year": 2026}
        )
        rows = {row[1]: row for row in xlsx_rows(content)[4:] if row[1]}
        self.assertEqual(rows["T-ACC-1"][3], 4)
        self.assertEqual(rows["T-ACC-2"][3], 1)

    def test_wizard_in_october_proposes_the_year_just_ended(self):
        with freeze_time("2026-10-05"):
            wizard = Form(
                self.env["welfare.fund.status.wizard"].with_context(
                    active_model="welfare.fund", active_ids=self.fund.ids
                )
            ).save()
        self.assertEqual(wizard.fiscal_year_be, 2569)
        self.assertEqual(wizard.fund_ids, self.fund)
        with freeze_time("2027-01-10"):
            later = Form(
                self.env["welfare.fund.status.wizard"].with_context(
                    active_model="welfare.fund", active_ids=self.fund.ids
                )
            ).save()
        self.assertEqual(later.fiscal_year_be, 2570)

    def test_wizard_prints_the_chosen_year(self):
        wizard = self.env["welfare.fund.status.wizard"].create(
            {"fund_ids": [(6, 0, self.fund.ids)], "fiscal_year_be": 2569}
        )
        action = wizard.action_print_pdf()
        self.assertEqual(action["data"], {"fiscal_year": 2026})
        self.assertEqual(action["context"].get("active_ids"), self.fund.ids)
