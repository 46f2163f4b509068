import datetime

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestRateLimit(TransactionCase):
    """Attempts counted in the database, per key and time window."""

    def setUp(self):
        super().setUp()
        self.Limit = self.env["welfare.portal.rate.limit"]

    def test_limit_per_key_within_the_window(self):
        self.assertTrue(self.Limit._allow(["k:a"], 2, 60))
        self.assertTrue(self.Limit._allow(["k:a"], 2, 60))
        self.assertFalse(self.Limit._allow(["k:a"], 2, 60))
        # another key has its own count
        self.assertTrue(self.Limit._allow(["k:b"], 2, 60))

    def test_attempts_out_of_the_window_no_longer_count(self):
        self.Limit._allow(["k:a"], 1, 60)
        self.assertFalse(self.Limit._allow(["k:a"], 1, 60))
        self.Limit.search([("key", "=", "k:a")]).at = (
            fields.Datetime.now() - datetime.timedelta(seconds=61)
        )
        self.assertTrue(self.Limit._allow(["k:a"], 1, 60))

    def test_refused_attempts_are_not_counted(self):
        self.Limit._allow(["k:a"], 1, 60)
        for _i in range(3):
            self.Limit._allow(["k:a"], 1, 60)
        self.assertEqual(self.Limit.search_count([("key", "=", "k:a")]), 1)

    def test_one_key_over_its_limit_refuses_the_attempt(self):
        self.Limit._allow(["k:a"], 1, 60)
        self.assertFalse(self.Limit._allow(["k:a", "k:b"], 1, 60))
        self.assertFalse(self.Limit.search_count([("key", "=", "k:b")]))

    def test_old_attempts_removed_by_the_autovacuum(self):
        self.Limit._allow(["k:old"], 5, 60)
        self.Limit._allow(["k:new"], 5, 60)
        self.Limit.search([("key", "=", "k:old")]).at = (
            fields.Datetime.now() - datetime.timedelta(days=3)
        )
        self.Limit._gc_attempts()
        self.assertEqual(self.Limit.search([]).mapped("key"), ["k:new"])
