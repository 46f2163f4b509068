import datetime

from .common import AssessmentCase


class TestGovernanceIndicators(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Meeting = cls.env["welfare.fund.meeting"]
        Meeting.create(
            [
                # first and last day of the period count, the days around do not
                {"fund_id": cls.fund_a.id, "name": "m1", "date": cls.date_from},
                {"fund_id": cls.fund_a.id, "name": "m2", "date": cls.date_to},
                {
                    "fund_id": cls.fund_a.id,
                    "name": "m3",
                    "date": datetime.date(2025, 3, 1),
                    "minutes": "<p>Agreed the plan</p>",
                },
                {
                    "fund_id": cls.fund_a.id,
                    "name": "before",
                    "date": datetime.date(2024, 9, 30),
                },
                {
                    "fund_id": cls.fund_b.id,
                    "name": "after",
                    "date": datetime.date(2025, 10, 1),
                },
            ]
        )
        partners = cls.env["res.partner"].create(
            [{"name": f"Person {i}"} for i in range(6)]
        )
        start = datetime.date(2023, 1, 1)
        Seat = cls.env["welfare.fund.committee"]
        Seat.create(
            [
                {
                    "fund_id": cls.fund_a.id,
                    "partner_id": partners[i].id,
                    "role": role,
                    "date_start": start,
                }
                for i, role in enumerate(
                    ["chair", "vice_chair", "treasurer", "secretary"]
                )
            ]
            + [
                {
                    "fund_id": cls.fund_b.id,
                    "partner_id": partners[4].id,
                    "role": "chair",
                    "date_start": start,
                },
                # ended before the end of the period: not on the committee then
                {
                    "fund_id": cls.fund_b.id,
                    "partner_id": partners[5].id,
                    "role": "treasurer",
                    "date_start": start,
                    "date_end": datetime.date(2025, 6, 30),
                },
            ]
        )
        cls.funds = cls.fund_a | cls.fund_b | cls.fund_empty

    def _values(self, code):
        return self.env["welfare.assessment.indicator"]._compute_values(
            [code], self.funds, self.date_from, self.date_to
        )[code]

    def test_meetings_count_within_the_period_bounds(self):
        values = self._values("gov_meetings")
        self.assertEqual(values[self.fund_a.id], 3)
        self.assertEqual(values[self.fund_b.id], 0)
        self.assertEqual(values[self.fund_empty.id], 0)

    def test_meetings_with_minutes_is_a_share_of_the_meetings_held(self):
        values = self._values("gov_meetings_minutes")
        self.assertAlmostEqual(values[self.fund_a.id], 33.33)
        self.assertIsNone(values[self.fund_empty.id], "no meeting, no share")

    def test_committee_complete_counts_key_seats_held_at_period_end(self):
        values = self._values("gov_committee_complete")
        self.assertEqual(values[self.fund_a.id], 100.0)
        self.assertEqual(values[self.fund_b.id], 25.0)
        self.assertEqual(values[self.fund_empty.id], 0.0)

    def test_village_coverage_has_no_value_without_villages(self):
        values = self._values("gov_village_coverage")
        self.assertEqual(values[self.fund_a.id], 50.0)
        self.assertEqual(values[self.fund_b.id], 30.0)
        self.assertIsNone(values[self.fund_empty.id])

    def test_each_indicator_is_one_query_whatever_the_number_of_funds(self):
        indicator = self.env["welfare.assessment.indicator"]
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            indicator._compute_values(
                ["gov_meetings"], self.funds, self.date_from, self.date_to
            )
        more = self.funds | self.fund_far
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            indicator._compute_values(
                ["gov_meetings"], more, self.date_from, self.date_to
            )
