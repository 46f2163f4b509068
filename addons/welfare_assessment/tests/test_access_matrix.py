from odoo.tests import TransactionCase, tagged

from odoo.addons.welfare_base.tests.access_matrix import AccessMatrixMixin

OWN_READ = {"own": "r", "other": ""}
READ_ALL = {"own": "r", "other": "r"}

# The specification: fund staff read their fund's grades, network reviewers
# assess the funds of their companies, administrators keep the templates.
# Unlisted roles may do nothing.
MATRIX = {
    "welfare.assessment": {
        "officer": OWN_READ,
        "committee": OWN_READ,
        "network": {"own": "rwcu", "other": ""},
        "manager": {"own": "rwcu", "other": ""},
    },
    "welfare.assessment.batch": {
        "network": {"own": "rwc", "other": ""},
        "manager": {"own": "rwcu", "other": ""},
    },
    "welfare.assessment.template": {
        "officer": READ_ALL,
        "committee": READ_ALL,
        "network": READ_ALL,
        "manager": {"own": "rwcu", "other": "rwcu"},
        "accountant": READ_ALL,
        "internal": READ_ALL,
    },
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    """Assessments, batches and templates: every role, both sides."""

    MATRIX = MATRIX
    MATRIX_READ_FIELDS = {"welfare.assessment": ["name", "score", "grade"]}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.province = cls.env["res.country.state"].search(
            [("code", "=", "TH-40"), ("country_id.code", "=", "TH")], limit=1
        )
        cls.own_fund, cls.other_fund = cls.env["welfare.fund"].create(
            [
                {"name": "กองทุนตารางประเมิน ก", "code": "MXS-A"},
                {"name": "กองทุนตารางประเมิน ข", "code": "MXS-B"},
            ]
        )
        cls.template = cls.env["welfare.assessment.template"].create(
            {"name": "แบบประเมินตาราง", "sequence": 100}
        )
        cls._serial = 0
        cls._setup_matrix_users()

    @classmethod
    def _matrix_funds(cls):
        return cls.own_fund, cls.other_fund

    def _next(self):
        type(self)._serial += 1
        return self._serial

    def _matrix_create_vals(self, model, fund):
        n = self._next()
        if model == "welfare.assessment":
            return {
                "fund_id": fund.id,
                "template_id": self.template.id,
                "fiscal_year": 2000 + n,
            }
        if model == "welfare.assessment.batch":
            return {
                "company_id": fund.company_id.id,
                "scope": "province",
                "province_id": self.province.id,
                "template_id": self.template.id,
                "fiscal_year": 2000 + n,
            }
        if model == "welfare.assessment.template":
            return {"name": f"แบบประเมิน {n}", "sequence": 200 + n}
        raise NotImplementedError(model)

    def _matrix_record(self, model, fund):
        return self.env[model].create(self._matrix_create_vals(model, fund))

    def _matrix_write_vals(self, model, role):
        return {
            "welfare.assessment": {"note": "<p>บันทึก</p>"},
            "welfare.assessment.batch": {"fiscal_year": 2100 + self._next()},
            "welfare.assessment.template": {"name": f"แก้ไข {self._next()}"},
        }[model]

    def test_matrix_assessment(self):
        self._check_access_matrix("welfare.assessment")

    def test_matrix_batch(self):
        self._check_access_matrix("welfare.assessment.batch")

    def test_matrix_template(self):
        self._check_access_matrix("welfare.assessment.template")
