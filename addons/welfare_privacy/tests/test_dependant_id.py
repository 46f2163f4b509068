from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.welfare_membership.tests.common_membership import make_id

from .common import PrivacyCase

DEPENDANT = "welfare.member.dependant"


@tagged("post_install", "-at_install")
class TestDependantNationalId(PrivacyCase):
    """A dependant's national ID follows the member's rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._person()
        cls.other = cls._person(fund=cls.other_fund)
        cls.own_child = cls._child(cls.own, 7001)
        cls.other_child = cls._child(cls.other, 7002)

    @classmethod
    def _child(cls, member, seed):
        return cls.env[DEPENDANT].create(
            {
                "member_id": member.id,
                "name": f"เด็กหญิงลูก ทดสอบ{seed}",
                "national_id": make_id(seed),
            }
        )

    def _dependant_logs(self, dependants):
        return self._logs(kind="national_id", res_model=DEPENDANT).filtered(
            lambda log: log.res_id in dependants.ids
        )

    def test_the_funds_officer_reads_the_id_in_full_and_it_is_logged(self):
        values = self._as(self.own_child, self.officer).read(["national_id"])[0]
        self.assertEqual(values["national_id"], make_id(7001))
        log = self._dependant_logs(self.own_child)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.officer)
        self.assertEqual(log.member_id, self.own)
        self.assertEqual(log.company_id, self.fund.company_id)

    def test_an_officer_who_reviews_another_fund_reads_it_masked(self):
        values = self._as(self.other_child, self.officer_reviewer).read(
            ["national_id"]
        )[0]
        self.assertEqual(
            values["national_id"],
            "x-xxxx-xxxxx-" + make_id(7002)[10:12] + "-" + make_id(7002)[12],
        )
        self.assertFalse(self._dependant_logs(self.other_child))
        # the member's ID is masked for them by the same rule
        member = self._as(self.other, self.officer_reviewer).read(["national_id"])[0]
        self.assertTrue(member["national_id"].startswith("x-xxxx-xxxxx-"))

    def test_a_network_reviewer_never_reads_it(self):
        with self.assertRaises(AccessError):
            self._as(self.other_child, self.network).read(["national_id"])
        self.assertFalse(self._dependant_logs(self.other_child))

    def test_an_officer_of_another_fund_does_not_read_the_dependant(self):
        with self.assertRaises(AccessError):
            self._as(self.own_child, self.other_officer).read(["national_id"])
        self.assertFalse(self._dependant_logs(self.own_child))

    def test_a_list_of_dependants_is_logged_in_one_write(self):
        children = self.env[DEPENDANT]
        for seed in range(7100, 7140):
            children |= self._child(self._person(), seed)
        Dependant = self._as(self.env[DEPENDANT], self.officer)
        spec = {"name": {}, "member_id": {}, "national_id": {}}
        self.env.flush_all()
        with self.assertLogs("odoo.sql_db", "DEBUG") as queries:
            records = Dependant.web_search_read(
                [("id", "in", children.ids)], spec, limit=40
            )["records"]
        self.assertEqual(len(records), 40)
        self.assertNotIn("x", "".join(r["national_id"] for r in records))
        inserts = [q for q in queries.output if "INSERT INTO welfare_access_log" in q]
        self.assertEqual(len(inserts), 1)
        self.assertEqual(len(self._dependant_logs(children)), 40)
