import datetime
from unittest.mock import patch

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from ..models import bulk
from .common_membership import MembershipCase, make_id


@tagged("post_install", "-at_install")
class TestBulkCreate(MembershipCase):
    """The import's set-based path makes the members create() makes."""

    def _vals(self, seed, **extra):
        vals = {
            "fund_id": self.fund.id,
            "state": "active",
            "member_type": "general",
            "name_title": "mrs",
            "first_name": f"สมใจ{seed}",
            "last_name": "ทองดี",
            "national_id": make_id(900000 + seed),
            "birthdate": datetime.date(1970, 5, 1),
            "gender": "female",
            "village_no": "4",
            "phone": "0812345678",
            "street": "12/1",
            "join_date": datetime.date(2020, 1, 1),
            "beneficiary_ids": [
                (0, 0, {"name": f"ผู้รับ {seed}", "relationship": "child", "share": 100.0})
            ],
        }
        vals.update(extra)
        return vals

    def test_bulk_members_equal_those_create_makes(self):
        Member = self.Member.with_context(mail_create_nolog=True)
        made = Member._workflow_create([self._vals(1)])
        bulk_made = self.Member._bulk_create([self._vals(2)], note="นำเข้าจากไฟล์")
        self.assertEqual(len(bulk_made), 1)
        self.assertEqual(int(bulk_made.member_number), int(made.member_number) + 1)
        for fname in (
            "state",
            "member_type",
            "fund_id",
            "company_id",
            "subdistrict_id",
            "birthdate",
            "age",
            "age_band",
            "gender",
            "village_no",
            "join_date",
            "state_date",
            "street",
            "phone",
            "zip",
            "city",
            "state_id",
            "country_id",
            "lang",
            "active",
            "partner_share",
            "is_company",
            "type",
        ):
            with self.subTest(field=fname):
                self.assertEqual(bulk_made[fname], made[fname])
        self.assertEqual(bulk_made.name, "นางสมใจ2 ทองดี")
        self.assertEqual(bulk_made.search_name, bulk_made.name)
        partner = bulk_made.partner_id
        self.assertEqual(partner.company_id, self.fund.company_id)
        self.assertEqual(partner.complete_name, bulk_made.name)
        self.assertEqual(partner.commercial_partner_id, partner)
        self.assertEqual(partner.create_uid, self.env.user)
        # the beneficiary is seen at once, in the same transaction
        self.assertEqual(bulk_made.beneficiary_ids.mapped("share"), [100.0])
        self.assertEqual(bulk_made.beneficiary_ids.fund_id, self.fund)
        # the note is the member's only message; nobody follows the member
        self.assertEqual(len(bulk_made.message_ids), 1)
        self.assertIn("นำเข้าจากไฟล์", str(bulk_made.message_ids.body))
        self.assertEqual(bulk_made.message_ids.subtype_id, self.env.ref("mail.mt_note"))
        self.assertFalse(bulk_made.message_follower_ids)
        # and it is found by the search box
        self.assertEqual(
            self.Member.search([("display_name", "ilike", "สมใจ2")]), bulk_made
        )

    def test_text_is_stored_as_typed(self):
        member = self.Member._bulk_create(
            [self._vals(3, first_name="100% ใจ'ดี", street='บ้าน "ริมน้ำ" %s')]
        )
        member.invalidate_recordset()
        self.assertEqual(member.first_name, "100% ใจ'ดี")
        self.assertEqual(member.street, 'บ้าน "ริมน้ำ" %s')

    def test_a_field_missing_from_some_rows_gets_its_default(self):
        first, second = self._vals(10), self._vals(11)
        first["member_type"] = "elderly"
        del second["member_type"]
        members = self.Member._bulk_create([first, second])
        members.invalidate_recordset()
        self.assertEqual(members.mapped("member_type"), ["elderly", "general"])

    def test_constraints_still_hold(self):
        self.Member._bulk_create([self._vals(4)])
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            # the same national ID twice in the fund
            self.Member._bulk_create([self._vals(5, national_id=make_id(900004))])

    def test_users_who_may_not_register_members_cannot_either(self):
        reviewer = new_test_user(
            self.env,
            login="bulk_reviewer",
            groups="welfare_base.group_welfare_network",
            company_id=self.fund.company_id.id,
            company_ids=[self.fund.company_id.id],
        )
        with self.assertRaises(AccessError):
            self.Member.with_user(reviewer)._bulk_create([self._vals(6)])

    def test_unknown_override_of_contacts_falls_back_to_create(self):
        # mail (a dependency) overrides the contacts' create(): left unknown, it
        # must send the import through create(), whichever modules are installed
        known = dict(bulk.KNOWN_CREATE, **{"res.partner": {"base"}})
        with patch.object(bulk, "KNOWN_CREATE", known):
            self.assertFalse(bulk.can_bulk_insert(self.env["res.partner"]))
            with patch.object(bulk, "bulk_insert", side_effect=AssertionError):
                member = self.Member._bulk_create([self._vals(7)], note="ผ่าน create")
        self.assertEqual(member.first_name, "สมใจ7")
        self.assertEqual(member.beneficiary_ids.share, 100.0)
        self.assertIn("ผ่าน create", str(member.message_ids[:1].body))

    def test_status_moves_are_logged_on_each_member(self):
        members = self.Member._bulk_create([self._vals(8), self._vals(9)])
        members._set_state("suspended", "ค้างชำระ")
        for member in members:
            self.assertEqual(member.state, "suspended")
            self.assertIn("ค้างชำระ", str(member.message_ids[:1].body))
