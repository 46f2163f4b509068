from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form

from .common_benefit import BenefitCase


class TestBenefitCatalogue(BenefitCase):
    def _copy(self, user=None, **vals):
        Wizard = self.env["welfare.benefit.catalogue.copy"]
        if user:
            Wizard = Wizard.with_user(user)
        wizard = Wizard.create(dict({"fund_ids": [(6, 0, self.fund.ids)]}, **vals))
        return wizard.action_copy()

    def test_ready_catalogue_is_copied_into_a_fund(self):
        self._copy()
        benefits = self.fund.benefit_type_ids
        templates = self.env["welfare.benefit.template"].search([])
        self.assertEqual(len(benefits), len(templates))
        self.assertGreaterEqual(self.fund.basic_benefit_count, 3)
        death = benefits.filtered(lambda b: b.category == "death")
        self.assertEqual(death.payee_type, "beneficiaries")
        self.assertEqual(death.tier_ids.mapped("amount")[:1], [3000.0])

    def test_copying_twice_keeps_what_the_fund_has(self):
        self._copy()
        birth = self.fund.benefit_type_ids.filtered(lambda b: b.category == "birth")
        birth.amount = 800.0
        self._copy()
        births = self.fund.benefit_type_ids.filtered(lambda b: b.category == "birth")
        self.assertEqual(len(births), 1)
        self.assertEqual(births.amount, 800.0)

    def test_benefits_are_copied_between_funds(self):
        self._benefit(
            fund=self.other_fund,
            name="ค่านอนโรงพยาบาล",
            amount_type="per_unit",
            unit="night",
            amount=300.0,
            cap_per_year=1500.0,
        )
        action = self._copy(source="fund", source_fund_id=self.other_fund.id)
        copied = self.Benefit.search(action["domain"])
        self.assertEqual(copied.fund_id, self.fund)
        self.assertEqual((copied.amount, copied.cap_per_year), (300.0, 1500.0))

    def test_officer_cannot_copy_a_catalogue(self):
        with self.assertRaises(AccessError):
            self._copy(user=self.officer)

    def test_committee_copies_the_catalogue_for_its_fund(self):
        self._copy(user=self.committee)
        self.assertTrue(self.fund.benefit_type_ids)

    def test_tiered_benefit_needs_tiers(self):
        with self.assertRaises(ValidationError):
            self._benefit(amount_type="tiered", amount=0.0)

    def test_fixed_benefit_needs_an_amount(self):
        with self.assertRaises(ValidationError):
            self._benefit(amount=0.0)

    def test_benefit_form_for_a_tier_table(self):
        form = Form(self.Benefit.with_user(self.committee))
        form.name = "ค่าทำศพ"
        form.category = "death"
        form.amount_type = "tiered"
        with form.tier_ids.new() as tier:
            tier.min_years = 1
            tier.amount = 3000.0
        benefit = form.save()
        self.assertEqual(benefit.fund_id, self.fund)
        self.assertEqual(benefit.tier_ids.amount, 3000.0)
