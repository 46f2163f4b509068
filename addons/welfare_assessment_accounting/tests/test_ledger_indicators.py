import datetime

from odoo import Command
from odoo.tests import tagged

from odoo.addons.welfare_assessment.tests.common import AssessmentCase

LEDGER_CODES = {
    "led_days_since_posting",
    "led_legs_present",
    "led_money_members",
    "led_money_codi",
    "led_money_local",
    "led_admin_cost_share",
    "led_reserve_months",
}


@tagged("post_install", "-at_install")
class TestLedgerIndicators(AssessmentCase):
    """The review's indicators read from a fund's posted ledger."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._post_ledger(cls.fund_a)

    @classmethod
    def _post_ledger(cls, fund):
        company = fund.company_id
        Account = cls.env["account.account"].with_company(company)

        def account(category):
            return Account.search(
                [
                    *Account._check_company_domain(company),
                    ("welfare_codi_category", "=", category),
                ],
                limit=1,
            )

        journal = cls.env["account.journal"].search(
            [
                *cls.env["account.journal"]._check_company_domain(company),
                ("type", "=", "general"),
            ],
            limit=1,
        )
        entries = [
            # before the period: the CODI seed grant (a leg, not money of the period)
            (datetime.date(2024, 5, 1), "bank", "codi_seed", 5000),
            (datetime.date(2025, 3, 1), "bank", "local_government", 10000),
            (datetime.date(2025, 4, 1), "bank", "contribution", 6000),
            (datetime.date(2025, 6, 1), "staff", "bank", 3200),
            (datetime.date(2025, 7, 1), "benefit", "bank", 1200),
        ]
        moves = (
            cls.env["account.move"]
            .with_company(company)
            .create(
                [
                    {
                        "move_type": "entry",
                        "journal_id": journal.id,
                        "date": date,
                        "line_ids": [
                            Command.create(
                                {"account_id": account(debit).id, "debit": amount}
                            ),
                            Command.create(
                                {"account_id": account(credit).id, "credit": amount}
                            ),
                        ],
                    }
                    for date, debit, credit, amount in entries
                ]
            )
        )
        moves.action_post()

    def _offered(self):
        selection = (
            self.env["welfare.assessment.criterion"]
            ._fields["indicator"]
            ._description_selection(self.env)
        )
        return {code for code, _label in selection}

    def test_ledger_indicators_are_offered_to_criteria(self):
        self.assertTrue(LEDGER_CODES <= self._offered())

    def test_ledger_criteria_of_the_default_template(self):
        template = self.env.ref("welfare_assessment.welfare_assessment_template_codi")
        accounts = self.env.ref(
            "welfare_assessment.welfare_assessment_criterion_codi_accounts"
        )
        assessment = self._assess(self.fund_a, template=template)
        assessment.action_compute()
        line = self._line(assessment, accounts)
        # computed from the ledger: last posting 1 July, period ends 30 Sept.
        self.assertFalse(line.is_manual)
        self.assertEqual(line.value, 91)
        self.assertEqual(line.points, 6.0)

    def test_ledger_indicator_values(self):
        funds = self.fund_a | self.fund_empty
        values = self.env["welfare.assessment.indicator"]._compute_values(
            LEDGER_CODES, funds, self.date_from, self.date_to
        )
        a, empty = self.fund_a.id, self.fund_empty.id
        self.assertEqual(values["led_days_since_posting"][a], 91)
        self.assertIsNone(values["led_days_since_posting"][empty])
        self.assertEqual(values["led_legs_present"][a], 3)
        self.assertEqual(values["led_legs_present"][empty], 0)
        self.assertEqual(values["led_money_members"][a], 6000)
        self.assertEqual(values["led_money_local"][a], 10000)
        self.assertEqual(values["led_money_codi"][a], 0, "the seed came earlier")
        # 3,200 of admin costs for 16,000 received: exactly CODI's 20 % limit
        self.assertEqual(values["led_admin_cost_share"][a], 20.0)
        self.assertIsNone(values["led_admin_cost_share"][empty])
        # 16,600 in the bank; 1,200 of benefits in 365 days
        monthly = 1200 * 30.4375 / 365
        self.assertAlmostEqual(
            values["led_reserve_months"][a], round(16600 / monthly, 2)
        )
        self.assertIsNone(values["led_reserve_months"][empty])
