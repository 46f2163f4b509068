import datetime

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_base.tests.access_matrix import AccessMatrixMixin

OWN_ALL = {"own": "rwcu", "other": ""}
OWN_READ = {"own": "r", "other": ""}

# The specification: who may do what on a fund's grants and CODI matching
# requests, and who reads the fund's ledger. Unlisted roles may do nothing.
MATRIX = {
    "welfare.grant": {
        "officer": OWN_READ,
        "committee": {"own": "rwc", "other": ""},
        "network": OWN_READ,
        "manager": OWN_ALL,
        "accountant": OWN_ALL,
    },
    "welfare.matching.request": {
        "officer": OWN_READ,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
        "accountant": {"own": "rw", "other": ""},
    },
    "welfare.matching.request.line": {
        "officer": OWN_READ,
        "committee": OWN_ALL,
        "network": OWN_READ,
        "manager": OWN_ALL,
        "accountant": OWN_READ,
    },
    # The ledger: posted entries are changed only by the suite's postings
    # (checked elsewhere); here who reads a fund's entries at all.
    "account.move": {
        "accountant": OWN_READ,
    },
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    """Grants, matching requests and the ledger: every role, both sides."""

    MATRIX = MATRIX
    MATRIX_SKIP = {"account.move": "wcu"}
    MATRIX_READ_FIELDS = {
        "welfare.grant": ["name", "amount", "state"],
        "account.move": ["name", "amount_total"],
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.own_fund, cls.other_fund = cls.env["welfare.fund"].create(
            [
                {"name": "กองทุนตารางบัญชี ก", "code": "MXA-A"},
                {"name": "กองทุนตารางบัญชี ข", "code": "MXA-B"},
            ]
        )
        cls.today = welfare_today(cls.env["welfare.fund"])
        cls._serial = 0
        cls._setup_matrix_users()

    @classmethod
    def _matrix_funds(cls):
        return cls.own_fund, cls.other_fund

    def _next(self):
        type(self)._serial += 1
        return self._serial

    def _member(self, fund):
        n = self._next()
        return self.env["welfare.member"]._workflow_create(
            {
                "fund_id": fund.id,
                "name": f"สมาชิกบัญชี {n}",
                "state": "active",
                "join_date": datetime.date(2015, 1, 1),
            }
        )

    def _matrix_create_vals(self, model, fund):
        n = self._next()
        if model == "welfare.grant":
            return {
                "fund_id": fund.id,
                "source": "donation",
                "date": self.today,
                "amount": 1000.0,
                "payment_method": "transfer",
            }
        if model == "welfare.matching.request":
            return {"fund_id": fund.id, "fiscal_year": 2000 + n % 200}
        if model == "welfare.matching.request.line":
            request = self.env["welfare.matching.request"].create(
                {"fund_id": fund.id, "fiscal_year": 2000 + n % 200}
            )
            return {"request_id": request.id, "member_id": self._member(fund).id}
        raise NotImplementedError(model)

    def _matrix_record(self, model, fund):
        if model == "account.move":
            grant = self.env["welfare.grant"].create(
                self._matrix_create_vals("welfare.grant", fund)
            )
            grant.action_post()
            self.assertTrue(grant.move_id)
            return grant.move_id
        return self.env[model].create(self._matrix_create_vals(model, fund))

    def _matrix_write_vals(self, model, role):
        return {
            "welfare.grant": {"reference": f"REF-{self._next()}"},
            "welfare.matching.request": {"note": "แก้ไข"},
            "welfare.matching.request.line": {"amount": 10.0},
        }[model]

    def test_matrix_grant(self):
        self._check_access_matrix("welfare.grant")

    def test_matrix_matching_request(self):
        self._check_access_matrix("welfare.matching.request")

    def test_matrix_matching_request_line(self):
        self._check_access_matrix("welfare.matching.request.line")

    def test_matrix_ledger_entries(self):
        self._check_access_matrix("account.move")

    def test_matching_lines_show_national_ids_to_the_funds_staff_only(self):
        line = self.env["welfare.matching.request.line"].create(
            self._matrix_create_vals("welfare.matching.request.line", self.own_fund)
        )
        line.member_id.national_id = "3101700123452"
        for role in self._matrix_roles():
            record = self._matrix_env_model(line._name, role).browse(line.id)
            with self.subTest(role=role):
                if role in ("officer", "committee", "manager"):
                    self.assertEqual(record.national_id, "3101700123452")
                else:
                    with self.assertRaises(AccessError):
                        record.read(["national_id"])
