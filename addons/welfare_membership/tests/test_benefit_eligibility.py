import datetime

from freezegun import freeze_time

from odoo.tests import Form

from .common_benefit import BenefitCase

D = datetime.date


class TestBenefitEligibility(BenefitCase):
    """The rule engine, applied to real claims and the member's history."""

    def test_fixed_amount_is_eligible_in_full(self):
        member = self._member()
        claim = self._claim(member, self._benefit(amount=800.0))
        self.assertEqual(claim.amount_eligible, 800.0)
        self.assertFalse(claim.eligibility_refused)

    @freeze_time("2025-06-30")
    def test_per_unit_caps_across_claims_of_one_fiscal_year(self):
        member = self._member(join_date=D(2020, 1, 1), health_consent=True)
        hospital = self._benefit(
            category="hospital",
            amount_type="per_unit",
            unit="night",
            amount=200.0,
            max_units=3,
            cap_per_claim=600.0,
            cap_per_year=1000.0,
        )
        first = self._approved(member, hospital, D(2024, 11, 10), units=5)
        self.assertEqual(first.amount_approved, 600.0)
        second = self._claim(member, hospital, D(2025, 3, 2), units=3)
        self.assertEqual(second.amount_eligible, 400.0)
        self.assertIn("ได้รับไปแล้ว 600 บาท", second.eligibility_notes)
        second.action_submit()
        second.with_user(self.committee).action_approve()
        third = self._claim(member, hospital, D(2025, 5, 20), units=1)
        self.assertEqual(third.amount_eligible, 0.0)
        self.assertTrue(third.eligibility_refused)

    @freeze_time("2025-12-01")
    def test_per_year_cap_starts_again_in_the_new_fiscal_year(self):
        member = self._member(join_date=D(2020, 1, 1))
        hospital = self._benefit(
            amount_type="per_unit", unit="night", amount=200.0, cap_per_year=600.0
        )
        self._approved(member, hospital, D(2025, 9, 30), units=3)
        claim = self._claim(member, hospital, D(2025, 10, 1), units=3)
        self.assertEqual(claim.amount_eligible, 600.0)

    @freeze_time("2031-01-01")
    def test_tiers_at_their_boundaries(self):
        member = self._member(join_date=D(2020, 1, 15))
        death = self._benefit(
            category="death",
            amount_type="tiered",
            tier_ids=[
                (0, 0, {"min_years": 1, "amount": 3000.0}),
                (0, 0, {"min_years": 5, "amount": 10000.0}),
                (0, 0, {"min_years": 10, "amount": 30000.0}),
            ],
        )
        expected = {
            D(2021, 1, 14): 0.0,
            D(2021, 1, 15): 3000.0,
            D(2025, 1, 14): 3000.0,
            D(2025, 1, 15): 10000.0,
            D(2030, 1, 15): 30000.0,
        }
        for event, amount in expected.items():
            claim = self._claim(member, death, event)
            self.assertEqual(claim.amount_eligible, amount, event)

    @freeze_time("2025-12-31")
    def test_waiting_period_ends_on_the_boundary_day(self):
        member = self._member(join_date=D(2025, 1, 15))
        birth = self._benefit(category="birth", amount=500.0, waiting_days=180)
        early = self._claim(member, birth, D(2025, 7, 13))
        self.assertEqual(early.amount_eligible, 0.0)
        self.assertIn("ระยะรอสิทธิ์ 180 วัน", early.eligibility_notes)
        on_time = self._claim(member, birth, D(2025, 7, 14))
        self.assertEqual(on_time.amount_eligible, 500.0)

    @freeze_time("2025-06-20")
    def test_paid_up_requirement(self):
        benefit = self._benefit(amount=500.0, require_paid_up=True)
        in_arrears = self._member(paid_until=D(2025, 3, 31))
        refused = self._claim(in_arrears, benefit)
        self.assertEqual(refused.amount_eligible, 0.0)
        self.assertIn("ค้างส่งเงินสมทบ", refused.eligibility_notes)
        paid_up = self._member(paid_until=D(2025, 5, 31))
        self.assertEqual(self._claim(paid_up, benefit).amount_eligible, 500.0)

    @freeze_time("2025-06-01")
    def test_age_limits_at_the_event(self):
        elderly = self._benefit(category="elderly", amount=200.0, min_age=60)
        young = self._member(birthdate=D(1965, 6, 2))
        old = self._member(birthdate=D(1965, 6, 1))
        self.assertEqual(self._claim(young, elderly).amount_eligible, 0.0)
        self.assertEqual(self._claim(old, elderly).amount_eligible, 200.0)
        scholarship = self._benefit(name="ทุน", amount=500.0, max_age=18)
        self.assertEqual(self._claim(old, scholarship).amount_eligible, 0.0)

    def test_member_deceased_before_the_event_is_refused(self):
        member = self._member(
            state="deceased", death_date=self.today - datetime.timedelta(days=10)
        )
        claim = self._claim(member, self._benefit(), self.today)
        self.assertEqual(claim.amount_eligible, 0.0)
        self.assertIn("เสียชีวิตแล้ว", claim.eligibility_notes)

    def test_future_event_is_refused(self):
        claim = self._claim(
            self._member(), self._benefit(), self.today + datetime.timedelta(days=1)
        )
        self.assertTrue(claim.eligibility_refused)
        self.assertIn("ยังมาไม่ถึง", claim.eligibility_notes)

    def test_suspended_member_is_refused(self):
        claim = self._claim(self._member(state="suspended"), self._benefit())
        self.assertTrue(claim.eligibility_refused)

    def test_max_claims_per_year(self):
        benefit = self._benefit(amount=300.0, max_claims_per_year=1)
        member = self._member()
        self._approved(member, benefit, self.today - datetime.timedelta(days=1))
        again = self._claim(member, benefit, self.today)
        self.assertEqual(again.amount_eligible, 0.0)
        self.assertIn("ใช้สิทธิ์ครบ 1 ครั้ง", again.eligibility_notes)

    def test_form_shows_the_eligible_amount_as_it_is_typed(self):
        member = self._member()
        benefit = self._benefit(
            amount_type="per_unit", unit="night", amount=200.0, max_units=3
        )
        with Form(self.Claim.with_user(self.officer)) as form:
            form.member_id = member.with_user(self.officer)
            form.benefit_type_id = benefit.with_user(self.officer)
            form.units = 2
            self.assertEqual(form.amount_eligible, 400.0)
            form.units = 4
            self.assertEqual(form.amount_eligible, 600.0)
            self.assertIn("ไม่เกิน 3 คืน", form.eligibility_notes)

    def test_checking_again_sees_the_arrears_paid_since(self):
        member = self._member(paid_until=self.today - datetime.timedelta(days=120))
        claim = self._claim(member, self._benefit(amount=500.0, require_paid_up=True))
        self.assertTrue(claim.eligibility_refused)
        member._workflow_write({"paid_until": self.today})
        claim.with_user(self.officer).action_check_eligibility()
        self.assertEqual(claim.amount_eligible, 500.0)
