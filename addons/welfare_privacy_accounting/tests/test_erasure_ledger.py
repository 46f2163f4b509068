from odoo.tests import tagged

from odoo.addons.welfare_accounting.tests.common import AccountingCase
from odoo.addons.welfare_base.lib.thai_calendar import (
    fiscal_year_bounds,
    fiscal_year_of,
)
from odoo.addons.welfare_base.models.welfare_date import welfare_today


@tagged("post_install", "-at_install")
class TestErasureKeepsTheBooks(AccountingCase):
    """A former member's erasure: every ledger balanced, every statement and
    fund status form unchanged in its totals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["welfare.consent"].create(
            {"member_id": cls.member.id, "purpose": "health"}
        )
        payments = cls._payment(cls.member, 360.0, "cash")
        payments |= cls._payment(cls.member2, 120.0, "cash")
        payments.action_confirm()
        cls.payments = payments
        benefit = cls.env["welfare.benefit.type"].create(
            {
                "fund_id": cls.fund.id,
                "name": "ค่านอนโรงพยาบาล",
                "category": "hospital",
                "amount_type": "fixed",
                "amount": 500.0,
            }
        )
        claim = cls.env["welfare.claim"].create(
            {
                "member_id": cls.member.id,
                "benefit_type_id": benefit.id,
                "health_details": "ไข้เลือดออก",
                "description": "นอนโรงพยาบาล 2 คืน",
            }
        )
        claim.action_submit()
        claim.with_user(cls.committee).action_approve()
        claim._mark_paid({"payment_method": "cash"})
        cls.claim = claim
        cls.fund.privacy_retention_years = 0

    def _books(self):
        self.env.flush_all()
        self.env.invalidate_all()
        fund = self.fund
        # the fiscal year of the payments made today (a printed document
        # proposes the year just ended from October to December)
        year = fiscal_year_of(welfare_today(self.env.user))
        date_from, date_to = fiscal_year_bounds(year)
        self.env.cr.execute(
            """
            SELECT move_id, SUM(debit), SUM(credit) FROM account_move_line
             WHERE company_id = %s GROUP BY move_id ORDER BY move_id
            """,
            (self.company.id,),
        )
        moves = self.env.cr.fetchall()
        return {
            "moves": moves,
            "statement": fund._welfare_statement(date_from, date_to),
            "status": fund._welfare_status(year),
        }

    def _member_lines(self):
        lines = self.env["account.move.line"].search(
            [("partner_id", "=", self.member.partner_id.id)], order="id"
        )
        return [(line.id, line.debit, line.credit) for line in lines]

    def test_erasure_leaves_every_ledger_balanced_and_statements_unchanged(self):
        self.member.action_resign("ย้ายออกนอกพื้นที่")
        before = self._books()
        member_lines = self._member_lines()
        self.assertEqual(sum(debit for _i, debit, _c in member_lines), 860.0)
        self.assertTrue(before["moves"])
        self.assertEqual(before["statement"]["receipts_total"], 480.0)
        request = self.env["welfare.privacy.request"].create(
            {"member_id": self.member.id, "kind": "erasure"}
        )
        request.with_user(self.committee).action_erase()
        self.assertEqual(request.state, "done")
        self.assertFalse(self.member.birthdate)
        self.assertFalse(self.claim.health_details)
        after = self._books()
        for move_id, debit, credit in after["moves"]:
            self.assertEqual(debit, credit, move_id)
        self.assertEqual(after["moves"], before["moves"])
        self.assertEqual(after["statement"], before["statement"])
        self.assertEqual(after["status"], before["status"])
        # the entries still name the member's (anonymised) contact, unchanged
        self.assertEqual(self._member_lines(), member_lines)
        self.assertEqual(self.claim.move_id.state, "posted")
        self.assertEqual(self.claim.amount_approved, 500.0)
        self.assertEqual(
            sum(self.payments.mapped("amount")), 480.0, "payments kept whole"
        )

    def test_erasure_is_refused_and_undone_when_it_would_touch_the_ledger(self):
        self.member.action_resign("ย้ายออกนอกพื้นที่")
        before = self._books()
        fingerprint = type(self.member)._welfare_ledger_fingerprint
        calls = []

        def changed(members):
            calls.append(1)
            result = fingerprint(members)
            return result if len(calls) == 1 else {**result, (0, 0): (1.0, 0.0)}

        self.patch(type(self.member), "_welfare_ledger_fingerprint", changed)
        with self.assertRaisesRegex(Exception, "ledger"), self.cr.savepoint():
            self.member.with_user(self.committee)._welfare_erase()
        self.assertTrue(self.member.birthdate)
        self.assertEqual(self._books()["moves"], before["moves"])
