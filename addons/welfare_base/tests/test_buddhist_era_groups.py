import datetime

from odoo.tests import tagged

from .common import WelfareBaseCase


@tagged("post_install", "-at_install")
class TestBuddhistEraGroups(WelfareBaseCase):
    """Groups by date (pivot, graph, grouped lists) read in the Buddhist era
    by Thai users; their ranges stay ISO dates, other languages unchanged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["welfare.fund.meeting"].create(
            [
                {"fund_id": cls.fund_a.id, "name": "ประชุมมกราคม", "date": day}
                for day in (datetime.date(2026, 1, 15), datetime.date(2025, 12, 31))
            ]
        )

    def _groups(self, lang, groupby):
        Meeting = self.env["welfare.fund.meeting"].with_context(lang=lang)
        groups = Meeting.read_group(
            [("fund_id", "=", self.fund_a.id)], ["__count"], [groupby], lazy=False
        )
        return {group[groupby]: group["__range"][groupby] for group in groups}

    def test_months_read_in_the_buddhist_era_in_thai(self):
        groups = self._groups("th_TH", "date:month")
        self.assertEqual(
            groups["มกราคม 2569"], {"from": "2026-01-01", "to": "2026-02-01"}
        )
        self.assertEqual(
            groups["ธันวาคม 2568"], {"from": "2025-12-01", "to": "2026-01-01"}
        )

    def test_years_and_days_read_in_the_buddhist_era_in_thai(self):
        self.assertEqual(set(self._groups("th_TH", "date:year")), {"2569", "2568"})
        self.assertIn("15 ม.ค. 2569", self._groups("th_TH", "date:day"))

    def test_other_languages_keep_the_gregorian_year(self):
        groups = self._groups("en_US", "date:month")
        self.assertEqual(set(groups), {"January 2026", "December 2025"})
