"""PromptPay transfers, their matching and the fund's account move only
through their workflow: forged create(), write() and unlink() are refused
to every role."""

from odoo.tests import tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin

from .common import PromptpayCase

FORGED_WRITES = [
    ("transfer_unmatched", {"state": "matched"}),
    ("transfer_unmatched", {"member_id": "debtor"}),
    ("transfer_unmatched", {"amount": 5000.0}),
    ("transfer_unmatched", {"reference": "X"}),
    ("transfer_matched", {"state": "unmatched"}),
    ("transfer_matched", {"contribution_id": False}),
    ("transfer_matched", {"member_id": "member"}),
    ("payment_matched", {"welfare_statement_line_id": False}),
    ("fund", {"promptpay_account_id": False}),
]

FORGED_CREATES = [
    ("welfare.promptpay.transfer", "_transfer_vals", {}),
    ("welfare.promptpay.transfer", "_transfer_vals", {"state": "matched"}),
    ("welfare.contribution", "_payment_vals", {"welfare_statement_line_id": "line"}),
]


@tagged("post_install", "-at_install")
class TestIntegrityPromptpay(ForgedCallsMixin, PromptpayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "officer": cls.officer,
            "committee": cls.committee,
            "accountant": cls.accountant,
            "network": cls._user("pp_network", "welfare_base.group_welfare_network"),
            "portal": cls._user("pp_portal", "base.group_portal"),
        }

    def _make(self, key):
        if key == "transfer_unmatched":
            return self._bank_line(10.0, "ไม่มีเลขอ้างอิง").welfare_transfer_ids
        if key == "transfer_matched":
            info = self._reference()
            return self._bank_line(90.0, info["reference_display"]).welfare_transfer_ids
        if key == "payment_matched":
            return self._make("transfer_matched").contribution_id
        if key == "fund":
            return self.fund
        if key == "line":
            return self._bank_line(10.0, "อื่น ๆ")
        if key in ("debtor", "member"):
            return getattr(self, key)
        raise NotImplementedError(key)

    def _resolve(self, vals):
        return {
            name: self._make(value).id
            if value in ("debtor", "member", "line")
            else value
            for name, value in vals.items()
        }

    def _transfer_vals(self):
        return {
            "fund_id": self.fund.id,
            "source": "slip",
            "date": self.today,
            "amount": 30.0,
        }

    def _payment_vals(self):
        return {
            "member_id": self.member.id,
            "amount": 30.0,
            "payment_method": "promptpay",
        }

    def test_forged_writes_are_refused_for_every_role(self):
        self.assert_forged_writes_refused(FORGED_WRITES)

    def test_forged_creates_are_refused_for_every_role(self):
        self.assert_forged_creates_refused(FORGED_CREATES)

    def test_transfers_are_never_deleted_by_hand(self):
        self.assert_never_deleted(["transfer_unmatched", "transfer_matched"])
