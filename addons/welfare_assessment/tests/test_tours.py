import json

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestNetworkTours(HttpCase):
    """The demo's network reviewer, driving the web client in a browser."""

    def test_network_reviewer_sees_every_fund_in_the_grades_dashboard(self):
        network = self.env.ref("welfare_base.welfare_user_network_demo")
        self.assertGreater(len(network.company_ids), 1)
        # what the dashboard must count: the confirmed assessments of the
        # reviewer's funds, not those of the company shown first
        expected = self.env["welfare.assessment"].search_count(
            [
                ("state", "=", "confirmed"),
                ("company_id", "in", network.company_ids.ids),
            ]
        )
        current_only = self.env["welfare.assessment"].search_count(
            [("state", "=", "confirmed"), ("company_id", "=", network.company_id.id)]
        )
        self.assertGreater(expected, current_only, "demo data of several funds")
        tour = "welfare_network_grade_dashboard"
        options = {"stepDelay": 0, "keepWatchBrowser": False, "debug": False}
        url = "/odoo/action-welfare_assessment.welfare_assessment_report_action"
        options["startUrl"] = url
        self.start_tour(
            url,
            tour,
            login="network",
            code=(
                f"sessionStorage.setItem('welfare_expected_funds', '{expected}');"
                f"odoo.startTour({tour!r}, {json.dumps(options)})"
            ),
        )
