import datetime

from odoo import Command

from odoo.addons.welfare_membership.lib import benefit_rules

from .common import AssessmentCase


def national_id(serial):
    """A valid 13-digit Thai ID (check digit computed) from a serial number."""
    digits = f"1{serial:011d}"
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits))
    return digits + str((11 - total % 11) % 10)


class TestMembershipIndicators(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Member = cls.env["welfare.member"]
        day = datetime.date
        serial = iter(range(1000, 2000))

        def member(fund, join, state="active", **vals):
            return {
                "name": f"Member {fund.code} {join}",
                "fund_id": fund.id,
                "national_id": national_id(next(serial)),
                "join_date": join,
                "state": state,
                "village_no": "3",
                **vals,
            }

        # Fund A: 4 members on the eve of the period (one leaves during it),
        # 2 join during it, 1 joins after it, 1 applicant never counts.
        cls.members_a = Member._workflow_create(
            [
                member(cls.fund_a, day(2020, 1, 1), paid_until=day(2025, 12, 31)),
                member(cls.fund_a, day(2021, 1, 1), paid_until=day(2025, 9, 30)),
                member(
                    cls.fund_a,
                    day(2022, 1, 1),
                    paid_until=day(2025, 9, 29),
                    village_no=False,
                ),
                member(
                    cls.fund_a,
                    day(2022, 6, 1),
                    state="deceased",
                    death_date=day(2025, 2, 1),
                ),
                member(cls.fund_a, day(2024, 10, 1), paid_until=day(2025, 10, 31)),
                member(cls.fund_a, day(2025, 9, 30), national_id=False),
                member(cls.fund_a, day(2025, 10, 1)),
                member(cls.fund_a, day(2025, 1, 1), state="applicant"),
            ]
        )
        cls.members_a[0].beneficiary_ids = [
            Command.create({"name": "Child", "relationship": "child", "share": 100})
        ]
        Benefit = cls.env["welfare.benefit.type"]
        benefits = Benefit.create(
            [
                {
                    "fund_id": cls.fund_a.id,
                    "name": name,
                    "category": category,
                    "is_basic": basic,
                    "amount_type": "fixed",
                    "amount": 500,
                }
                for name, category, basic in [
                    ("Birth", "birth", True),
                    ("Death", "death", True),
                    ("Funeral", "death", True),
                    ("Scholarship", "education", False),
                ]
            ]
        )
        Benefit.create(
            {
                "fund_id": cls.fund_a.id,
                "name": "Old hospital benefit",
                "category": "hospital",
                "is_basic": True,
                "amount_type": "fixed",
                "amount": 200,
                "active": False,
            }
        )
        claims = cls.env["welfare.claim"].create(
            [
                {
                    "fund_id": cls.fund_a.id,
                    "member_id": cls.members_a[0].id,
                    "benefit_type_id": benefits[0].id,
                    "event_date": event,
                }
                for event in (day(2025, 1, 5), day(2025, 2, 5), day(2025, 3, 5))
            ]
        )
        for claim, paid in zip(
            claims, (day(2025, 1, 10), day(2025, 9, 30), day(2025, 10, 1)), strict=True
        ):
            # claims paid in the fund's past, as its history holds them
            claim._workflow_write(
                {
                    "state": "paid",
                    "amount_approved": claim.amount_eligible,
                    "payment_date": paid,
                    "payment_method": "cash",
                }
            )
        cls.claims_in_period = claims[:2]
        cls.funds = cls.fund_a | cls.fund_empty

    def _values(self, code):
        return self.env["welfare.assessment.indicator"]._compute_values(
            [code], self.funds, self.date_from, self.date_to
        )[code]

    def test_current_members_at_period_end(self):
        values = self._values("mem_members")
        # 3 of before + 2 joined; the deceased, the late joiner, the applicant out
        self.assertEqual(values[self.fund_a.id], 5)
        self.assertEqual(values[self.fund_empty.id], 0)

    def test_member_growth_over_the_period(self):
        values = self._values("mem_growth")
        # 4 members on 30 Sept. 2024, 5 on 30 Sept. 2025
        self.assertEqual(values[self.fund_a.id], 25.0)
        self.assertIsNone(values[self.fund_empty.id], "no growth from nothing")

    def test_share_of_members_paid_up_at_period_end(self):
        values = self._values("mem_paid_up")
        # paid up on 30 Sept. = every month before September covered, as for
        # claims: paid until 31 Dec., 30 Sept., 29 Sept. and 31 Oct.; the
        # member who joined on 30 Sept. never paid: 4 of 5
        self.assertEqual(values[self.fund_a.id], 80.0)
        self.assertIsNone(values[self.fund_empty.id])

    def test_paid_up_share_agrees_with_claim_eligibility(self):
        """The indicator counts as paid up exactly the members a benefit
        requiring members paid up would not refuse for arrears."""
        day = datetime.date(2025, 9, 30)
        rule = benefit_rules.Rule(amount=100, require_paid_up=True)
        counted = self.members_a.filtered(
            lambda m: m.state not in ("applicant", "deceased") and m.join_date <= day
        )
        eligible = [
            member
            for member in counted
            if "not_paid_up"
            not in benefit_rules.evaluate(
                rule,
                benefit_rules.MemberFacts(
                    join_date=member.join_date, paid_until=member.paid_until
                ),
                day,
                day,
            ).codes
        ]
        self.assertEqual(len(counted), 5)
        self.assertEqual(
            self._values("mem_paid_up")[self.fund_a.id],
            100.0 * len(eligible) / len(counted),
        )
        # and the member model answers the same, member by member
        paid_up = counted._is_paid_up(day)
        self.assertEqual(
            {m.id for m in eligible}, {mid for mid, ok in paid_up.items() if ok}
        )

    def test_share_of_members_with_valid_id_and_address(self):
        values = self._values("mem_valid_id_address")
        # one has no village (nor street), one has no ID: 3 of 5
        self.assertEqual(values[self.fund_a.id], 60.0)
        self.assertIsNone(values[self.fund_empty.id])

    def test_share_of_members_with_a_beneficiary(self):
        values = self._values("mem_beneficiaries_named")
        self.assertEqual(values[self.fund_a.id], 20.0)
        self.assertIsNone(values[self.fund_empty.id])

    def test_benefit_categories_offered_count_active_categories_once(self):
        categories = self._values("mem_benefit_categories")
        basic = self._values("mem_basic_benefits")
        self.assertEqual(categories[self.fund_a.id], 3)
        self.assertEqual(basic[self.fund_a.id], 2)
        self.assertEqual(categories[self.fund_empty.id], 0)
        self.assertEqual(basic[self.fund_empty.id], 0)

    def test_claims_paid_in_the_period(self):
        count = self._values("mem_claims_paid")
        amount = self._values("mem_claims_paid_amount")
        self.assertEqual(count[self.fund_a.id], 2)
        self.assertEqual(
            amount[self.fund_a.id], sum(self.claims_in_period.mapped("amount_approved"))
        )
        self.assertEqual(count[self.fund_empty.id], 0)
        self.assertEqual(amount[self.fund_empty.id], 0)
