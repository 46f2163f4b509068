import base64
import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..hooks import post_init_hook, pre_init_hook
from .common import PrivacyCase

# a 1x1 PNG
PHOTO = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)


@tagged("post_install", "-at_install")
class TestConsentPurposes(PrivacyCase):
    def test_membership_consent_sets_the_members_consent_fields(self):
        member = self._person()
        self.assertFalse(member.consent_date)
        self._consent(member, "membership", method="verbal")
        self.assertEqual(member.consent_date, datetime.date(2024, 1, 1))
        self.assertEqual(member.consent_method, "verbal")
        self.assertTrue(member._welfare_has_consent("membership"))

    def test_a_health_benefit_is_filed_only_with_the_health_consent(self):
        member = self._person()
        Claim = self._as(self.env["welfare.claim"], self.officer)
        vals = {"member_id": member.id, "benefit_type_id": self.hospital.id}
        with self.assertRaisesRegex(ValidationError, "has not consented"):
            with self.cr.savepoint():
                Claim.create(vals)
        consent = self._consent(member, "health")
        claim = Claim.create(vals)
        self.assertEqual(claim.category, "hospital")
        # once withdrawn, no new claim for a hospital stay is filed
        consent.action_withdraw()
        with self.assertRaisesRegex(ValidationError, "has not consented"):
            with self.cr.savepoint():
                Claim.create(
                    dict(vals, event_date=claim.event_date - datetime.timedelta(days=1))
                )
        self.assertEqual(Claim.search_count([("member_id", "=", member.id)]), 1)

    def test_health_details_and_documents_need_the_health_consent(self):
        member = self._person()
        consent = self._consent(member, "health")
        claim = self._claim(member, self.hospital)
        consent.action_withdraw()
        for vals in (
            {"health_details": "ไข้เลือดออก"},
            {"description": "นอนโรงพยาบาล 2 คืน"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, "consent"),
                self.cr.savepoint(),
            ):
                claim.with_user(self.officer).write(vals)
        document = self.env["ir.attachment"].create(
            {
                "name": "ใบรับรองแพทย์.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "welfare.claim",
            }
        )
        with self.assertRaisesRegex(ValidationError, "consent"), self.cr.savepoint():
            claim.attachment_ids = document
        self._consent(member, "health")
        self.assertTrue(member.health_consent)
        claim.with_user(self.officer).write(
            {"health_details": "ไข้เลือดออก", "description": "นอนโรงพยาบาล 2 คืน"}
        )
        claim.attachment_ids = document
        self.assertEqual(claim.health_details, "ไข้เลือดออก")

    def test_a_claim_outside_health_takes_a_description_without_consent(self):
        member = self._person()
        other = self._benefit(name="ทุนการศึกษา", category="education", amount=300.0)
        claim = self._claim(member, other, description="ลูกเรียน ป.1")
        self.assertEqual(claim.description, "ลูกเรียน ป.1")

    def test_disabled_member_type_needs_the_disability_consent(self):
        member = self._person()
        with self.assertRaisesRegex(ValidationError, "disab"), self.cr.savepoint():
            member.with_user(self.officer).member_type = "disabled"
        self._consent(member, "disability")
        member.with_user(self.officer).member_type = "disabled"
        self.assertEqual(member.member_type, "disabled")

    def test_photo_needs_the_photo_consent(self):
        member = self._person()
        with self.assertRaisesRegex(ValidationError, "photo"), self.cr.savepoint():
            member.with_user(self.officer).image_1920 = PHOTO
        self._consent(member, "photo")
        member.with_user(self.officer).image_1920 = PHOTO
        self.assertTrue(member.image_1920)

    def test_contact_consent_is_what_reminders_ask(self):
        member = self._person()
        self.assertFalse(member._welfare_has_consent("contact"))
        consent = self._consent(member, "contact", method="electronic")
        self.assertTrue(member._welfare_has_consent("contact"))
        self.assertEqual(member._welfare_filter_consent("contact"), member)
        consent.action_withdraw()
        self.assertFalse(member._welfare_has_consent("contact"))

    def test_one_given_consent_per_purpose(self):
        member = self._person()
        self._consent(member, "health")
        with self.assertRaisesRegex(ValidationError, "already"), self.cr.savepoint():
            self._consent(member, "health")

    def test_consent_fields_written_on_the_member_record_consents(self):
        member = self._person()
        member.with_user(self.officer).write(
            {"health_consent": True, "health_consent_date": datetime.date(2024, 2, 1)}
        )
        consent = member.consent_ids
        self.assertEqual(
            (consent.purpose, consent.state, consent.given_date),
            ("health", "given", datetime.date(2024, 2, 1)),
        )
        self.assertEqual(consent.recorded_by_id, self.officer)
        member.with_user(self.officer).health_consent = False
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(consent.withdrawn_by_id, self.officer)
        self.assertFalse(member.health_consent)

    def test_existing_consent_values_become_records_on_installation(self):
        member = self._person(member_type="general")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE welfare_member SET consent_date = '2023-05-01', "
            "consent_method = 'paper', health_consent = TRUE, "
            "health_consent_date = '2023-06-01', member_type = 'disabled' "
            "WHERE id = %s",
            (member.id,),
        )
        pre_init_hook(self.env)
        post_init_hook(self.env)
        member.invalidate_recordset()
        self.assertEqual(
            sorted(member.consent_ids.mapped("purpose")),
            ["disability", "health", "membership"],
        )
        self.assertEqual(member.consent_date, datetime.date(2023, 5, 1))
        self.assertEqual(member.health_consent_date, datetime.date(2023, 6, 1))


@tagged("post_install", "-at_install")
class TestConsentWithdrawal(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._person()
        cls.health = cls._consent(cls.member, "health")

    def _health_claim(self):
        claim = self._claim(
            self.member,
            self.hospital,
            units=2,
            health_details="ไข้เลือดออก",
            description="นอนโรงพยาบาลร้อยเอ็ด",
        )
        document = self.env["ir.attachment"].create(
            {
                "name": "ใบรับรองแพทย์.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "welfare.claim",
                "res_id": claim.id,
            }
        )
        claim.attachment_ids = document
        return claim, document

    def _read(self, claim, user):
        return self._as(claim, user).read(
            [
                "health_details",
                "description",
                "attachment_ids",
                "units",
                "eligibility_notes",
            ]
        )[0]

    def test_withdrawn_health_data_is_shown_to_the_committee_only(self):
        claim, document = self._health_claim()
        self.health.with_user(self.officer).action_withdraw()
        self.assertTrue(self.member.health_consent_withdrawn)
        officer_view = self._read(claim, self.officer)
        self.assertFalse(officer_view["health_details"])
        self.assertFalse(officer_view["description"])
        self.assertEqual(officer_view["attachment_ids"], [])
        # the nights in hospital and the explanation naming them tell it too
        self.assertFalse(officer_view["units"])
        self.assertFalse(officer_view["eligibility_notes"])
        # the amounts and the state stay for the fund's accounts
        amounts = self._as(claim, self.officer).read(
            ["amount_eligible", "amount_requested", "state", "category"]
        )[0]
        self.assertEqual(amounts["amount_eligible"], claim.amount_eligible)
        self.assertEqual(amounts["state"], "draft")
        Attachment = self.env["ir.attachment"]
        self.assertFalse(
            self._as(Attachment, self.officer).search([("id", "=", document.id)])
        )
        committee_view = self._read(claim, self.committee)
        self.assertEqual(committee_view["health_details"], "ไข้เลือดออก")
        self.assertEqual(committee_view["units"], 2)
        self.assertEqual(committee_view["attachment_ids"], document.ids)
        self.assertTrue(
            self._as(Attachment, self.committee).search([("id", "=", document.id)])
        )

    def test_withdrawn_health_data_is_purged_after_the_funds_period(self):
        claim, document = self._health_claim()
        self.fund.privacy_purge_days = 30
        self.health.action_withdraw()
        self.assertEqual(
            self.health.purge_date, welfare_today(claim) + datetime.timedelta(days=30)
        )
        Consent = self.env["welfare.consent"]
        Consent._cron_purge_withdrawn()
        self.assertEqual(claim.health_details, "ไข้เลือดออก")
        self.fund.privacy_purge_days = 0
        Consent._cron_purge_withdrawn()
        claim.invalidate_recordset()
        self.assertFalse(claim.health_details)
        self.assertFalse(claim.description)
        self.assertFalse(document.exists())
        self.assertFalse(claim.units)
        self.assertFalse(claim.eligibility_notes)
        self.assertEqual(self.health.purged_date, welfare_today(claim))

    def test_a_paid_claims_amounts_stay_when_its_health_data_is_purged(self):
        claim, _document = self._health_claim()
        claim.action_submit()
        claim.with_user(self.committee).action_approve()
        approved, eligible = claim.amount_approved, claim.amount_eligible
        self.assertTrue(approved)
        self.fund.privacy_purge_days = 0
        self.health.action_withdraw()
        self.env["welfare.consent"]._cron_purge_withdrawn()
        claim.invalidate_recordset()
        self.assertFalse(claim.units)
        self.assertFalse(claim.description)
        self.assertEqual(
            (claim.state, claim.amount_approved, claim.amount_eligible),
            ("approved", approved, eligible),
        )

    def test_network_reviewers_never_read_a_health_claims_details(self):
        claim, _document = self._health_claim()
        view = self._as(claim, self.network).read(
            ["units", "description", "eligibility_notes", "amount_eligible"]
        )[0]
        self.assertFalse(view["units"])
        self.assertFalse(view["description"])
        self.assertFalse(view["eligibility_notes"])
        # what the province reviews: the amounts
        self.assertEqual(view["amount_eligible"], claim.amount_eligible)
        self.assertTrue(view["amount_eligible"])

    def test_a_consent_given_again_keeps_the_data(self):
        claim, _document = self._health_claim()
        self.fund.privacy_purge_days = 0
        self.health.action_withdraw()
        self._consent(self.member, "health")
        self.env["welfare.consent"]._cron_purge_withdrawn()
        self.assertEqual(claim.health_details, "ไข้เลือดออก")
        self.assertFalse(self.member.health_consent_withdrawn)

    def test_withdrawn_disability_is_hidden_then_purged(self):
        disability = self._consent(self.member, "disability")
        self.member.member_type = "disabled"
        disability.action_withdraw()
        self.assertFalse(
            self._as(self.member, self.officer).read(["member_type"])[0]["member_type"]
        )
        self.assertEqual(
            self._as(self.member, self.committee).read(["member_type"])[0][
                "member_type"
            ],
            "disabled",
        )
        self.fund.privacy_purge_days = 0
        self.env["welfare.consent"]._cron_purge_withdrawn()
        self.assertEqual(self.member.member_type, "general")

    def test_withdrawn_photo_is_removed_at_once(self):
        photo = self._consent(self.member, "photo")
        self.member.image_1920 = PHOTO
        photo.with_user(self.officer).action_withdraw()
        self.member.invalidate_recordset()
        self.assertFalse(self.member.image_1920)
        self.assertTrue(photo.purged_date)

    def test_membership_withdrawal_keeps_the_membership_data(self):
        membership = self._consent(self.member, "membership")
        membership.action_withdraw()
        self.assertFalse(self.member.consent_date)
        self.assertTrue(self.member.national_id)

    def test_a_withdrawn_consent_cannot_be_withdrawn_twice(self):
        self.health.action_withdraw()
        with self.assertRaises(UserError):
            self.health.action_withdraw()
