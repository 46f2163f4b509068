from odoo.tests import new_test_user, tagged

from ..lib import thai_id
from .common_membership import MembershipCase


@tagged("post_install", "-at_install")
class TestMemberSearch(MembershipCase):
    """The search box of the member list and of every member field."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.somchai = cls._member(first_name="สมชาย", last_name="ใจดี")
        cls.somsri = cls._member(first_name="สมศรี", last_name="มีสุข")
        cls.other = cls._member(
            fund=cls.other_fund, first_name="สมชาย", last_name="รักถิ่น"
        )

    def _find(self, text, user=None):
        Member = self.Member.with_user(user) if user else self.Member
        return Member.search([("display_name", "ilike", text)]) & (
            self.somchai | self.somsri | self.other
        )

    def test_words_search_the_name(self):
        self.assertEqual(self._find("สมชาย"), self.somchai | self.other)
        self.assertEqual(self._find("มีสุข"), self.somsri)
        self.assertEqual(self._find("สมชาย ใจ"), self.somchai)

    def test_a_number_finds_the_member_number_exactly(self):
        number = self.somsri.member_number
        self.assertEqual(
            self._find(number).filtered(lambda m: m.fund_id == self.fund),
            self.somsri,
        )
        # not every member whose number merely contains those digits
        self.assertFalse(self._find(number[1:]) & self.somsri)

    def test_national_id_found_bare_formatted_or_in_thai_digits(self):
        national_id = self.somchai.national_id
        formatted = thai_id.format_id(national_id)
        thai = national_id.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        for text in (national_id, formatted, thai, f" {national_id} "):
            with self.subTest(text=text):
                self.assertEqual(self._find(text), self.somchai)

    def test_start_of_a_national_id_finds_the_member(self):
        self.assertIn(self.somchai, self._find(self.somchai.national_id[:9]))

    def test_national_id_finds_nobody_for_users_who_cannot_read_it(self):
        reviewer = new_test_user(
            self.env,
            login="search_reviewer",
            groups="welfare_base.group_welfare_network",
            company_id=self.fund.company_id.id,
            company_ids=[self.fund.company_id.id, self.other_fund.company_id.id],
        )
        self.assertFalse(self._find(self.somchai.national_id, user=reviewer))
        self.assertEqual(self._find("ใจดี", user=reviewer), self.somchai)

    def test_many2one_dropdown_uses_the_same_search(self):
        found = self.Member.name_search(self.somsri.national_id)
        self.assertEqual([row[0] for row in found], [self.somsri.id])
        found = self.Member.name_search("มีสุข")
        self.assertIn(self.somsri.id, [row[0] for row in found])

    def test_negative_search_keeps_odoo_meaning(self):
        members = self.Member.search(
            [
                ("display_name", "not ilike", "สมชาย"),
                ("id", "in", (self.somchai | self.somsri).ids),
            ]
        )
        self.assertEqual(members, self.somsri)

    def test_members_listed_fund_by_fund_then_by_number(self):
        later = self._member(first_name="สมหมาย", last_name="ทดสอบ")
        members = self.Member.search(
            [("id", "in", (self.somchai | self.somsri | self.other | later).ids)]
        )
        self.assertEqual(
            members.mapped("member_number")[:3],
            sorted((self.somchai | self.somsri | later).mapped("member_number")),
        )
        self.assertEqual(members[-1], self.other)

    def test_search_box_finds_an_id_in_two_queries(self):
        # the indexed columns alone, then the user's search on what they found
        text = thai_id.format_id(self.somchai.national_id)
        self.Member.search([("display_name", "ilike", text)])
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            found = self.Member.search([("display_name", "ilike", text)])
        self.assertEqual(found, self.somchai)

    def test_search_indexes_exist(self):
        cr = self.env.cr
        cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname IN %s",
            [
                (
                    "welfare_member_fund_number_index",
                    "welfare_member__search_name_index",
                    "res_partner_name_welfare_trgm_index",
                )
            ],
        )
        definitions = " ".join(row[0] for row in cr.fetchall())
        self.assertIn("(fund_id, member_number)", definitions)
        if self.env.registry.has_trigram:
            self.assertIn("(search_name gin_trgm_ops)", definitions)
            self.assertIn("(name gin_trgm_ops)", definitions)
