from odoo.tests import HttpCase, tagged

from odoo.addons.web.tests.test_js import HOOTCommon, unit_test_error_checker


@tagged("post_install", "-at_install")
class TestBuddhistEraJs(HttpCase):
    """The web client's Buddhist-era dates: the JavaScript unit tests of
    welfare_base (static/tests/*.test.js), run in headless Chromium."""

    def test_buddhist_era_unit_tests(self):
        # hoot selects a suite by the hash of its name, as Odoo's own runner does
        suite = HOOTCommon._generate_hash(self, "@welfare_base")
        self.browser_js(
            f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            f"&suite={suite}",
            "",
            "",
            login="admin",
            timeout=900,
            success_signal="[HOOT] test suite succeeded",
            error_checker=unit_test_error_checker,
        )
