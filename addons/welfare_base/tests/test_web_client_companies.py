from odoo.tests import HttpCase, new_test_user, tagged

from .common import WelfareBaseCase


@tagged("post_install", "-at_install")
class TestWebClientCompanies(HttpCase, WelfareBaseCase):
    """The companies the web client starts with, as the browser receives them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.network = new_test_user(
            cls.env,
            login="wc_network",
            password="wc_network_pw",
            groups="welfare_base.group_welfare_network",
            company_id=cls.fund_a.company_id.id,
            company_ids=[(6, 0, cls.fund_a.company_id.ids)],
        )
        cls.network.welfare_state_ids = cls.roi_et
        cls.officer = new_test_user(
            cls.env,
            login="wc_officer",
            password="wc_officer_pw",
            groups="welfare_base.group_welfare_officer",
            company_id=cls.fund_a.company_id.id,
            company_ids=[(6, 0, (cls.fund_a | cls.fund_c).company_id.ids)],
        )

    def _web_client_companies(self, login, cookie=None):
        self.authenticate(login, f"{login}_pw")
        if cookie:
            self.opener.cookies["cids"] = cookie
        response = self.url_open("/odoo")
        self.assertEqual(response.status_code, 200)
        cids = self.opener.cookies.get("cids")
        return [int(cid) for cid in cids.split("-")] if cids else []

    def test_network_reviewer_starts_with_every_fund_of_their_provinces(self):
        cids = self._web_client_companies("wc_network")
        self.assertEqual(cids[0], self.fund_a.company_id.id, "current company first")
        self.assertEqual(set(cids), set(self.network.company_ids.ids))
        self.assertIn(self.fund_c.company_id.id, cids)
        self.assertNotIn(self.fund_b.company_id.id, cids)
        # the funds every screen then lists, called as the web client calls
        funds = self.make_jsonrpc_request(
            "/web/dataset/call_kw/welfare.fund/search_read",
            {
                "model": "welfare.fund",
                "method": "search_read",
                "args": [[], ["company_id"]],
                "kwargs": {"context": {"allowed_company_ids": cids}},
            },
        )
        self.assertEqual(
            {f["company_id"][0] for f in funds}, set(self.network.company_ids.ids)
        )

    def test_a_choice_made_in_the_switcher_is_kept(self):
        cids = self._web_client_companies(
            "wc_network", cookie=str(self.fund_c.company_id.id)
        )
        self.assertEqual(cids, [self.fund_c.company_id.id])

    def test_fund_staff_start_with_their_current_fund_only(self):
        self.assertFalse(self._web_client_companies("wc_officer"))
