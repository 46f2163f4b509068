import datetime
import io

import openpyxl
import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AccountingCase

FORMULA = "=cmd|' /C calc'!A0"
REFUSED = (UserError, ValidationError, ValueError, psycopg2.IntegrityError)


@tagged("post_install", "-at_install")
class TestHardeningBadInput(AccountingCase):
    """Grants and the ledger's spreadsheets against bad values."""

    def _counts(self):
        return (
            self.env["welfare.grant"].search_count([]),
            self.env["account.move"].search_count([]),
        )

    def assertRefusedAndNothingWritten(self, work):
        before = self._counts()
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                work()
        except REFUSED:
            pass
        else:
            self.fail("the bad value was accepted")
        self.env.invalidate_all()
        self.assertEqual(self._counts(), before)

    def _grant(self, **vals):
        values = {
            "fund_id": self.fund.id,
            "source": "donation",
            "date": self.today,
            "amount": 1000.0,
            "payment_method": "transfer",
        }
        values.update(vals)
        return self.env["welfare.grant"].with_user(self.accountant).create(values)

    def test_zero_negative_and_wrongly_typed_grants_are_refused(self):
        for amount in (0.0, -500.0, "หนึ่งพัน"):
            with self.subTest(amount=amount):
                self.assertRefusedAndNothingWritten(
                    lambda amount=amount: self._grant(amount=amount).action_post()
                )

    def test_matching_money_without_its_round_is_refused(self):
        self.assertRefusedAndNothingWritten(
            lambda: self._grant(source="codi_matching", matching_round=0)
        )

    def test_grant_with_more_than_two_decimals_posts_to_the_satang(self):
        grant = self._grant(amount=1000.005)
        grant.action_post()
        self.assertEqual(grant.amount, 1000.01)
        self.assertEqual(grant.move_id.amount_total, 1000.01)

    def test_grant_dated_in_buddhist_era_is_not_posted(self):
        grant = self._grant(date=datetime.date(2568, 3, 1))
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(UserError):
            grant.action_post()
        self.assertEqual(grant.state, "draft")
        self.assertEqual(self.env["account.move"].search_count([]), moves)

    def test_matching_spreadsheet_never_holds_a_formula(self):
        member = self._member(FORMULA, join_date=datetime.date(2015, 1, 1))
        request = self.env["welfare.matching.request"].create(
            {"fund_id": self.fund.id, "fiscal_year": 2025}
        )
        self.env["welfare.matching.request.line"].create(
            {"request_id": request.id, "member_id": member.id, "amount": 30.0}
        )
        content, _kind = self.env["ir.actions.report"]._render(
            "welfare_accounting.action_report_welfare_matching_request_xlsx",
            request.ids,
            {},
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        cells = [
            c for sheet in book.worksheets for row in sheet.iter_rows() for c in row
        ]
        self.assertTrue(any(FORMULA in str(c.value or "") for c in cells))
        self.assertFalse([c.coordinate for c in cells if c.data_type == "f"])

    def _submitted_request(self):
        request = self.env["welfare.matching.request"].create(
            {"fund_id": self.fund.id, "fiscal_year": 2025}
        )
        self.env["welfare.matching.request.line"].create(
            {"request_id": request.id, "member_id": self.member.id, "amount": 30.0}
        )
        request.action_submit()
        return request

    def test_matching_money_received_must_be_positive_and_dated_today_or_before(self):
        request = self._submitted_request()
        for vals in (
            {"amount": 0.0},
            {"amount": -30.0},
            {"amount": 30.0, "date": self.today.replace(year=self.today.year + 543)},
        ):
            with self.subTest(vals=vals):
                wizard = (
                    self.env["welfare.matching.receive.wizard"]
                    .with_user(self.committee)
                    .create({"request_id": request.id, **vals})
                )
                self.assertRefusedAndNothingWritten(wizard.action_confirm)
                self.assertEqual(request.state, "submitted")
                self.assertFalse(request.grant_id)
