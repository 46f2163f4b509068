import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..lib import thai_id
from .common_membership import MembershipCase, make_id


@tagged("post_install", "-at_install")
class TestMember(MembershipCase):
    def test_member_is_a_contact_with_composed_thai_name(self):
        member = self._member(name_title="miss", first_name="มาลี", last_name="ศรีสุข")
        self.assertEqual(member.name, "นางสาวมาลี ศรีสุข")
        self.assertEqual(member.partner_id.name, "นางสาวมาลี ศรีสุข")
        self.assertEqual(member.partner_id.company_id, self.fund.company_id)

    def test_member_numbers_follow_the_fund_sequence(self):
        first = self._member()
        second = self._member()
        self.assertTrue(first.member_number)
        self.assertEqual(int(second.member_number), int(first.member_number) + 1)

    def test_invalid_national_id_checksum_is_refused(self):
        valid = make_id(4242)
        wrong = valid[:12] + str((int(valid[12]) + 1) % 10)
        with self.assertRaises(ValidationError):
            self._member(national_id=wrong)

    def test_a_person_without_registration_status_is_registered(self):
        number = thai_id.make("000189012345")
        member = self._member(national_id=number)
        self.assertEqual(member.national_id, number)
        self.assertEqual(member.person_category, "no_status")
        self.assertEqual(member.national_id_display, thai_id.format_id(number))

    def test_a_0_number_with_a_wrong_check_digit_is_still_refused(self):
        number = thai_id.make("000189012345")
        wrong = number[:12] + str((int(number[12]) + 1) % 10)
        with self.assertRaises(ValidationError):
            self._member(national_id=wrong)

    def test_the_category_must_fit_the_first_digit(self):
        member = self._member(national_id=thai_id.make("000189012346"))
        with self.assertRaisesRegex(ValidationError, "starting with 0"):
            member.person_category = "thai"
        foreigner = self._member(national_id=thai_id.make("610170012345"))
        self.assertEqual(foreigner.person_category, "foreigner")
        # 3, 4 and 8 are given to Thai and foreign people: the officer chooses
        either = self._member(national_id=thai_id.make("810170012345"))
        self.assertEqual(either.person_category, "thai")
        either.person_category = "foreigner"
        self.assertEqual(either.person_category, "foreigner")

    def test_national_id_is_stored_bare_and_shown_formatted(self):
        number = make_id(777)
        dashed = (
            f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"
        )
        member = self._member(national_id=dashed)
        self.assertEqual(member.national_id, number)
        self.assertEqual(member.national_id_display, dashed)

    def test_national_id_is_unique_within_a_fund(self):
        member = self._member()
        with self.assertRaises(ValidationError):
            self._member(national_id=member.national_id)

    def test_same_person_in_another_fund_is_flagged_not_blocked(self):
        member = self._member()
        other = self._member(fund=self.other_fund, national_id=member.national_id)
        self.assertTrue(other.in_other_fund)
        self.assertTrue(member.in_other_fund)

    def test_terminated_member_frees_the_national_id(self):
        member = self._member()
        member.action_terminate("ขาดส่งเงินสมทบ")
        again = self._member(national_id=member.national_id, state="applicant")
        self.assertEqual(again.state, "applicant")

    def test_beneficiary_shares_must_sum_to_100(self):
        member = self._member()
        with self.assertRaises(ValidationError):
            member.write(
                {
                    "beneficiary_ids": [
                        (0, 0, {"name": "ลูกคนโต", "share": 60}),
                        (0, 0, {"name": "ลูกคนเล็ก", "share": 30}),
                    ]
                }
            )

    def test_beneficiary_shares_summing_to_100_are_kept(self):
        member = self._member()
        member.write(
            {
                "beneficiary_ids": [
                    (0, 0, {"name": "ลูกคนโต", "share": 50}),
                    (0, 0, {"name": "ลูกคนเล็ก", "share": 50}),
                ]
            }
        )
        self.assertEqual(member.beneficiary_share_total, 100)

    def test_committee_approval_records_who_and_when(self):
        applicant = self._member(state="applicant", join_date=False)
        applicant.with_user(self.committee).action_approve()
        self.assertEqual(applicant.state, "active")
        self.assertEqual(applicant.approved_by_id, self.committee)
        self.assertTrue(applicant.approved_date)
        self.assertEqual(applicant.join_date, applicant.approved_date)

    def test_officer_cannot_approve(self):
        applicant = self._member(state="applicant", join_date=False)
        with self.assertRaises(UserError):
            applicant.with_user(self.officer).action_approve()

    def test_resignation_posts_the_reason_in_the_chatter(self):
        member = self._member()
        member.action_resign("ย้ายไปอยู่ต่างจังหวัด")
        self.assertEqual(member.state, "resigned")
        self.assertTrue(member.resign_date)
        self.assertIn("ย้ายไปอยู่ต่างจังหวัด", member.message_ids[0].body)

    def test_death_records_the_date_and_reason(self):
        member = self._member()
        member.action_mark_deceased(datetime.date(2025, 2, 3), "แจ้งโดยบุตร")
        self.assertEqual(member.state, "deceased")
        self.assertEqual(member.death_date, datetime.date(2025, 2, 3))
        self.assertIn("แจ้งโดยบุตร", member.message_ids[0].body)

    def test_status_change_needs_a_reason(self):
        member = self._member()
        with self.assertRaises(UserError):
            member.action_resign("  ")

    def test_committee_reinstates_a_terminated_member_who_paid(self):
        member = self._member(
            paid_until=datetime.date.today() + datetime.timedelta(days=60)
        )
        member.action_terminate("ขาดส่ง")
        member.with_user(self.committee).action_reinstate("ชำระครบแล้ว")
        self.assertEqual(member.state, "active")

    def test_a_member_still_owing_is_not_reinstated(self):
        member = self._member()  # joined in 2024, never paid
        member.action_terminate("ขาดส่ง")
        with self.assertRaisesRegex(UserError, "still owe contributions"):
            member.with_user(self.committee).action_reinstate("ขอกลับ")
        self.assertEqual(member.state, "terminated")

    def test_age_and_band_follow_the_birth_date(self):
        member = self._member(birthdate=datetime.date(1950, 1, 1))
        self.assertGreaterEqual(member.age, 70)
        self.assertIn(member.age_band, ("70_79", "80_plus"))

    def test_fund_with_members_can_only_be_archived(self):
        self._member(fund=self.other_fund)
        with self.assertRaises(UserError):
            self.other_fund.unlink()

    def test_new_fund_gets_a_one_baht_a_day_scheme(self):
        scheme = self.other_fund.contribution_scheme_id
        self.assertEqual((scheme.amount, scheme.period), (1.0, "day"))
        self.assertEqual(scheme.monthly_amount, 30.0)
        self.assertEqual(scheme.yearly_amount, 365.0)

    def test_a_monthly_scheme_year_is_twelve_months(self):
        scheme = self.other_fund.contribution_scheme_id
        scheme.write({"amount": 30.0, "period": "month"})
        self.assertEqual(scheme.monthly_amount, 30.0)
        self.assertEqual(scheme.yearly_amount, 360.0)
