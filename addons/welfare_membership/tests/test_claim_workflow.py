import datetime

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from .common_benefit import BenefitCase


class TestClaimWorkflow(BenefitCase):
    """Claims from draft to paid, with the roles of officer and committee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._member()
        cls.benefit = cls._benefit(amount=1000.0)

    def _submitted(self, **vals):
        claim = self._claim(self.member, self.benefit, **vals).with_user(self.officer)
        claim.action_submit()
        return claim

    def test_officer_submits_a_claim(self):
        claim = self._submitted()
        self.assertEqual(claim.state, "submitted")
        # numbered within the fund and the Buddhist-era year
        self.assertRegex(claim.name, r"^สค\.25\d\d/\d{4}$")

    def test_officer_cannot_approve(self):
        claim = self._submitted()
        with self.assertRaises(AccessError):
            claim.with_user(self.officer).action_approve()
        self.assertEqual(claim.state, "submitted")

    def test_officer_cannot_set_the_approved_amount(self):
        claim = self._submitted()
        with self.assertRaises(UserError):
            claim.with_user(self.officer).amount_approved = 500.0

    def test_committee_approves_the_eligible_amount(self):
        claim = self._submitted()
        claim.with_user(self.committee).action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.amount_approved, 1000.0)
        self.assertEqual(claim.approved_by_id, self.committee)

    def test_committee_may_lower_the_amount(self):
        claim = self._submitted().with_user(self.committee)
        claim.amount_approved = 700.0
        claim.action_approve()
        self.assertEqual(claim.amount_approved, 700.0)
        self.assertEqual(sum(claim.payee_line_ids.mapped("amount")), 700.0)

    def test_approved_amount_cannot_exceed_the_eligible_amount(self):
        claim = self._submitted().with_user(self.committee)
        claim.amount_approved = 1200.0
        with self.assertRaises(ValidationError):
            claim.action_approve()

    def test_requested_amount_below_eligible_is_what_gets_approved(self):
        claim = self._submitted(amount_requested=400.0)
        claim.with_user(self.committee).action_approve()
        self.assertEqual(claim.amount_approved, 400.0)

    def test_ineligible_claim_cannot_be_approved(self):
        member = self._member(state="suspended")
        claim = self._claim(member, self.benefit)
        claim.action_submit()
        with self.assertRaises(UserError):
            claim.with_user(self.committee).action_approve()

    def test_reject_needs_a_reason_and_posts_it(self):
        claim = self._submitted().with_user(self.committee)
        with self.assertRaises(UserError):
            claim.action_reject("  ")
        claim.action_reject("เอกสารไม่ครบ")
        self.assertEqual(claim.state, "rejected")
        self.assertIn("เอกสารไม่ครบ", claim.message_ids[0].body)

    def test_reject_wizard_is_for_the_committee(self):
        claim = self._submitted()
        wizard = (
            self.env["welfare.claim.reject"]
            .with_user(self.committee)
            .create({"claim_ids": [(6, 0, claim.ids)], "reason": "ไม่เข้าเงื่อนไข"})
        )
        wizard.action_reject()
        self.assertEqual(claim.reject_reason, "ไม่เข้าเงื่อนไข")
        with self.assertRaises(AccessError):
            self.env["welfare.claim.reject"].with_user(self.officer).create(
                {"claim_ids": [(6, 0, claim.ids)], "reason": "x"}
            )

    def test_submitted_claim_facts_are_frozen(self):
        claim = self._submitted()
        with self.assertRaises(UserError):
            claim.event_date = self.today - datetime.timedelta(days=3)

    def test_pay_wizard_records_the_payment(self):
        claim = self._submitted()
        claim.with_user(self.committee).action_approve()
        wizard = (
            self.env["welfare.claim.pay"]
            .with_user(self.officer)
            .create(
                {
                    "claim_ids": [(6, 0, claim.ids)],
                    "payment_method": "transfer",
                    "payment_reference": "TRF-001",
                }
            )
        )
        self.assertEqual(wizard.amount_total, 1000.0)
        wizard.action_pay()
        self.assertEqual(claim.state, "paid")
        self.assertEqual(claim.payment_method, "transfer")
        self.assertEqual(claim.payment_date, self.today)
        self.assertEqual(claim.payee_line_ids.partner_id, self.member.partner_id)

    def test_cancelled_claim_is_not_counted(self):
        claim = self._submitted()
        claim.action_cancel()
        self.assertEqual(claim.state, "cancelled")
        again = self._claim(self.member, self.benefit)
        self.assertEqual(again.amount_eligible, 1000.0)

    def test_committee_total_to_approve(self):
        self._submitted()
        other = self._benefit(name="อื่น", amount=250.0)
        claim = self._claim(self.member, other)
        claim.action_submit()
        self.assertEqual(self.Claim._get_to_approve_total(self.fund), 1250.0)


class TestClaimAccess(BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._member(health_consent=True)
        cls.benefit = cls._benefit(category="hospital", amount=500.0)
        cls.claim = cls.Claim.create(
            {
                "member_id": cls.member.id,
                "benefit_type_id": cls.benefit.id,
                "health_details": "ผ่าตัดไส้ติ่ง โรงพยาบาลร้อยเอ็ด",
            }
        )

    def test_other_funds_users_cannot_see_the_claim(self):
        claims = self.Claim.with_user(self.other_officer).search([])
        self.assertNotIn(self.claim, claims)
        with self.assertRaises(AccessError):
            self.claim.with_user(self.other_officer).read(["amount_eligible"])

    def test_other_funds_users_cannot_see_the_benefit(self):
        with self.assertRaises(AccessError):
            self.benefit.with_user(self.other_officer).read(["name"])

    def test_fund_officer_reads_health_details(self):
        details = self.claim.with_user(self.officer).health_details
        self.assertIn("ไส้ติ่ง", details)

    def test_network_reviewer_reads_claims_but_not_health_details(self):
        claim = self.claim.with_user(self.network)
        self.assertEqual(claim.amount_eligible, 500.0)
        with self.assertRaises(AccessError):
            claim.read(["health_details"])

    def test_health_details_need_the_members_health_consent(self):
        member = self._member(name="นางไม่ยินยอม ทดสอบ")
        other = self._benefit(name="ทุนการศึกษา", category="education")
        claim = self.Claim.create({"member_id": member.id, "benefit_type_id": other.id})
        with self.assertRaisesRegex(ValidationError, "consent"), self.cr.savepoint():
            claim.health_details = "เบาหวาน"
        member.write({"health_consent": True, "health_consent_date": claim.event_date})
        claim.health_details = "เบาหวาน"
        self.assertEqual(claim.health_details, "เบาหวาน")

    def test_a_health_benefit_is_filed_only_with_the_members_health_consent(self):
        # a claim for a hospital stay tells the member's health, details or not
        member = self._member(name="นางไม่ยินยอม ทดสอบ")
        Claim = self.Claim.with_user(self.officer)
        for vals in ({}, {"health_details": "เบาหวาน"}):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, "has not consented"),
                self.cr.savepoint(),
            ):
                Claim.create(
                    {"member_id": member.id, "benefit_type_id": self.benefit.id, **vals}
                )
        other = self._benefit(name="ทุนการศึกษา", category="education")
        claim = Claim.create({"member_id": member.id, "benefit_type_id": other.id})
        with self.assertRaisesRegex(ValidationError, "has not consented"):
            with self.cr.savepoint():
                claim.benefit_type_id = self.benefit
        self.assertEqual(claim.benefit_type_id, other)
        self.assertFalse(
            self.Claim.search(
                [
                    ("member_id", "=", member.id),
                    ("benefit_type_id", "=", self.benefit.id),
                ]
            )
        )
        member.write({"health_consent": True, "health_consent_date": claim.event_date})
        claim.benefit_type_id = self.benefit
        self.assertEqual(claim.category, "hospital")

    def test_officer_cannot_change_the_benefit_rules(self):
        with self.assertRaises(AccessError):
            self.benefit.with_user(self.officer).amount = 9999.0

    def test_committee_can_change_the_benefit_rules(self):
        self.benefit.with_user(self.committee).amount = 600.0
        self.assertEqual(self.benefit.amount, 600.0)


class TestDoubleClaimAndPayment(BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._member()
        cls.benefit = cls._benefit(amount=1000.0)

    def test_same_member_benefit_and_event_cannot_be_claimed_twice(self):
        self._claim(self.member, self.benefit)
        with self.assertRaisesRegex(ValidationError, "already has claim"):
            self._claim(self.member, self.benefit)

    def test_rejected_claim_may_be_filed_again(self):
        claim = self._claim(self.member, self.benefit)
        claim.action_submit()
        claim.with_user(self.committee).action_reject("ผิดประเภท")
        again = self._claim(self.member, self.benefit)
        self.assertEqual(again.state, "draft")

    @mute_logger("odoo.sql_db")
    def test_database_refuses_a_double_claim_too(self):
        self._claim(self.member, self.benefit)
        with (
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.env.cr.savepoint(),
        ):
            self.env.cr.execute(
                "INSERT INTO welfare_claim (name, member_id, benefit_type_id, "
                "fund_id, company_id, event_date, state) "
                "SELECT 'X', member_id, benefit_type_id, fund_id, company_id, "
                "event_date, 'draft' FROM welfare_claim WHERE member_id = %s",
                (self.member.id,),
            )

    def test_claim_cannot_be_paid_twice(self):
        claim = self._approved(self.member, self.benefit)
        # two screens holding the same approved claim
        first, second = claim.with_user(self.officer), claim.with_user(self.officer)
        first._mark_paid({"payment_method": "cash"})
        with self.assertRaisesRegex(UserError, "already been paid"):
            second._mark_paid({"payment_method": "cash"})


class TestConcurrentPayment(TransactionCase):
    """Two screens paying the same claim at the same moment.

    The data is committed by its own transaction (and removed afterwards), so
    that a second transaction can lock the claim while a third pays it.
    """

    def _commit_claim(self):
        with self.registry.cursor() as cr:
            env = self.env(cr=cr, context={"tracking_disable": True})
            today = welfare_today(env["welfare.claim"])
            fund = env["welfare.fund"].create(
                {
                    "name": "กองทุนทดสอบการล็อก",
                    "code": "T-LOCK",
                    "company_id": env.ref("base.main_company").id,
                }
            )
            member = env["welfare.member"]._workflow_create(
                {
                    "fund_id": fund.id,
                    "name": "นายล็อก ทดสอบ",
                    "state": "active",
                    "join_date": today - datetime.timedelta(days=800),
                    "paid_until": today + datetime.timedelta(days=60),
                }
            )
            benefit = env["welfare.benefit.type"].create(
                {"fund_id": fund.id, "name": "ทดสอบการล็อก", "amount": 100.0}
            )
            claim = env["welfare.claim"].create(
                {"member_id": member.id, "benefit_type_id": benefit.id}
            )
            claim.action_submit()
            claim.action_approve()
            return claim.id

    def _remove_committed(self, claim_id):
        with self.registry.cursor() as cr:
            env = self.env(cr=cr, context={"tracking_disable": True})
            claim = env["welfare.claim"].browse(claim_id)
            member, benefit, fund = (
                claim.member_id,
                claim.benefit_type_id,
                claim.fund_id,
            )
            partner = member.partner_id
            sequences = fund.member_sequence_id | fund.receipt_sequence_id
            schemes = fund.contribution_scheme_ids
            claim._workflow_write({"state": "cancelled"})
            claim.unlink()
            benefit.unlink()
            member.unlink()
            partner.unlink()
            fund.contribution_scheme_id = False
            schemes.unlink()
            fund.unlink()
            sequences.unlink()

    @mute_logger("odoo.sql_db")
    def test_claim_locked_by_another_payment_is_refused(self):
        claim_id = self._commit_claim()
        try:
            with self.registry.cursor() as locker:
                locker.execute(
                    "SELECT id FROM welfare_claim WHERE id = %s FOR UPDATE", (claim_id,)
                )
                with self.registry.cursor() as payer_cr:
                    payer = self.env(cr=payer_cr)["welfare.claim"].browse(claim_id)
                    with self.assertRaisesRegex(UserError, "another screen"):
                        payer._mark_paid({"payment_method": "cash"})
                    self.assertEqual(payer.state, "approved")
                    payer_cr.rollback()
                locker.rollback()
        finally:
            self._remove_committed(claim_id)


class TestDeathClaim(BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.death = cls._benefit(
            name="เสียชีวิต",
            category="death",
            amount_type="tiered",
            payee_type="beneficiaries",
            tier_ids=[(0, 0, {"min_years": 1, "amount": 10000.0})],
        )
        cls.member = cls._member(
            beneficiary_ids=[
                (
                    0,
                    0,
                    {"name": "นางภรรยา ทดสอบ", "relationship": "spouse", "share": 60},
                ),
                (0, 0, {"name": "นายลูก ทดสอบ", "relationship": "child", "share": 40}),
            ]
        )

    def test_death_claim_pays_the_beneficiaries_by_share(self):
        claim = self._approved(self.member, self.death)
        lines = claim.payee_line_ids.sorted("share")
        self.assertEqual(lines.mapped("amount"), [4000.0, 6000.0])
        self.assertEqual(
            lines.mapped("partner_id.name"), ["นายลูก ทดสอบ", "นางภรรยา ทดสอบ"]
        )
        claim.with_user(self.officer)._mark_paid({"payment_method": "cash"})
        self.assertEqual(claim.state, "paid")

    def test_death_claim_ends_the_membership(self):
        claim = self._approved(self.member, self.death)
        self.assertEqual(self.member.state, "deceased")
        self.assertEqual(self.member.death_date, claim.event_date)

    def test_shares_that_do_not_divide_evenly_still_add_up(self):
        amounts = self.Claim._split_amount(1000.0, [33.33, 33.33, 33.34])
        self.assertEqual(sum(amounts), 1000.0)
        self.assertEqual(amounts[:2], [333.3, 333.3])

    def test_death_claim_without_beneficiaries_waits_for_the_committee(self):
        """Submitted for the committee's meeting, approved only once the
        committee decided who is paid (see test_fund_rules)."""
        member = self._member(name="นายไม่มีผู้รับ ทดสอบ")
        claim = self._claim(member, self.death)
        claim.action_submit()
        with self.assertRaises(UserError):
            claim.with_user(self.committee).action_approve()
        self.assertEqual(claim.state, "submitted")
