import json

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestAccountantTours(HttpCase):
    """The demo fund's accountant, driving the web client in a browser."""

    def test_accountant_opens_the_journal_entries_of_their_fund(self):
        accountant = self.env.ref("welfare_accounting.welfare_user_accountant_demo")
        fund = self.env.ref("welfare_base.welfare_fund_rop_mueang_demo")
        self.assertEqual(accountant.company_ids, fund.company_id)
        Move = self.env["account.move"]
        expected = Move.search_count(
            [("company_id", "=", fund.company_id.id), ("state", "=", "posted")]
        )
        self.assertGreater(expected, 0, "the demo fund has posted entries")
        self.assertGreater(
            Move.search_count([("state", "=", "posted")]),
            expected,
            "other funds' entries exist and must not be listed",
        )
        tour = "welfare_accountant_journal_entries"
        url = "/odoo/action-account.action_move_journal_line"
        options = {"stepDelay": 0, "keepWatchBrowser": False, "debug": False}
        options["startUrl"] = url
        self.start_tour(
            url,
            tour,
            login="accountant",
            code=(
                f"sessionStorage.setItem('welfare_expected_entries', '{expected}');"
                f"odoo.startTour({tour!r}, {json.dumps(options)})"
            ),
            timeout=120,
        )
