"""Two officers matching the same PromptPay money at once, on two real
database transactions: one payment, one entry, never two.

The data is committed in its own cursors (on the demo fund, whose books and
PromptPay account exist) and removed afterwards.
"""

import base64
import datetime
import logging

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.welfare_base.models.welfare_date import welfare_today

_logger = logging.getLogger(__name__)


class AlreadyMatched(Exception):
    """The second matching found the money matched (nothing was done)."""


CONFLICTS = (
    AlreadyMatched,
    psycopg2.errors.LockNotAvailable,
    psycopg2.errors.SerializationFailure,
    psycopg2.errors.UniqueViolation,
    UserError,
)
FUND = "welfare_base.welfare_fund_rop_mueang_demo"
OFFICER = "welfare_base.welfare_user_officer_demo"
COMMITTEE = "welfare_base.welfare_user_committee_demo"


@tagged("post_install", "-at_install")
class TestPromptpayConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        self.member_id = None
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

    def _attempt(self, cr, work):
        """Run ``work`` in the transaction of ``cr``; False when it met the
        other transaction or was refused (then rolled back)."""
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

    def _setup_member(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            fund = env.ref(FUND)
            today = welfare_today(fund)
            member = env["welfare.member"]._workflow_create(
                {
                    "fund_id": fund.id,
                    "name": "นางพร้อมเพย์ พร้อมกัน",
                    "state": "active",
                    "join_date": datetime.date(2015, 1, 1),
                    "paid_until": today - datetime.timedelta(days=20),
                }
            )
            self.member_id = member.id
            info = member._promptpay_payment_info(today)[member.id]
            return fund.id, info

    def _remove_committed(self):
        if not self.member_id:
            return
        with self.registry.cursor() as cr:
            env = self._env(cr)
            member = env["welfare.member"].browse(self.member_id)
            payments = env["welfare.contribution"].search(
                [("member_id", "=", member.id)]
            )
            transfers = env["welfare.promptpay.transfer"].search(
                [("member_id", "=", member.id)]
            ) | env["welfare.promptpay.transfer"].search(
                [("label", "like", "ทดสอบพร้อมกัน")]
            )
            moves = (
                payments.move_id | payments.reversal_move_id
            ) | transfers.statement_line_id.move_id
            partner = member.partner_id
            if moves:
                # the reconciliation of the bank line with the payment's entry
                cr.execute(
                    "DELETE FROM account_partial_reconcile "
                    "WHERE debit_move_id IN %(lines)s OR credit_move_id IN %(lines)s",
                    {"lines": tuple(moves.line_ids.ids) or (0,)},
                )
                cr.execute(
                    "UPDATE account_move_line SET full_reconcile_id = NULL "
                    "WHERE id IN %s",
                    (tuple(moves.line_ids.ids) or (0,),),
                )
            for table, ids in (
                ("account_move", moves.ids),
                ("welfare_promptpay_transfer", transfers.ids),
                ("welfare_contribution", payments.ids),
                ("welfare_member", member.ids),
                ("res_partner", partner.ids),
            ):
                if ids:
                    cr.execute(
                        SQL(
                            "DELETE FROM %s WHERE id IN %s",
                            SQL.identifier(table),
                            tuple(ids),
                        )
                    )
            for model, ids in (
                ("welfare.contribution", payments.ids),
                ("welfare.promptpay.transfer", transfers.ids),
                ("welfare.member", member.ids),
            ):
                if ids:
                    cr.execute(
                        "DELETE FROM mail_message WHERE model = %s AND res_id IN %s",
                        (model, tuple(ids)),
                    )
                    cr.execute(
                        "DELETE FROM ir_attachment WHERE res_model = %s "
                        "AND res_id IN %s",
                        (model, tuple(ids)),
                    )

    def _payments(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            payments = env["welfare.contribution"].search(
                [("member_id", "=", self.member_id), ("state", "=", "confirmed")]
            )
            return len(payments), len(payments.move_id)

    def test_two_officers_matching_one_bank_line_make_one_payment(self):
        fund_id, _info = self._setup_member()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            fund = env["welfare.fund"].browse(fund_id)
            line = (
                env["account.bank.statement.line"]
                .with_company(fund.company_id)
                .create(
                    {
                        "journal_id": fund._welfare_journal("bank").id,
                        "date": welfare_today(fund),
                        "amount": 30.0,
                        "payment_ref": "โอนเงิน ทดสอบพร้อมกัน",
                    }
                )
            )
            transfer_id = line.welfare_transfer_ids.id
            self.assertTrue(transfer_id)

        def match(env):
            def work():
                transfer = env["welfare.promptpay.transfer"].browse(transfer_id)
                member = env["welfare.member"].browse(self.member_id)
                if not transfer._welfare_match(member):
                    raise AlreadyMatched()

            return work

        cr_a, cr_b = self._cursor(), self._cursor()
        env_a, env_b = self._env(cr_a, OFFICER), self._env(cr_b, COMMITTEE)
        self.assertTrue(self._attempt(cr_a, match(env_a)))
        # the second officer waits on the first, and is refused
        self.assertFalse(self._attempt(cr_b, match(env_b)))
        cr_a.commit()
        # ... and once the first is done, finds the line matched
        self.assertFalse(self._attempt(cr_b, match(env_b)))
        self.assertEqual(self._payments(), (1, 1))

    def test_two_slips_with_one_reference_make_one_payment(self):
        fund_id, info = self._setup_member()

        def confirm(env):
            def work():
                env["welfare.promptpay.slip.wizard"].create(
                    {
                        "fund_id": fund_id,
                        "reference": info["reference_display"],
                        "amount": info["amount"],
                        "slip": base64.b64encode(b"slip"),
                        "slip_name": "ทดสอบพร้อมกัน.png",
                    }
                ).action_confirm()

            return work

        cr_a, cr_b = self._cursor(), self._cursor()
        env_a, env_b = self._env(cr_a, OFFICER), self._env(cr_b, COMMITTEE)
        self.assertTrue(self._attempt(cr_a, confirm(env_a)))
        self.assertFalse(self._attempt(cr_b, confirm(env_b)))
        cr_a.commit()
        self.assertFalse(self._attempt(cr_b, confirm(env_b)))
        self.assertEqual(self._payments(), (1, 1))
