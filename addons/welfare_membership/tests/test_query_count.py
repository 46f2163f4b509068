"""Query-count guards of the membership hot paths.

Each path runs on a few records and on ten times more, from a cold cache as
in a new request: the number of SQL queries must stay the same (it may follow
batches, never records), so that a change bringing a query per member back
fails here.
"""

import base64
import datetime
import io

import xlsxwriter
from freezegun import freeze_time

from odoo.tests import tagged

from ..lib import registry
from .common_benefit import BenefitCase
from .common_membership import MembershipCase, make_id

D = datetime.date


@tagged("welfare_query_count")
class TestMembershipQueryCount(MembershipCase):
    def _members(self, count, spread=False, **vals):
        """Members joined on 2024-01-01; with ``spread`` each is paid until
        another day, as in a real fund."""
        members = self.env["welfare.member"]
        for i in range(count):
            if spread:
                vals["paid_until"] = D(2025, 1, 1) + datetime.timedelta(days=i)
            members |= self._member(join_date=D(2024, 1, 1), **vals)
        return members

    def _collection(self, count):
        members = self._members(count, spread=True)
        return self.env["welfare.collection"].create(
            {
                "fund_id": self.fund.id,
                "date": D(2025, 2, 5),
                "contribution_ids": [
                    (0, 0, {"member_id": member.id, "amount": 30.0})
                    for member in members
                ],
            }
        )

    def test_closing_a_collection_day_costs_the_same_queries_for_3_or_30(self):
        with freeze_time("2025-02-05"):
            self._collection(2).action_close()  # caches and sequences warmed up
        for collection in (self._collection(3), self._collection(30)):
            self.env.invalidate_all()
            # 16, and one for the day's row lock (a day is closed once)
            with freeze_time("2025-02-05"), self.assertQueryCount(17):
                collection.action_close()

    # The arrears guards count the job's own queries: the chatter notes of
    # status changes are switched off here (tracking_disable), as their cost
    # in the test environment depends on the followers the test data gets.
    def test_arrears_update_costs_the_same_queries_for_3_or_30_members(self):
        Member = self.env["welfare.member"].with_context(tracking_disable=True)
        self._members(2, paid_until=D(2024, 3, 31))._update_arrears(D(2025, 3, 1))
        for count in (3, 30):
            members = self._members(count, paid_until=D(2024, 3, 31))
            self.env.invalidate_all()
            members = Member.browse(members.ids)
            with self.assertQueryCount(8):
                members._update_arrears(D(2025, 3, 1))

    def test_arrears_job_queries_do_not_grow_with_members(self):
        Member = self.env["welfare.member"].with_context(tracking_disable=True)
        # the members already in the database settle first, on the same day
        with freeze_time("2025-03-01"):
            Member._cron_update_arrears()
        for count in (3, 30):
            # paid up, in grace and suspended by the day of the job
            for paid_until in (D(2099, 1, 1), D(2024, 12, 31), D(2024, 6, 30)):
                self._members(count, paid_until=paid_until)
            self.env.invalidate_all()
            with freeze_time("2025-03-01"), self.assertQueryCount(15):
                Member._cron_update_arrears()

    def _registry_file(self, count, first_seed):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet()
        row = {
            "first_name": "สมหญิง",
            "last_name": "ทดสอบ",
            "birthdate": "15/08/2510",
            "join_date": "01/10/2560",
        }
        for col, (key, thai, _english, _required) in enumerate(registry.COLUMNS):
            sheet.write_string(0, col, thai)
            for i in range(count):
                value = make_id(first_seed + i) if key == "national_id" else ""
                sheet.write_string(1 + i, col, value or row.get(key, ""))
        book.close()
        return self.env["welfare.member.import"].create(
            {
                "fund_id": self.fund.id,
                "file": base64.b64encode(output.getvalue()),
                "filename": "registry.xlsx",
            }
        )

    def test_registry_import_queries_do_not_grow_with_rows(self):
        self._registry_file(2, 500000).action_import()
        for count, seed in ((3, 600000), (30, 700000)):
            wizard = self._registry_file(count, seed)
            self.env.invalidate_all()
            with self.assertQueryCount(23):
                wizard.action_import()
            self.assertEqual(wizard.created_count, count)

    def test_registry_export_queries_do_not_grow_with_rows(self):
        members = self._members(40)
        Report = self.env["ir.actions.report"]
        report = "welfare_membership.action_report_member_registry_xlsx"
        Report._render(report, members[:2].ids, {})
        for ids in (members[:4].ids, members.ids):
            self.env.invalidate_all()
            # one query reads a batch of up to 2,000 rows
            with self.assertQueryCount(9):
                Report._render(report, ids, {})

    def test_opening_a_member_form_takes_at_most_25_queries(self):
        # the dependants, membership periods, arrears waivers, status history
        # and (with welfare_privacy) consents on the form cost a query each
        member = self._members(1, paid_until=D(2025, 1, 31))
        Member = self.env["welfare.member"].with_user(self.officer)
        view = Member.get_views([(False, "form")])["models"]["welfare.member"]
        spec = {
            name: {"fields": {"display_name": {}}}
            if Member._fields[name].type in ("many2one", "many2many", "one2many")
            else {}
            for name in view["fields"]
            if name in Member._fields
        }
        record = Member.browse(member.id)
        record.web_read(spec)  # the user's access rules are cached
        record.invalidate_recordset()
        with self.assertQueryCount(25):
            record.web_read(spec)


@tagged("welfare_query_count")
class TestClaimQueryCount(BenefitCase):
    def test_creating_claims_costs_the_same_queries_for_3_or_30(self):
        benefit = self._benefit()
        members = [self._member() for _i in range(33)]
        self.Claim.create(
            {"member_id": members[0].id, "benefit_type_id": benefit.id}
        )  # warm-up
        for chunk in (members[1:4], members[4:34]):
            vals_list = [
                {"member_id": member.id, "benefit_type_id": benefit.id}
                for member in chunk
            ]
            self.env.invalidate_all()
            with self.assertQueryCount(13):
                self.Claim.create(vals_list)
