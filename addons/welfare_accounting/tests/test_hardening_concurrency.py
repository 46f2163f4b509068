"""Two users at once, on two real database transactions.

Each test commits its data in its own cursors (the test transaction cannot
see other transactions' work), plays two users against the same records, and
removes everything it committed afterwards. A transaction that meets the
other's lock fails the way Odoo's server sees it (a lock or serialization
error, or the suite's own refusal) and is then retried, as the server retries
such requests; the end state must be exactly one outcome, never two.
"""

import datetime
import logging

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.welfare_base.models.welfare_date import welfare_today

_logger = logging.getLogger(__name__)

#: what a request meets when another transaction holds its rows
CONFLICTS = (
    psycopg2.errors.LockNotAvailable,
    psycopg2.errors.SerializationFailure,
    UserError,
)


@tagged("post_install", "-at_install")
class TestHardeningConcurrency(TransactionCase):
    """Paying, collecting and the arrears update, twice at the same time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fund_xmlid = "welfare_base.welfare_fund_rop_mueang_demo"
        cls.officer_xmlid = "welfare_base.welfare_user_officer_demo"
        cls.committee_xmlid = "welfare_base.welfare_user_committee_demo"

    # ------------------------------------------------------------------
    # Cursors and clean-up
    # ------------------------------------------------------------------
    def setUp(self):
        super().setUp()
        self.made = {}  # table -> ids committed by this test
        self.addCleanup(self._remove_committed)

    def _cursor(self):
        cr = self.registry.cursor()
        self.addCleanup(cr.close)
        return cr

    def _env(self, cr, xmlid=None):
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        if not xmlid:
            return env
        user = env.ref(xmlid)
        return api.Environment(
            cr,
            user.id,
            {"tracking_disable": True, "allowed_company_ids": user.company_ids.ids},
        )

    def _remember(self, records):
        self.made.setdefault(records._table, set()).update(records.ids)

    def _remove_committed(self):
        """Delete what the test committed, children first."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            claims = tuple(self.made.get("welfare_claim", ()))
            contributions = tuple(self.made.get("welfare_contribution", ()))
            members = tuple(self.made.get("welfare_member", ()))
            moves = set()
            if claims:
                moves |= set(env["welfare.claim"].browse(claims).move_id.ids)
            if contributions:
                records = env["welfare.contribution"].browse(contributions)
                moves |= set(records.move_id.ids) | set(records.reversal_move_id.ids)
            partners = set(self.made.get("res_partner", ()))
            if members:
                partners |= set(env["welfare.member"].browse(members).partner_id.ids)
            steps = [
                ("account_move", tuple(moves)),
                ("welfare_claim", claims),
                ("welfare_contribution", contributions),
                ("welfare_collection", tuple(self.made.get("welfare_collection", ()))),
                (
                    "welfare_benefit_type",
                    tuple(self.made.get("welfare_benefit_type", ())),
                ),
                ("welfare_member", members),
                ("res_partner", tuple(partners)),
            ]
            for table, ids in steps:
                if ids:
                    cr.execute(
                        SQL("DELETE FROM %s WHERE id IN %s", SQL.identifier(table), ids)
                    )
            for model, table in (
                ("welfare.claim", "welfare_claim"),
                ("welfare.contribution", "welfare_contribution"),
                ("welfare.member", "welfare_member"),
                ("welfare.collection", "welfare_collection"),
            ):
                ids = tuple(self.made.get(table, ()))
                if ids:
                    cr.execute(
                        "DELETE FROM mail_message WHERE model = %s AND res_id IN %s",
                        (model, ids),
                    )
                    cr.execute(
                        "DELETE FROM mail_followers WHERE res_model = %s "
                        "AND res_id IN %s",
                        (model, ids),
                    )

    def _attempt(self, cr, work):
        """Run ``work`` in the transaction of ``cr``; False when it met the
        other transaction (the transaction is then rolled back)."""
        cr.execute("SET LOCAL lock_timeout = '2s'")
        try:
            with mute_logger("odoo.sql_db"):
                work()
                cr.flush()
        except CONFLICTS as error:
            _logger.info("Refused while the other transaction works: %s", error)
            cr.rollback()
            return False
        return True

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------
    def _member(self, env, **vals):
        fund = env.ref(self.fund_xmlid)
        today = welfare_today(env["welfare.member"])
        values = {
            "fund_id": fund.id,
            "name": "นายพร้อมกัน ทดสอบ",
            "state": "active",
            "join_date": datetime.date(2015, 1, 1),
            "birthdate": datetime.date(1970, 1, 1),
            "paid_until": today + datetime.timedelta(days=30),
        }
        values.update(vals)
        member = env["welfare.member"]._workflow_create(values)
        self._remember(member)
        self._remember(member.partner_id)
        return member

    # ------------------------------------------------------------------
    # Tests
    # ------------------------------------------------------------------
    def test_two_officers_paying_one_claim_pay_it_once(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            member = self._member(env)
            benefit = env["welfare.benefit.type"].create(
                {
                    "fund_id": member.fund_id.id,
                    "name": "สวัสดิการพร้อมกัน",
                    "category": "other",
                    "amount_type": "fixed",
                    "amount": 700.0,
                    "require_paid_up": False,
                }
            )
            self._remember(benefit)
            claim = env["welfare.claim"].create(
                {"member_id": member.id, "benefit_type_id": benefit.id}
            )
            self._remember(claim)
            claim.action_submit()
            claim.with_user(env.ref(self.committee_xmlid)).action_approve()
            self.assertEqual(claim.state, "approved")
            claim_id = claim.id

        def pay(env):
            def work():
                wizard = env["welfare.claim.pay"].create(
                    {"claim_ids": [(6, 0, [claim_id])], "payment_method": "cash"}
                )
                wizard.action_pay()

            return work

        cr_a, cr_b = self._cursor(), self._cursor()
        env_a = self._env(cr_a, self.officer_xmlid)
        env_b = self._env(cr_b, self.committee_xmlid)
        self.assertTrue(self._attempt(cr_a, pay(env_a)))
        # the second screen is refused while the first payment is under way
        self.assertFalse(self._attempt(cr_b, pay(env_b)))
        cr_a.commit()
        # ... and again once it is done: the claim is paid already
        self.assertFalse(self._attempt(cr_b, pay(env_b)))
        with self.registry.cursor() as cr:
            env = self._env(cr)
            claim = env["welfare.claim"].browse(claim_id)
            self.assertEqual(claim.state, "paid")
            lines = env["account.move.line"].search(
                [("welfare_claim_id", "=", claim_id)]
            )
            self.assertEqual(len(lines.move_id), 1)
            self.assertEqual(lines.move_id, claim.move_id)
            self.assertEqual(sum(lines.mapped("debit")), 700.0)

    def _two_days_one_member(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            member = self._member(env)
            today = welfare_today(member)
            days = env["welfare.collection"].create(
                [
                    {"fund_id": member.fund_id.id, "date": today, "village_no": "1"},
                    {"fund_id": member.fund_id.id, "date": today, "village_no": "2"},
                ]
            )
            self._remember(days)
            payments = env["welfare.contribution"].create(
                [
                    {
                        "member_id": member.id,
                        "collection_id": day.id,
                        "amount": 30.0,
                        "date": today,
                        "payment_method": "cash",
                    }
                    for day in days
                ]
            )
            self._remember(payments)
            return member.id, member.paid_until, days.ids, payments.ids

    def test_two_collection_days_paying_one_member_chain_the_periods(self):
        member_id, paid_until, day_ids, payment_ids = self._two_days_one_member()

        def close(env, day_id):
            return lambda: env["welfare.collection"].browse(day_id).action_close()

        cr_a, cr_b = self._cursor(), self._cursor()
        env_a = self._env(cr_a, self.officer_xmlid)
        env_b = self._env(cr_b, self.committee_xmlid)
        self.assertTrue(self._attempt(cr_a, close(env_a, day_ids[0])))
        b_done = self._attempt(cr_b, close(env_b, day_ids[1]))
        cr_a.commit()
        if b_done:
            cr_b.commit()
        else:  # the server retries the refused request
            self.assertTrue(self._attempt(cr_b, close(env_b, day_ids[1])))
            cr_b.commit()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            member = env["welfare.member"].browse(member_id)
            payments = (
                env["welfare.contribution"].browse(payment_ids).sorted("period_start")
            )
            self.assertEqual(payments.mapped("state"), ["confirmed", "confirmed"])
            receipts = payments.mapped("receipt_number")
            self.assertEqual(len(set(receipts)), 2, receipts)
            first, second = payments
            self.assertEqual(
                first.period_start, paid_until + datetime.timedelta(days=1)
            )
            self.assertEqual(
                second.period_start, first.period_end + datetime.timedelta(days=1)
            )
            self.assertEqual(member.paid_until, second.period_end)
            self.assertEqual(
                member.paid_until, paid_until + datetime.timedelta(days=60)
            )
            # the ledger holds each payment exactly once
            lines = env["account.move.line"].search(
                [("welfare_contribution_id", "in", payment_ids)]
            )
            self.assertEqual(len(lines), 2)
            self.assertEqual(sum(lines.mapped("credit")), 60.0)

    def _member_in_arrears_with_a_payment(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            today = welfare_today(env["welfare.member"])
            member = self._member(env, paid_until=today - datetime.timedelta(days=100))
            payment = env["welfare.contribution"].create(
                {
                    "member_id": member.id,
                    "amount": 365.0,
                    "date": today,
                    "payment_method": "cash",
                }
            )
            self._remember(payment)
            return member.id, payment.id

    def _arrears_and_payment(self, arrears_first):
        member_id, payment_id = self._member_in_arrears_with_a_payment()
        cr_job, cr_pay = self._cursor(), self._cursor()
        env_job = self._env(cr_job)
        env_pay = self._env(cr_pay, self.officer_xmlid)

        def job():
            members = env_job["welfare.member"].browse(member_id)
            members.with_company(members.company_id)._update_arrears()

        def pay():
            env_pay["welfare.contribution"].browse(payment_id).action_confirm()

        first, second = (
            ((cr_job, job), (cr_pay, pay))
            if arrears_first
            else ((cr_pay, pay), (cr_job, job))
        )
        self.assertTrue(self._attempt(*first))
        second_done = self._attempt(*second)
        first[0].commit()
        if not second_done:
            self.assertTrue(self._attempt(*second))
        second[0].commit()
        with self.registry.cursor() as cr:
            member = self._env(cr)["welfare.member"].browse(member_id)
            today = welfare_today(member)
            self.assertGreaterEqual(member.paid_until, today)
            self.assertEqual(member.months_in_arrears, 0)
            self.assertEqual(member.state, "active")

    def test_payment_during_the_arrears_job_leaves_the_member_active(self):
        self._arrears_and_payment(arrears_first=True)

    def test_arrears_job_during_a_payment_leaves_the_member_active(self):
        self._arrears_and_payment(arrears_first=False)

    # ------------------------------------------------------------------
    # Caps: two committee members approving at once
    # ------------------------------------------------------------------
    def _two_claims_under_one_cap(self):
        """Two submitted claims of one member, 600 baht each, lifetime cap 1,000."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            member = self._member(env)
            benefit = env["welfare.benefit.type"].create(
                {
                    "fund_id": member.fund_id.id,
                    "name": "สวัสดิการเพดานพร้อมกัน",
                    "category": "other",
                    "amount_type": "fixed",
                    "amount": 600.0,
                    "cap_lifetime": 1000.0,
                    "require_paid_up": False,
                }
            )
            self._remember(benefit)
            today = welfare_today(member)
            claims = env["welfare.claim"].create(
                [
                    {
                        "member_id": member.id,
                        "benefit_type_id": benefit.id,
                        "event_date": today - datetime.timedelta(days=days),
                    }
                    for days in (1, 2)
                ]
            )
            self._remember(claims)
            claims.action_submit()
            self.assertEqual(claims.mapped("amount_eligible"), [600.0, 600.0])
            return claims.ids

    def _approve(self, env, claim_id):
        return lambda: env["welfare.claim"].browse(claim_id).action_approve()

    def _approved_total(self, claim_ids):
        with self.registry.cursor() as cr:
            claims = self._env(cr)["welfare.claim"].browse(claim_ids)
            approved = claims.filtered(lambda c: c.state == "approved")
            return sum(approved.mapped("amount_approved"))

    def test_two_approvals_at_once_cannot_pass_the_cap_together(self):
        first_id, second_id = self._two_claims_under_one_cap()
        cr_a, cr_b = self._cursor(), self._cursor()
        env_a = self._env(cr_a, self.committee_xmlid)
        env_b = self._env(cr_b, self.committee_xmlid)
        self.assertTrue(self._attempt(cr_a, self._approve(env_a, first_id)))
        # the second approval waits for the member the first one holds
        self.assertFalse(self._attempt(cr_b, self._approve(env_b, second_id)))
        cr_a.commit()
        # retried on fresh data, it sees the first approval under the cap
        self.assertTrue(self._attempt(cr_b, self._approve(env_b, second_id)))
        cr_b.commit()
        self.assertEqual(self._approved_total([first_id, second_id]), 1000.0)

    def test_an_approval_on_a_stale_view_of_the_member_is_retried(self):
        """The second transaction read the member's claims before the first
        approval was committed: PostgreSQL refuses its approval (the server
        retries it), instead of approving 600 more on its stale snapshot."""
        first_id, second_id = self._two_claims_under_one_cap()
        cr_a, cr_b = self._cursor(), self._cursor()
        env_a = self._env(cr_a, self.committee_xmlid)
        env_b = self._env(cr_b, self.committee_xmlid)
        # the second screen's transaction starts, and sees the first claim
        # still submitted
        first_seen_by_b = env_b["welfare.claim"].browse(first_id)
        self.assertEqual(first_seen_by_b.state, "submitted")
        self.assertTrue(self._attempt(cr_a, self._approve(env_a, first_id)))
        cr_a.commit()
        self.assertFalse(self._attempt(cr_b, self._approve(env_b, second_id)))
        self.assertTrue(self._attempt(cr_b, self._approve(env_b, second_id)))
        cr_b.commit()
        self.assertEqual(self._approved_total([first_id, second_id]), 1000.0)

    # ------------------------------------------------------------------
    # A collection day closed while its desk takes payments
    # ------------------------------------------------------------------
    def _open_day_with_a_payment(self):
        """An open day with one payment confirmed (not yet posted)."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            member = self._member(env)
            other = self._member(env, name="นางพร้อมกัน สองคน")
            today = welfare_today(member)
            day = env["welfare.collection"].create(
                {"fund_id": member.fund_id.id, "date": today}
            )
            self._remember(day)
            payment = env["welfare.contribution"].create(
                {
                    "member_id": member.id,
                    "collection_id": day.id,
                    "amount": 30.0,
                    "date": today,
                    "payment_method": "cash",
                }
            )
            self._remember(payment)
            payment.action_confirm()
            self.assertFalse(payment.move_id)
            return day.id, payment.id, other.id

    def _take(self, env, day_id, member_id, taken):
        def work():
            payment = env["welfare.contribution"].create(
                {
                    "member_id": member_id,
                    "collection_id": day_id,
                    "amount": 60.0,
                    "payment_method": "cash",
                }
            )
            payment.action_confirm()
            taken.append(payment.id)

        return work

    def _close(self, env, day_id):
        return lambda: env["welfare.collection"].browse(day_id).action_close()

    def _day_lines(self, day_id):
        """{payment id: number of ledger lines} of the day's payments."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            day = env["welfare.collection"].browse(day_id)
            self.assertEqual(day.state, "closed")
            lines = env["account.move.line"].search(
                [("welfare_contribution_id", "in", day.contribution_ids.ids)]
            )
            self.assertEqual(len(lines.move_id), 1)
            return {
                payment.id: len(
                    lines.filtered(
                        lambda line, p=payment: line.welfare_contribution_id == p
                    )
                )
                for payment in day.contribution_ids
            }

    def test_a_day_closed_twice_at_once_is_posted_once(self):
        day_id, payment_id, _other = self._open_day_with_a_payment()
        cr_a, cr_b = self._cursor(), self._cursor()
        env_a = self._env(cr_a, self.officer_xmlid)
        env_b = self._env(cr_b, self.committee_xmlid)
        # the second user read the open day before the first one's close committed
        self.assertEqual(env_b["welfare.collection"].browse(day_id).state, "open")
        self.assertTrue(self._attempt(cr_a, self._close(env_a, day_id)))
        self.assertFalse(self._attempt(cr_b, self._close(env_b, day_id)))
        cr_a.commit()
        # retried, the second close finds the day closed and is refused
        with self.assertRaisesRegex(UserError, "already closed"):
            self._close(env_b, day_id)()
        cr_b.rollback()
        self.assertEqual(self._day_lines(day_id), {payment_id: 1})

    def test_a_payment_taken_while_the_day_closes_is_posted_with_it(self):
        day_id, payment_id, other_id = self._open_day_with_a_payment()
        cr_pay, cr_close = self._cursor(), self._cursor()
        env_pay = self._env(cr_pay, self.officer_xmlid)
        env_close = self._env(cr_close, self.committee_xmlid)
        # the close started (its snapshot) before the payment was committed
        self.assertEqual(env_close["welfare.collection"].browse(day_id).state, "open")
        taken = []
        self.assertTrue(
            self._attempt(cr_pay, self._take(env_pay, day_id, other_id, taken))
        )
        cr_pay.commit()
        self._remember(env_pay["welfare.contribution"].browse(taken))
        # PostgreSQL refuses the stale close (the server retries it)
        self.assertFalse(self._attempt(cr_close, self._close(env_close, day_id)))
        self.assertTrue(self._attempt(cr_close, self._close(env_close, day_id)))
        cr_close.commit()
        self.assertEqual(self._day_lines(day_id), {payment_id: 1, taken[0]: 1})

    def test_a_payment_taken_after_the_close_is_refused(self):
        day_id, payment_id, other_id = self._open_day_with_a_payment()
        cr_pay, cr_close = self._cursor(), self._cursor()
        env_pay = self._env(cr_pay, self.officer_xmlid)
        env_close = self._env(cr_close, self.committee_xmlid)
        self.assertTrue(self._attempt(cr_close, self._close(env_close, day_id)))
        taken = []
        # the desk waits for the closing transaction's lock on the day
        self.assertFalse(
            self._attempt(cr_pay, self._take(env_pay, day_id, other_id, taken))
        )
        cr_close.commit()
        with self.assertRaisesRegex(UserError, "closed and posted"):
            self._take(env_pay, day_id, other_id, [])()
        cr_pay.rollback()
        self.assertEqual(self._day_lines(day_id), {payment_id: 1})

    def test_two_days_of_a_fund_closed_at_once_are_both_posted(self):
        first_id, first_payment, _other = self._open_day_with_a_payment()
        second_id, second_payment, _other = self._open_day_with_a_payment()
        cr_a, cr_b = self._cursor(), self._cursor()
        env_a = self._env(cr_a, self.officer_xmlid)
        env_b = self._env(cr_b, self.committee_xmlid)
        # the second close started (its snapshot) before the first committed
        self.assertEqual(env_b["welfare.collection"].browse(second_id).state, "open")
        self.assertTrue(self._attempt(cr_a, self._close(env_a, first_id)))
        cr_a.commit()
        # its entry would be numbered after one it cannot see (a gap in the
        # hash chain): PostgreSQL refuses it, which the server retries
        with (
            self.assertRaises(psycopg2.errors.SerializationFailure),
            mute_logger("odoo.sql_db"),
        ):
            self._close(env_b, second_id)()
            cr_b.flush()
        cr_b.rollback()
        self.assertTrue(self._attempt(cr_b, self._close(env_b, second_id)))
        cr_b.commit()
        self.assertEqual(self._day_lines(first_id), {first_payment: 1})
        self.assertEqual(self._day_lines(second_id), {second_payment: 1})
        with self.registry.cursor() as cr:
            env = self._env(cr)
            moves = (
                env["welfare.contribution"]
                .browse([first_payment, second_payment])
                .move_id.sorted("sequence_number")
            )
            self.assertEqual(len(moves), 2)
            self.assertEqual(moves.mapped("state"), ["posted", "posted"])
            self.assertTrue(all(moves.mapped("inalterable_hash")))
            self.assertEqual(moves[1].sequence_number, moves[0].sequence_number + 1)
