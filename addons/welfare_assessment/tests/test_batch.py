from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, mute_logger

from .common import AssessmentCase


class TestBatch(AssessmentCase):
    def _batch(self, **vals):
        return self.env["welfare.assessment.batch"].create(
            {
                "scope": "province",
                "province_id": self.province.id,
                "template_id": self.template.id,
                "fiscal_year": self.year,
                **vals,
            }
        )

    def _assessments(self):
        return self.env["welfare.assessment"].search(
            [("template_id", "=", self.template.id), ("fiscal_year", "=", self.year)]
        )

    def test_batch_assesses_every_fund_of_the_province_once(self):
        batch = self._batch()
        batch.action_run()
        assessments = self._assessments()
        self.assertEqual(
            assessments.fund_id, self.fund_a | self.fund_b | self.fund_empty
        )
        self.assertEqual(len(assessments), 3)
        self.assertTrue(all(a.line_ids and a.computed_on for a in assessments))
        self.assertEqual(
            (batch.state, batch.fund_count, batch.done_count), ("done", 3, 3)
        )
        self.assertEqual(batch.progress, 100.0)
        self.assertEqual(batch.assessment_count, 3)

    def test_batch_period_is_its_fiscal_year_and_never_ends_before_it_starts(self):
        batch = self._batch()
        self.assertEqual(
            (batch.date_from.isoformat(), batch.date_to.isoformat()),
            (f"{self.year - 1}-10-01", f"{self.year}-09-30"),
        )
        self.assertEqual(batch.fiscal_year_be, self.year + 543)
        self.assertIn(str(self.year + 543), batch.name)
        with self.assertRaises(ValidationError):
            self._batch(date_from=batch.date_to, date_to=batch.date_from)

    def test_zone_batch_assesses_only_the_zone(self):
        self._batch(scope="zone", zone_id=self.zone.id, province_id=False).action_run()
        self.assertEqual(self._assessments().fund_id, self.fund_a)

    def test_running_again_is_idempotent_and_keeps_confirmed_results(self):
        self._batch().action_run()
        confirmed = self._assessments().filtered(lambda a: a.fund_id == self.fund_a)
        self._line(confirmed, self.crit_plan).value = 1
        confirmed.action_confirm()
        self.fund_a.village_covered = 1
        again = self._batch()
        again.action_run()
        self.assertEqual(len(self._assessments()), 3)
        self.assertEqual(self._line(confirmed, self.crit_coverage).value, 50.0)
        self.assertEqual(again.done_count, 3)

    def test_background_run_shows_progress_chunk_by_chunk(self):
        batch = self._batch()
        batch.action_start()
        self.assertEqual((batch.state, batch.done_count), ("queued", 0))
        batch._run_chunk(size=2)
        self.assertEqual(batch.done_count, 2)
        self.assertAlmostEqual(batch.progress, 66.67, places=2)
        self.env["welfare.assessment.batch"]._cron_run_batches()
        self.assertEqual((batch.state, batch.done_count), ("done", 3))
        self.assertEqual(len(self._assessments()), 3)

    def test_a_concurrent_run_of_the_same_period_is_refused(self):
        batch = self._batch()
        # Another transaction holds the lock of this template and period.
        with self.registry.cursor() as other_cr:
            other_env = batch.env(cr=other_cr)
            self.assertTrue(
                other_env["welfare.assessment.batch"]._try_lock_period(
                    self.template.id, self.date_from, self.date_to
                )
            )
            with self.assertRaisesRegex(UserError, "Another run"):
                batch.action_run()
            other_cr.rollback()
        self.assertFalse(self._assessments())
        batch.action_run()
        self.assertEqual(len(self._assessments()), 3)

    @mute_logger("odoo.sql_db")
    def test_the_database_keeps_one_assessment_per_fund_and_period(self):
        self._batch().action_run()
        assessment = self._assessments()[0]
        with (
            self.assertRaisesRegex(Exception, "fund_template_period_uniq"),
            self.cr.savepoint(),
        ):
            self.env.cr.execute(
                SQL(
                    "INSERT INTO welfare_assessment (fund_id, company_id, template_id,"
                    " fiscal_year, date_from, date_to, state) "
                    "VALUES (%s, %s, %s, %s, %s, %s, 'draft')",
                    assessment.fund_id.id,
                    assessment.company_id.id,
                    self.template.id,
                    self.year,
                    self.date_from,
                    self.date_to,
                )
            )

    def test_computing_more_funds_takes_no_more_queries(self):
        one = self._assess(self.fund_a, year=2024)
        many = self._assess(self.fund_b | self.fund_empty | self.fund_far, year=2024)
        counts = []
        for assessments in (one, many):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            assessments.action_compute()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
