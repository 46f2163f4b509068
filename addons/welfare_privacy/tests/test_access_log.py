import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import PrivacyCase


@tagged("post_install", "-at_install")
class TestAccessLog(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._person()
        cls._consent(cls.member, "health")
        cls.claim = cls.env["welfare.claim"].create(
            {
                "member_id": cls.member.id,
                "benefit_type_id": cls.hospital.id,
                "health_details": "ผ่าตัดไส้ติ่ง",
            }
        )

    def test_reading_a_full_national_id_is_logged(self):
        values = self._as(self.member, self.officer).web_read(
            {"national_id_display": {}, "name": {}}
        )
        self.assertEqual(len(values[0]["national_id_display"]), 17)
        log = self._logs(kind="national_id", member_id=self.member.id)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.officer)
        self.assertEqual(log.company_id, self.fund.company_id)
        self.assertEqual(log.channel, "server")
        self.assertTrue(log.date)

    def test_a_masked_national_id_is_not_logged(self):
        values = self._as(self.member, self.network).read(["national_id_display"])
        self.assertIn("x-xxxx", values[0]["national_id_display"])
        self.assertFalse(self._logs(kind="national_id", member_id=self.member.id))

    def test_reading_health_details_is_logged(self):
        self._as(self.claim, self.officer).read(["health_details"])
        log = self._logs(kind="health", member_id=self.member.id)
        self.assertEqual(log.user_id, self.officer)
        self.assertEqual((log.res_model, log.res_id), ("welfare.claim", self.claim.id))

    def test_opening_a_claim_document_is_logged(self):
        document = self.env["ir.attachment"].create(
            {
                "name": "ใบเสร็จโรงพยาบาล.pdf",
                "raw": b"%PDF-1.4",
                "res_model": "welfare.claim",
                "res_id": self.claim.id,
            }
        )
        self._as(document, self.committee).read(["datas"])
        log = self._logs(kind="document", member_id=self.member.id)
        self.assertEqual(log.user_id, self.committee)
        self.assertEqual(log.detail, "ใบเสร็จโรงพยาบาล.pdf")

    def test_a_list_of_80_members_is_logged_in_a_fixed_number_of_queries(self):
        members = self.env["welfare.member"]
        for _i in range(80):
            members |= self._person()
        Member = self._as(self.env["welfare.member"], self.officer)
        spec = {"name": {}, "member_number": {}, "national_id_display": {}}
        domain = [("id", "in", members.ids)]

        def queries(limit):
            Member.web_search_read(domain, spec, limit=1)  # warm the caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Member.web_search_read(domain, spec, limit=limit)
            return self.env.cr.sql_log_count - before

        few, many = queries(10), queries(80)
        self.assertEqual(few, many)
        logged = self._logs(kind="national_id", user_id=self.officer.id)
        # 1 + 10 + 1 + 80 members read in full
        self.assertEqual(len(logged), 92)
        self.assertEqual(set(logged.member_id.ids) - set(members.ids), set())

    def test_the_committee_reviews_its_funds_log_the_officer_does_not(self):
        self._as(self.member, self.officer).read(["national_id"])
        Log = self.env["welfare.access.log"]
        self.assertTrue(
            self._as(Log, self.committee).search([("member_id", "=", self.member.id)])
        )
        with self.assertRaises(AccessError):
            self._as(Log, self.officer).search([])
        other_committee = self._fund_user(
            "pdpa_other_committee", "group_welfare_committee", self.other_fund
        )
        self.assertFalse(
            self._as(Log, other_committee).search([("member_id", "=", self.member.id)])
        )

    def test_nobody_changes_or_deletes_the_log(self):
        self._as(self.member, self.officer).read(["national_id"])
        log = self._logs(kind="national_id", member_id=self.member.id)
        admin = self.env.ref("base.user_admin")
        for Log in (
            log.with_user(admin),
            log.with_user(self.committee),
            log.sudo(),
        ):
            with self.subTest(user=Log.env.user.login, su=Log.env.su):
                with self.assertRaises(UserError):
                    Log.write({"user_id": self.committee.id})
                with self.assertRaises(UserError):
                    Log.unlink()
                with self.assertRaises(UserError):
                    Log.create({"kind": "health", "user_id": admin.id})
        self.assertEqual(log.user_id, self.officer)
        self.assertTrue(log.exists())


@tagged("post_install", "-at_install")
class TestAccessLogReadOnlyRequest(PrivacyCase, HttpCase):
    """The web client reads members on a read-only cursor unless the method
    says otherwise: a logged read opens a read/write cursor at once."""

    def _call_kw(self, model, method, args, kwargs):
        kwargs = {
            **kwargs,
            "context": {"allowed_company_ids": self.officer.company_ids.ids},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs,
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertNotIn("error", body)
        return body["result"]

    def test_a_logged_list_read_runs_once_on_a_read_write_cursor(self):
        member = self._person()
        self.authenticate(self.officer.login, self.officer.login)
        with self.assertNoLogs("odoo.http", level="WARNING"):
            result = self._call_kw(
                "welfare.member",
                "web_search_read",
                [[("id", "=", member.id)], {"national_id_display": {}}],
                {},
            )
        self.assertEqual(len(result["records"][0]["national_id_display"]), 17)
        # one read, one line: the request was not run a second time
        self.assertEqual(len(self._logs(kind="national_id", member_id=member.id)), 1)

    def test_a_logged_form_read_runs_once_on_a_read_write_cursor(self):
        member = self._person()
        self.authenticate(self.officer.login, self.officer.login)
        with self.assertNoLogs("odoo.http", level="WARNING"):
            self._call_kw(
                "welfare.member", "web_read", [[member.id], {"national_id": {}}], {}
            )
        self.assertEqual(len(self._logs(kind="national_id", member_id=member.id)), 1)
