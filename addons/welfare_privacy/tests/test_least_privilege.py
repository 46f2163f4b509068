from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestOfficerWhoReviews(PrivacyCase):
    """An officer of the first fund who also reviews the province."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._person()
        cls.other = cls._person(fund=cls.other_fund)
        for member in (cls.own, cls.other):
            cls._consent(member, "health")
        cls.own_claim = cls.env["welfare.claim"].create(
            {
                "member_id": cls.own.id,
                "benefit_type_id": cls.hospital.id,
                "health_details": "เบาหวาน",
                "description": "นอนโรงพยาบาล",
            }
        )
        cls.other_claim = cls.env["welfare.claim"].create(
            {
                "member_id": cls.other.id,
                "benefit_type_id": cls.other_hospital.id,
                "health_details": "ความดันโลหิตสูง",
                "description": "นอนโรงพยาบาล",
            }
        )

    def test_staff_funds_are_the_own_fund_only(self):
        self.assertEqual(
            self.officer_reviewer._welfare_staff_companies(), self.fund.company_id
        )
        self.assertEqual(self.officer._welfare_staff_companies(), self.fund.company_id)

    def test_other_funds_national_ids_are_masked(self):
        members = self._as(self.own | self.other, self.officer_reviewer)
        rows = {
            r["id"]: r for r in members.read(["national_id", "national_id_display"])
        }
        self.assertEqual(rows[self.own.id]["national_id"], self.own.national_id)
        self.assertNotIn("x", rows[self.own.id]["national_id_display"])
        for name in ("national_id", "national_id_display"):
            self.assertTrue(rows[self.other.id][name].startswith("x-xxxx-xxxxx"))
        self.assertFalse(
            self._as(self.other, self.officer_reviewer)._can_read_national_id()
        )

    def test_other_funds_health_details_are_hidden(self):
        claims = self._as(self.own_claim | self.other_claim, self.officer_reviewer)
        rows = {r["id"]: r for r in claims.read(["health_details", "description"])}
        self.assertEqual(rows[self.own_claim.id]["health_details"], "เบาหวาน")
        self.assertFalse(rows[self.other_claim.id]["health_details"])
        self.assertFalse(rows[self.other_claim.id]["description"])

    def test_other_funds_claim_documents_are_not_found(self):
        Attachment = self.env["ir.attachment"]
        documents = Attachment.create(
            [
                {
                    "name": "เอกสาร.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "welfare.claim",
                    "res_id": claim.id,
                }
                for claim in (self.own_claim, self.other_claim)
            ]
        )
        found = self._as(Attachment, self.officer_reviewer).search(
            [("id", "in", documents.ids)]
        )
        self.assertEqual(found, documents[0])

    def test_other_funds_members_are_not_found_by_national_id(self):
        Member = self._as(self.env["welfare.member"], self.officer_reviewer)
        self.assertFalse(Member.search([("national_id", "=", self.other.national_id)]))
        self.assertFalse(Member.name_search(self.other.national_id))
        self.assertEqual(
            Member.search([("national_id", "=", self.own.national_id)]), self.own
        )
        # the reviewer still finds the other fund's member by name
        self.assertIn(self.other, Member.search([("name", "=", self.other.name)]))

    def test_other_funds_national_ids_are_not_exported(self):
        self.officer_reviewer.groups_id |= self.env.ref("base.group_allow_export")
        members = self._as(self.own | self.other, self.officer_reviewer)
        with self.assertRaises(AccessError):
            members.export_data(["name", "national_id"])
        rows = self._as(self.own, self.officer_reviewer).export_data(["national_id"])
        self.assertEqual(rows["datas"][0][0], self.own.national_id)

    def test_registry_export_shows_other_funds_ids_masked(self):
        report = self.env["report.welfare_membership.member_registry_xlsx"]
        companies = report.with_user(self.officer_reviewer)._full_id_companies()
        self.assertEqual(companies, {self.fund.company_id.id})

    def test_other_funds_consents_are_not_read(self):
        Consent = self._as(self.env["welfare.consent"], self.officer_reviewer)
        found = Consent.search([("member_id", "in", (self.own | self.other).ids)])
        self.assertEqual(found.member_id, self.own)
