"""Fund rules as funds live them: reinstatement with its arrears paid or waived,
rejoining in a new membership period, benefits for a member's dependants, and
death benefits of members who named no beneficiary."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..lib import thai_id
from .common_benefit import BenefitCase

D = datetime.date


class FundRulesCase(BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scheme = cls.fund.contribution_scheme_id
        cls.scheme.write(
            {"grace_months": 1, "suspend_months": 3, "terminate_months": 6}
        )
        cls.meeting = cls.env["welfare.fund.meeting"].create(
            {"fund_id": cls.fund.id, "name": "ประชุมคณะกรรมการ", "date": cls.today}
        )
        cls.Waiver = cls.env["welfare.arrears.waiver"]

    def _terminated(self, months_behind=8, **vals):
        """A member whose last payment, months ago, left them ``months_behind``
        months behind: terminated by the arrears run of that payment."""
        paid_until = self.today - relativedelta(months=months_behind + 1)
        member = self._member(paid_until=paid_until, **vals)
        self._pay(member, 30.0)
        self.assertEqual(member.state, "terminated")
        return member

    def _status_wizard(self, member, action, user=None, **vals):
        wizard = (
            self.env["welfare.member.status.wizard"]
            .with_user(user or self.committee)
            .create(
                dict(
                    {"member_ids": [(6, 0, member.ids)], "action": action},
                    reason="มติที่ประชุมคณะกรรมการ",
                    **vals,
                )
            )
        )
        return wizard.action_apply()

    def _pay(self, member, amount):
        payment = self.env["welfare.contribution"].create(
            {"member_id": member.id, "amount": amount, "date": self.today}
        )
        payment.with_user(self.officer).action_confirm()
        return payment


@tagged("post_install", "-at_install")
class TestReinstatement(FundRulesCase):
    def test_reinstating_with_the_arrears_still_owed_is_refused(self):
        member = self._terminated()
        with self.assertRaisesRegex(UserError, "still owe contributions"):
            member.with_user(self.committee).action_reinstate("ขอกลับเข้ากองทุน")
        self.assertEqual(member.state, "terminated")

    def test_a_member_reinstated_with_a_waiver_stays_reinstated(self):
        member = self._terminated()
        self._status_wizard(
            member,
            "reinstate",
            arrears_outcome="waived",
            meeting_id=self.meeting.id,
        )
        self.assertEqual(member.state, "active")
        waiver = member.waiver_ids
        self.assertEqual(waiver.state, "approved")
        self.assertEqual(waiver.meeting_id, self.meeting)
        self.assertEqual(waiver.approved_by_id, self.committee)
        self.assertGreaterEqual(waiver.months_waived, 6)
        self.assertGreater(waiver.amount_waived, 0)
        # neither the next arrears run nor a first partial payment ends it again
        member._update_arrears(self.today + relativedelta(days=1))
        self.env["welfare.member"]._cron_update_arrears()
        self.assertEqual(member.state, "active")
        self._pay(member, 10.0)
        self.assertEqual(member.state, "active")
        self.assertEqual(member.months_in_arrears, 0)
        notes = " ".join(str(body) for body in member.message_ids.mapped("body"))
        self.assertIn("waived by the committee", notes)

    def test_a_member_who_pays_the_arrears_is_reinstated(self):
        member = self._terminated(months_behind=7)
        with self.assertRaises(UserError):
            self._status_wizard(member, "reinstate", arrears_outcome="paid")
        # a payment too small to cover the arrears: nothing is recorded
        with self.assertRaises(UserError):
            self._status_wizard(
                member, "reinstate", arrears_outcome="paid", payment_amount=30.0
            )
        self.assertEqual(member.state, "terminated")
        self.assertEqual(len(member.contribution_ids), 1)
        # the wizard proposes what is owed up to the end of this month
        form = Form(
            self.env["welfare.member.status.wizard"]
            .with_user(self.committee)
            .with_context(default_member_ids=member.ids, default_action="reinstate")
        )
        self.assertGreater(form.payment_amount, 30.0 * 6)
        form.reason = "ชำระเงินสมทบที่ค้างครบแล้ว"
        form.save().action_apply()
        self.assertEqual(member.state, "active")
        self.assertEqual(len(member.contribution_ids), 2)
        self.assertFalse(member.waiver_ids)
        member._update_arrears(self.today)
        self.assertEqual(member.state, "active")

    def test_a_waiver_needs_its_meeting_and_the_committee(self):
        member = self._terminated()
        waiver = self.Waiver.with_user(self.officer).create(
            {"member_id": member.id, "reason": "ประสบอุทกภัย"}
        )
        with self.assertRaises(UserError):
            waiver.with_user(self.officer).action_approve()
        with self.assertRaisesRegex(UserError, "meeting"):
            waiver.with_user(self.committee).action_approve()
        self.assertEqual(waiver.state, "draft")
        waiver.meeting_id = self.meeting
        waiver.with_user(self.committee).action_approve()
        self.assertEqual(member.paid_until, waiver.waived_until)
        # a waiver alone does not reinstate a terminated member
        self.assertEqual(member.state, "terminated")

    def test_a_waiver_of_a_suspended_member_brings_the_member_back(self):
        member = self._member(paid_until=self.today - relativedelta(months=4))
        member._update_arrears(self.today)
        self.assertEqual(member.state, "suspended")
        self.Waiver.create(
            {
                "member_id": member.id,
                "reason": "เจ็บป่วยหนัก",
                "meeting_id": self.meeting.id,
            }
        ).with_user(self.committee).action_approve()
        self.assertEqual(member.state, "active")

    def test_nothing_to_waive_is_refused(self):
        member = self._member()  # paid up to the end of this month
        waiver = self.Waiver.create(
            {"member_id": member.id, "reason": "-", "meeting_id": self.meeting.id}
        )
        with self.assertRaisesRegex(UserError, "nothing"):
            waiver.with_user(self.committee).action_approve()


@tagged("post_install", "-at_install")
class TestRejoining(FundRulesCase):
    def test_a_terminated_member_rejoins_in_a_new_period(self):
        member = self._terminated()
        old_join = member.join_date
        payment = self.env["welfare.contribution"].search(
            [("member_id", "=", member.id)]
        )
        self._status_wizard(member, "rejoin", date=self.today)
        self.assertEqual(member.state, "active")
        self.assertEqual(member.join_date, self.today)
        self.assertEqual(member.paid_until, self.today - relativedelta(days=1))
        self.assertEqual(member.months_in_arrears, 0)
        periods = member.period_ids.sorted("date_start")
        self.assertEqual(len(periods), 2)
        self.assertEqual(periods[0].date_start, old_join)
        self.assertEqual(periods[0].end_state, "terminated")
        self.assertTrue(periods[0].date_left)
        self.assertEqual(periods[1].date_start, self.today)
        self.assertTrue(periods[1].is_current)
        # the earlier history stays
        self.assertTrue(payment)
        self.assertEqual(
            self.env["welfare.contribution"].search([("member_id", "=", member.id)]),
            payment,
        )
        self.assertEqual(payment.state, "confirmed")

    def test_waiting_periods_count_again_from_the_new_join_date(self):
        benefit = self._benefit(waiting_days=180, require_paid_up=False)
        member = self._terminated()
        # an earlier claim of the first period stays on the member
        past = self._claim(
            member, benefit, event_date=self.today - relativedelta(months=10)
        )
        self._status_wizard(member, "rejoin", date=self.today)
        claim = self._claim(member, benefit)
        self.assertTrue(claim.eligibility_refused)
        self.assertIn("ระยะรอสิทธิ์ 180 วัน", claim.eligibility_notes)
        self.assertIn(past, member.claim_ids)

    def test_only_the_committee_takes_back_a_member_who_left(self):
        member = self._terminated()
        with self.assertRaises(UserError):
            member.with_user(self.officer).action_rejoin(self.today, "ขอกลับ")
        active = self._member()
        with self.assertRaisesRegex(UserError, "terminated or resigned"):
            active.with_user(self.committee).action_rejoin(self.today, "ขอกลับ")

    def test_a_new_member_gets_a_period_on_approval(self):
        member = self.env["welfare.member"].create(
            {"fund_id": self.fund.id, "name": "นายสมัครใหม่ ทดสอบ"}
        )
        member.with_user(self.committee).action_approve()
        self.assertEqual(member.period_ids.date_start, self.today)
        member.action_resign("ย้ายออกนอกพื้นที่")
        self.assertEqual(member.period_ids.date_left, self.today)
        member.with_user(self.committee).action_rejoin(self.today, "กลับมาอยู่บ้าน")
        self.assertEqual(len(member.period_ids), 2)
        self.assertEqual(member.period_ids.sorted("id")[0].end_state, "resigned")


@tagged("post_install", "-at_install")
class TestDependants(FundRulesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.scholarship = cls._benefit(
            name="ทุนการศึกษาบุตร",
            category="education",
            amount=500.0,
            max_age=18,
            max_claims_per_year=1,
            claim_for="child",
        )
        cls.parent = cls._member(birthdate=D(1960, 1, 1))
        cls.child = cls.env["welfare.member.dependant"].create(
            {
                "member_id": cls.parent.id,
                "name": "เด็กหญิงใจดี ทดสอบ",
                "relationship": "child",
                "birth_date": cls.today - relativedelta(years=10),
            }
        )

    def test_a_scholarship_judges_the_childs_age_not_the_members(self):
        claim = self._claim(self.parent, self.scholarship, dependant_id=self.child.id)
        self.assertFalse(claim.eligibility_refused, claim.eligibility_notes)
        self.assertEqual(claim.amount_eligible, 500.0)
        self.assertIn("อายุ 10 ปี", claim.eligibility_notes)
        older = self.env["welfare.member.dependant"].create(
            {
                "member_id": self.parent.id,
                "name": "นายลูกคนโต ทดสอบ",
                "birth_date": self.today - relativedelta(years=20),
            }
        )
        refused = self._claim(self.parent, self.scholarship, dependant_id=older.id)
        self.assertTrue(refused.eligibility_refused)
        self.assertIn("อายุ 20 ปี เกินเกณฑ์สูงสุด 18 ปี", refused.eligibility_notes)

    def test_a_benefit_for_a_child_needs_the_child(self):
        with self.assertRaisesRegex(ValidationError, "choose whom"):
            self._claim(self.parent, self.scholarship)
        other = self._member()
        with self.assertRaises(ValidationError):
            self._claim(other, self.scholarship, dependant_id=self.child.id)

    def test_two_children_claim_on_the_same_day_each_within_its_limit(self):
        second = self.env["welfare.member.dependant"].create(
            {
                "member_id": self.parent.id,
                "name": "เด็กชายน้อง ทดสอบ",
                "birth_date": self.today - relativedelta(years=8),
            }
        )
        day = D(2025, 6, 2)  # one fiscal year (October to September)
        first = self._approved(
            self.parent, self.scholarship, day, dependant_id=self.child.id
        )
        other = self._approved(
            self.parent, self.scholarship, day, dependant_id=second.id
        )
        self.assertEqual((first.state, other.state), ("approved", "approved"))
        with self.assertRaises(ValidationError):
            self._claim(self.parent, self.scholarship, day, dependant_id=self.child.id)
        # one a year for each child: the first child's next claim is refused
        again = self._claim(
            self.parent,
            self.scholarship,
            event_date=D(2025, 6, 1),
            dependant_id=self.child.id,
        )
        self.assertTrue(again.eligibility_refused)
        self.assertIn("ใช้สิทธิ์ครบ 1 ครั้งแล้ว", again.eligibility_notes)

    def test_the_dependant_is_chosen_on_the_claim_form(self):
        form = Form(self.Claim.with_user(self.officer))
        form.member_id = self.parent
        form.benefit_type_id = self.scholarship
        form.dependant_id = self.child
        claim = form.save()
        self.assertEqual(claim.dependant_id, self.child)
        self.assertEqual(claim.amount_eligible, 500.0)

    def test_a_dependants_national_id_is_checked(self):
        Dependant = self.env["welfare.member.dependant"]
        number = thai_id.make("000189012345")
        dependant = Dependant.create(
            {"member_id": self.parent.id, "name": "ลูก", "national_id": number}
        )
        self.assertEqual(dependant.national_id, number)
        with self.assertRaises(ValidationError):
            Dependant.create(
                {
                    "member_id": self.parent.id,
                    "name": "ลูก",
                    "national_id": number[:12] + str((int(number[12]) + 1) % 10),
                }
            )

    def test_a_claimed_dependant_is_archived_not_deleted(self):
        self._claim(self.parent, self.scholarship, dependant_id=self.child.id)
        with self.assertRaises(UserError):
            self.child.with_user(self.officer).unlink()
        self.child.with_user(self.officer).active = False
        self.assertFalse(self.child.active)


@tagged("post_install", "-at_install")
class TestDeathWithoutBeneficiaries(FundRulesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.death = cls._benefit(
            name="เงินช่วยเหลือกรณีเสียชีวิต",
            category="death",
            amount=5000.0,
            payee_type="beneficiaries",
            require_paid_up=False,
        )
        cls.organiser = cls.env["res.partner"].create({"name": "นายจัดงาน ศพดี"})

    def _submitted(self):
        member = self._member()
        self.assertFalse(member.beneficiary_ids)
        claim = self._claim(member, self.death)
        claim.with_user(self.officer).action_submit()
        return claim

    def test_approval_waits_for_the_committees_decision(self):
        claim = self._submitted()
        with self.assertRaisesRegex(UserError, "named no beneficiary"):
            claim.with_user(self.committee).action_approve()
        self.assertEqual(claim.state, "submitted")

    def test_the_funeral_organiser_is_paid_on_the_committees_decision(self):
        claim = self._submitted()
        wizard = (
            self.env["welfare.claim.death.payee"]
            .with_user(self.committee)
            .create(
                {
                    "claim_ids": [(6, 0, claim.ids)],
                    "basis": "funeral_organiser",
                    "partner_id": self.organiser.id,
                    "relationship": "other",
                    "meeting_id": self.meeting.id,
                    "note": "ใบเสร็จค่าจัดงานศพ",
                }
            )
        )
        wizard.action_apply()
        self.assertEqual(claim.death_payee_basis, "funeral_organiser")
        self.assertEqual(claim.death_payee_meeting_id, self.meeting)
        self.assertEqual(claim.death_payee_decided_by_id, self.committee)
        claim.with_user(self.committee).action_approve()
        self.assertEqual(claim.payee_line_ids.partner_id, self.organiser)
        self.assertEqual(claim.payee_line_ids.amount, 5000.0)
        claim.with_user(self.officer)._mark_paid({"payment_method": "cash"})
        self.assertEqual(claim.state, "paid")
        self.assertEqual(claim.member_id.state, "deceased")

    def test_only_the_committee_decides_who_is_paid(self):
        claim = self._submitted()
        with self.assertRaises(AccessError):
            claim.with_user(self.officer).action_decide_death_payee(
                self.organiser, "child", "heirs", self.meeting
            )
        with self.assertRaisesRegex(UserError, "meeting"):
            claim.with_user(self.committee).action_decide_death_payee(
                self.organiser, "child", "heirs", self.env["welfare.fund.meeting"]
            )
        self.assertFalse(claim.death_payee_partner_id)

    def test_named_beneficiaries_are_not_replaced(self):
        member = self._member(
            beneficiary_ids=[(0, 0, {"name": "นางภรรยา ทดสอบ", "share": 100.0})]
        )
        claim = self._claim(member, self.death)
        with self.assertRaisesRegex(UserError, "named beneficiaries"):
            claim.with_user(self.committee).action_decide_death_payee(
                self.organiser, "other", "funeral_organiser", self.meeting
            )
