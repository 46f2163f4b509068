import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common_membership import MembershipCase

D = datetime.date


@tagged("post_install", "-at_install")
@freeze_time("2025-03-10")
class TestCollection(MembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paid_up = cls._member(join_date=D(2025, 1, 1), paid_until=D(2025, 3, 31))
        cls.behind = cls._member(join_date=D(2025, 1, 1), paid_until=D(2025, 1, 31))

    def test_scanning_a_member_number_adds_a_line_with_the_amount_due(self):
        form = Form(self.env["welfare.collection"].with_user(self.officer))
        form.date = D(2025, 3, 10)
        form.scan_code = self.behind.member_number
        self.assertEqual(len(form.contribution_ids), 1)
        with form.contribution_ids.edit(0) as line:
            self.assertEqual(line.member_id, self.behind)
            self.assertEqual(line.amount, 59.0)
        self.assertFalse(form.scan_code)

    def test_scanning_a_dashed_national_id_finds_the_member(self):
        form = Form(self.env["welfare.collection"].with_user(self.officer))
        number = self.paid_up.national_id
        form.scan_code = (
            f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"
        )
        with form.contribution_ids.edit(0) as line:
            self.assertEqual(line.member_id, self.paid_up)
            self.assertEqual(line.amount, 30.0)

    def test_unknown_code_adds_nothing_and_says_so(self):
        form = Form(self.env["welfare.collection"].with_user(self.officer))
        form.scan_code = "no-such-member"
        self.assertEqual(len(form.contribution_ids), 0)
        self.assertTrue(form.scan_message)

    def _collection(self):
        collection = self.env["welfare.collection"].create(
            {
                "fund_id": self.fund.id,
                "date": D(2025, 3, 10),
                "collector_id": self.officer.id,
            }
        )
        self.Contribution.create(
            [
                {
                    "member_id": self.paid_up.id,
                    "amount": 30,
                    "collection_id": collection.id,
                },
                {
                    "member_id": self.behind.id,
                    "amount": 59,
                    "payment_method": "promptpay",
                    "collection_id": collection.id,
                },
            ]
        )
        return collection

    def test_lines_take_the_day_and_collector_of_the_collection(self):
        collection = self._collection()
        self.assertEqual(
            set(collection.contribution_ids.mapped("date")), {D(2025, 3, 10)}
        )
        self.assertEqual(collection.contribution_ids.collector_id, self.officer)

    def test_totals_by_payment_method(self):
        collection = self._collection()
        self.assertEqual(collection.total_cash, 30)
        self.assertEqual(collection.total_promptpay, 59)
        self.assertEqual(collection.total_amount, 89)

    def test_closing_confirms_every_line_at_once(self):
        collection = self._collection()
        collection.with_user(self.officer).action_close()
        self.assertEqual(collection.state, "closed")
        self.assertEqual(
            set(collection.contribution_ids.mapped("state")), {"confirmed"}
        )
        self.assertTrue(all(collection.contribution_ids.mapped("receipt_number")))
        self.assertEqual(self.behind.paid_until, D(2025, 3, 31))
        self.assertEqual(self.paid_up.paid_until, D(2025, 4, 30))

    def test_a_closed_day_cannot_be_closed_again(self):
        collection = self._collection()
        collection.with_user(self.officer).action_close()
        receipts = collection.contribution_ids.mapped("receipt_number")
        with self.assertRaisesRegex(UserError, "already closed"):
            collection.with_user(self.officer).action_close()
        self.assertEqual(collection.contribution_ids.mapped("receipt_number"), receipts)
