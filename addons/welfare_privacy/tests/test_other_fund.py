from odoo.tests import Form, tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestOtherFundCheck(PrivacyCase):
    def test_typing_an_id_of_another_fund_answers_only_ask_the_member(self):
        elsewhere = self._person(fund=self.other_fund)
        Member = self._as(self.env["welfare.member"], self.officer).with_context(
            default_fund_id=self.fund.id
        )
        form = Form(Member)
        form.first_name = "สมศรี"
        form.last_name = "ทดลอง"
        form.national_id = elsewhere.national_id
        self.assertTrue(form.in_other_fund)
        arch = Member.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("Registered in another fund: ask the member.", arch)
        log = self._logs(kind="other_fund", user_id=self.officer.id)
        self.assertTrue(log)
        detail = log[0].detail
        self.assertTrue(detail.startswith("x-xxxx-xxxxx-"))
        self.assertTrue(detail.endswith("yes"))
        # neither the other fund nor its member is named anywhere
        self.assertFalse(log.member_id & elsewhere)
        self.assertNotIn(self.other_fund.company_id, log.company_id)
        self.assertNotIn(elsewhere.national_id, " ".join(log.mapped("detail")))

    def test_an_id_of_no_other_fund_answers_no(self):
        member = self._person()
        self._as(member, self.officer).read(["in_other_fund"])
        log = self._logs(kind="other_fund", member_id=member.id)
        self.assertTrue(log.detail.endswith("no"))
