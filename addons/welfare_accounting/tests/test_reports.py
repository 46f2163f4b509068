import datetime
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.welfare_base.tests.report_reader import normalize, pdf_text

from .common import AccountingCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestReports(AccountingCase, HttpCase):
    """HttpCase: wkhtmltopdf fetches the report assets from the test server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.date_from, cls.date_to = D(2025, 10, 1), D(2026, 9, 30)
        Grant = cls.env["welfare.grant"]
        # before the period: opening balance
        Grant.create(
            {
                "fund_id": cls.fund.id,
                "source": "codi_seed",
                "amount": 5000.0,
                "date": D(2025, 5, 1),
            }
        ).action_post()
        # paid until the end of fiscal year 2025: the 360 baht paid on
        # 1 December 2025 pay for fiscal year 2026
        cls.member._workflow_write({"paid_until": D(2025, 9, 30)})
        payments = cls._payment(cls.member, 360.0, "cash", date=D(2025, 12, 1))
        payments |= cls._payment(
            cls.member2, 100.0, "cash", date=D(2026, 1, 5), kind="entry_fee"
        )
        payments.action_confirm()
        cls.member._workflow_write({"state": "active"})
        grants = Grant.create(
            [
                {
                    "fund_id": cls.fund.id,
                    "source": "codi_matching",
                    "matching_round": 1,
                    "amount": 1000.0,
                    "date": D(2026, 2, 1),
                },
                {
                    "fund_id": cls.fund.id,
                    "source": "local_government",
                    "amount": 2000.0,
                    "date": D(2026, 3, 1),
                },
                {
                    "fund_id": cls.other_fund.id,
                    "source": "donation",
                    "amount": 777.0,
                    "date": D(2026, 3, 1),
                },
            ]
        )
        grants.action_post()
        # administrative costs: a stationery bill paid in cash
        cls.fund._welfare_post_moves(
            [
                {
                    "journal_id": cls.env.ref(f"account.{cls.company.id}_general").id,
                    "date": D(2026, 4, 1),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "account_id": cls.fund._welfare_account(
                                    "stationery"
                                ).id,
                                "debit": 900.0,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "account_id": cls.fund._welfare_account("cash").id,
                                "credit": 900.0,
                            },
                        ),
                    ],
                }
            ]
        )
        cls.wizard = cls.env["welfare.statement.wizard"].create(
            {"fund_id": cls.fund.id, "date_from": cls.date_from, "date_to": cls.date_to}
        )

    def _ledger(self, domain):
        lines = self.env["account.move.line"].search(
            [
                ("company_id", "=", self.company.id),
                ("parent_state", "=", "posted"),
                *domain,
            ]
        )
        return sum(lines.mapped("balance"))

    def test_statement_totals_equal_the_ledger(self):
        st = self.wizard._statement()
        period = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        receipts = -self._ledger(
            [*period, ("account_id.account_type", "in", ("income", "income_other"))]
        )
        payments = self._ledger([*period, ("account_id.account_type", "=", "expense")])
        self.assertEqual(st["receipts_total"], receipts)
        self.assertEqual(st["receipts_total"], 360.0 + 100.0 + 1000.0 + 2000.0)
        self.assertEqual(st["payments_total"], payments)
        self.assertEqual(st["receipts"]["entry_fee"], 100.0)
        self.assertEqual(st["matching_rounds"], [(1, 1000.0)])

    def test_statement_opening_and_closing_cash_and_bank(self):
        st = self.wizard._statement()
        self.assertEqual(st["opening"]["bank"], 5000.0)
        self.assertEqual(st["opening"]["cash"], 0.0)
        self.assertEqual(st["closing"]["cash"], 360.0 + 100.0 - 900.0)
        self.assertEqual(st["closing"]["bank"], 5000.0 + 1000.0 + 2000.0)
        self.assertEqual(st["difference"], 0.0)

    def test_statement_warns_when_admin_costs_pass_20_percent(self):
        st = self.wizard._statement()
        self.assertEqual(st["admin_total"], 900.0)
        self.assertEqual(st["admin_share"], 26.01)
        self.assertTrue(st["admin_over_limit"])

    def test_statement_pdf_renders(self):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "welfare_accounting.action_report_welfare_statement", self.wizard.ids
            )
        )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        for printed in (
            self.fund.name,
            "1 ตุลาคม 2568",
            "30 กันยายน 2569",
            "3,460.00",  # total receipts
            "900.00",  # total payments
        ):
            self.assertIn(normalize(printed), text)

    def test_statement_xlsx_holds_the_totals(self):
        content, kind = self.env["ir.actions.report"]._render(
            "welfare_accounting.action_report_welfare_statement_xlsx",
            self.wizard.ids,
            {},
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = {
            row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value
        }
        self.assertEqual(values["Total receipts"], 3460.0)
        self.assertEqual(values["Total payments"], 900.0)

    def _xlsx_column(self, report, ids, data):
        content, _kind = self.env["ir.actions.report"]._render(report, ids, data)
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [str(row[0].value) for row in sheet.iter_rows() if row[0].value]

    def _pending_notes(self, rows):
        return [text for text in rows if text.startswith("Not yet in these figures")]

    def test_statement_and_status_form_say_what_open_days_hold_back(self):
        day = self.env["welfare.collection"].create(
            {"fund_id": self.fund.id, "date": D(2026, 6, 1)}
        )
        payment = self._payment(self.member2, 30.0, collection_id=day.id)
        payment.action_confirm()
        statement = "welfare_accounting.action_report_welfare_statement_xlsx"
        status = "welfare_accounting.action_report_welfare_fund_status_xlsx"
        for report, ids, data in (
            (statement, self.wizard.ids, {}),
            (status, self.fund.ids, {"fiscal_year": 2026}),
        ):
            with self.subTest(report=report):
                notes = self._pending_notes(self._xlsx_column(report, ids, data))
                self.assertEqual(len(notes), 1)
                self.assertIn("1 payments of 30.00 baht", notes[0])
                self.assertIn("1 collection days still open", notes[0])
        # the ledger's figures leave the open day out, until it is closed
        self.assertEqual(self.wizard._statement()["receipts_total"], 3460.0)
        day.action_close()
        self.assertEqual(self.wizard._statement()["receipts_total"], 3490.0)
        for report, ids, data in (
            (statement, self.wizard.ids, {}),
            (status, self.fund.ids, {"fiscal_year": 2026}),
        ):
            with self.subTest(report=report, closed=True):
                self.assertFalse(
                    self._pending_notes(self._xlsx_column(report, ids, data))
                )

    def test_fund_status_form_renders(self):
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True, welfare_fiscal_year=2026)
            ._render_qweb_pdf(
                "welfare_accounting.action_report_welfare_fund_status", self.fund.ids
            )
        )
        text = pdf_text(pdf)
        for printed in (
            self.fund.name,
            self.fund.code,
            "2569",  # the fiscal year in B.E., without a thousands separator
            "1 ตุลาคม 2568",
            "30 กันยายน 2569",
            "5,000.00",  # CODI seed money
        ):
            self.assertIn(normalize(printed), text)
        self.assertNotIn("2,569", text)

    def test_fund_status_counts_members_and_money(self):
        status = self.fund._welfare_status(2026)
        self.assertEqual(status["members_current"], 2)
        money = dict(status["money_by_source"])
        self.assertEqual(money["codi_seed"], 5000.0)
        self.assertEqual(money["contribution"], 360.0)

    def test_provincial_summary_xlsx_lists_each_fund(self):
        funds = self.fund | self.other_fund
        content, _kind = self.env["ir.actions.report"]._render(
            "welfare_accounting.action_report_welfare_provincial_summary",
            funds.ids,
            {"fiscal_year": 2026},
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = {
            row[1].value: [cell.value for cell in row]
            for row in sheet.iter_rows(min_row=5)
            if row[1].value
        }
        self.assertEqual(rows["T-ACC-1"][4], 460.0)  # members' contributions and fees
        self.assertEqual(rows["T-ACC-1"][5], 1000.0)  # CODI within the year
        self.assertEqual(rows["T-ACC-1"][6], 2000.0)
        self.assertEqual(rows["T-ACC-2"][7], 777.0)

    def test_network_reviewer_gets_the_summary_of_their_funds(self):
        network = self._user(
            "acc_network", "welfare_base.group_welfare_network", self.fund
        )
        network.company_ids |= self.other_fund.company_id
        funds = (self.fund | self.other_fund).with_user(network)
        rows = funds._welfare_provincial_summary(self.date_from, self.date_to)
        self.assertEqual([row["codi_leg"] for row in rows], [1000.0, 0.0])
        with self.assertRaises(AccessError):
            self.fund.company_id.with_user(network).env["account.move.line"].search(
                [("company_id", "=", self.company.id)]
            ).mapped("debit")

    def test_matching_request_form_renders_pdf_and_xlsx(self):
        request = self.env["welfare.matching.request"].create(
            {"fund_id": self.fund.id, "fiscal_year": 2026}
        )
        request.action_compute_lines()
        self.assertEqual(len(request.line_ids), 1)
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "welfare_accounting.action_report_welfare_matching_request",
                request.ids,
            )
        )
        text = pdf_text(pdf)
        fmt = self.env["welfare.format"]
        for printed in (
            self.fund.name,
            self.member.name,
            "2569",
            "360.00",
            fmt.baht_text(request.amount_total),
        ):
            self.assertIn(normalize(printed), text)
        self.assertNotIn("2,569", text)
        content, _kind = self.env["ir.actions.report"]._render(
            "welfare_accounting.action_report_welfare_matching_request_xlsx",
            request.ids,
            {},
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.cell(row=6, column=4).value, self.member.name)
        self.assertEqual(sheet.cell(row=6, column=9).value, 360.0)
