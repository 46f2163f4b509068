"""The same batch assessment run twice at once, on two real transactions.

The test commits its batches in its own cursors, runs them against each
other, and removes everything it committed afterwards.
"""

import logging

import psycopg2

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

_logger = logging.getLogger(__name__)

CONFLICTS = (
    psycopg2.errors.LockNotAvailable,
    psycopg2.errors.SerializationFailure,
    UserError,
)
#: a year no demo or other test assesses
FISCAL_YEAR = 2012


@tagged("post_install", "-at_install")
class TestHardeningBatchConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        self.batch_ids = []
        self.addCleanup(self._remove_committed)

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _cursor(self):
        cr = self.registry.cursor()
        self.addCleanup(cr.close)
        return cr

    def _remove_committed(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            batches = env["welfare.assessment.batch"].browse(self.batch_ids).exists()
            if not batches:
                return
            assessments = env["welfare.assessment"].search(
                batches[0]._assessment_domain()
            )
            for table, ids in (
                ("welfare_assessment_line", assessments.line_ids.ids),
                ("welfare_assessment", assessments.ids),
                ("welfare_assessment_batch", batches.ids),
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
                ("welfare.assessment", assessments.ids),
                ("welfare.assessment.batch", batches.ids),
            ):
                if ids:
                    cr.execute(
                        "DELETE FROM mail_message WHERE model = %s AND res_id IN %s",
                        (model, tuple(ids)),
                    )

    def _attempt(self, cr, work):
        cr.execute("SET LOCAL lock_timeout = '2s'")
        try:
            with mute_logger("odoo.sql_db"):
                work()
                cr.flush()
        except CONFLICTS as error:
            _logger.info("Refused while the other run works: %s", error)
            cr.rollback()
            return False
        return True

    def test_two_runs_of_one_batch_make_one_set_of_assessments(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            province = env.ref("base.state_th_054")
            funds = env["welfare.fund"].search([("state_id", "=", province.id)])
            self.assertTrue(funds, "the demo network of Roi Et is installed")
            template = env["welfare.assessment.template"]._get_default_template()
            batches = env["welfare.assessment.batch"].create(
                [
                    {
                        "scope": "province",
                        "province_id": province.id,
                        "template_id": template.id,
                        "fiscal_year": FISCAL_YEAR,
                    }
                ]
                * 2
            )
            self.batch_ids = batches.ids
            self.assertFalse(
                env["welfare.assessment"].search_count(batches[0]._assessment_domain())
            )
        cr_a, cr_b = self._cursor(), self._cursor()

        def run(cr, batch_id):
            return lambda: (
                self._env(cr)["welfare.assessment.batch"].browse(batch_id).action_run()
            )

        self.assertTrue(self._attempt(cr_a, run(cr_a, self.batch_ids[0])))
        self.assertFalse(self._attempt(cr_b, run(cr_b, self.batch_ids[1])))
        cr_a.commit()
        # run again once the first is done: it updates, it does not duplicate
        self.assertTrue(self._attempt(cr_b, run(cr_b, self.batch_ids[1])))
        cr_b.commit()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            batch = env["welfare.assessment.batch"].browse(self.batch_ids[0])
            assessments = env["welfare.assessment"].search(batch._assessment_domain())
            self.assertEqual(len(assessments), len(funds))
            self.assertEqual(assessments.fund_id, funds)
            self.assertEqual(
                env["welfare.assessment.batch"].browse(self.batch_ids).mapped("state"),
                ["done", "done"],
            )
