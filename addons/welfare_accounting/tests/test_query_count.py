"""Query-count guards of the ledger on the hot paths: posting a collection
day must not cost a query per payment."""

import datetime

from odoo.tests import tagged

from .common import AccountingCase


@tagged("post_install", "-at_install", "welfare_query_count")
class TestAccountingQueryCount(AccountingCase):
    def _collection(self, count):
        members = self.env["welfare.member"]
        for i in range(count):
            members |= self._member(
                f"นายผู้จ่าย {i}",
                paid_until=self.today + datetime.timedelta(days=i),
            )
        return self.env["welfare.collection"].create(
            {
                "fund_id": self.fund.id,
                "date": self.today,
                "contribution_ids": [
                    (0, 0, {"member_id": member.id, "amount": 30.0})
                    for member in members
                ],
            }
        )

    def test_closing_a_collection_day_posts_in_the_same_queries_for_3_or_30(self):
        self._collection(2).action_close()  # caches and sequences warmed up
        for collection in (self._collection(3), self._collection(30)):
            self.env.invalidate_all()
            # 54 queries, and 4 to 5 more for the hash chain of the welfare
            # journals (Odoo's inalterability hash, computed when posting)
            with self.assertQueryCount(59):
                collection.action_close()
            self.assertEqual(len(collection.contribution_ids.move_id), 1)

    def test_matching_request_queries_do_not_grow_with_members(self):
        Request = self.env["welfare.matching.request"]
        for count in (3, 30):
            fund = self.env["welfare.fund"].create(
                {"name": f"กองทุนจับคู่ {count}", "code": f"T-QC-{count}"}
            )
            for i in range(count):
                self._member(
                    f"นายสมาชิก {count}-{i}",
                    fund=fund,
                    join_date=datetime.date(2018, 1, 1),
                )
            request = Request.create({"fund_id": fund.id})
            self.env.invalidate_all()
            # the same for 3 or 30 members; two of them read the fund's
            # contribution scheme, which prices payments across the year
            with self.assertQueryCount(16):
                request.action_compute_lines()
