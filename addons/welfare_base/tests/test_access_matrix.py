from odoo.tests import TransactionCase, tagged

from .access_matrix import AccessMatrixMixin

OFFICER_OWN = {"own": "rwcu", "other": ""}
READ_OWN = {"own": "r", "other": ""}
READ_ALL = {"own": "r", "other": "r"}
ALL_ALL = {"own": "rwcu", "other": "rwcu"}

# The specification of who may do what on the network's records.
MATRIX = {
    "welfare.fund": {
        "officer": {"own": "rw", "other": ""},
        "committee": {"own": "rw", "other": ""},
        "network": {"own": "rw", "other": ""},
        "manager": {"own": "rw", "other": ""},
    },
    "welfare.fund.committee": {
        "officer": OFFICER_OWN,
        "committee": OFFICER_OWN,
        "network": READ_OWN,
        "manager": OFFICER_OWN,
    },
    "welfare.fund.meeting": {
        "officer": OFFICER_OWN,
        "committee": OFFICER_OWN,
        "network": READ_OWN,
        "manager": OFFICER_OWN,
    },
    "welfare.zone": {
        "officer": READ_ALL,
        "committee": READ_ALL,
        "network": READ_ALL,
        "manager": ALL_ALL,
        "accountant": READ_ALL,
        "internal": READ_ALL,
    },
    "welfare.region": {
        "officer": READ_ALL,
        "committee": READ_ALL,
        "network": READ_ALL,
        "manager": ALL_ALL,
        "accountant": READ_ALL,
        "internal": READ_ALL,
    },
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, TransactionCase):
    """Every role on both sides of a fund boundary, as the table says."""

    MATRIX = MATRIX
    MATRIX_SKIP = {"welfare.fund": "cu"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        roi_et = cls.env.ref("base.state_th_054")
        khon_kaen = cls.env["res.country.state"].search(
            [("country_id.code", "=", "TH"), ("code", "=", "TH-40")]
        )
        cls.own_fund, cls.other_fund = cls.env["welfare.fund"].create(
            [
                {"name": "กองทุนตาราง ก", "code": "MX-A", "state_id": roi_et.id},
                {"name": "กองทุนตาราง ข", "code": "MX-B", "state_id": khon_kaen.id},
            ]
        )
        cls.province = roi_et
        cls.partner = cls.env["res.partner"].create({"name": "นายตาราง สิทธิ์"})
        cls._serial = 0
        cls._setup_matrix_users()

    @classmethod
    def _matrix_funds(cls):
        return cls.own_fund, cls.other_fund

    def _matrix_create_vals(self, model, fund):
        type(self)._serial += 1
        n = self._serial
        if model == "welfare.fund.committee":
            partner = self.env["res.partner"].create({"name": f"กรรมการ {n}"})
            return {"fund_id": fund.id, "partner_id": partner.id, "role": "member"}
        if model == "welfare.fund.meeting":
            return {"fund_id": fund.id, "name": f"ประชุม {n}"}
        if model == "welfare.zone":
            return {"name": f"โซน {n}", "state_id": self.province.id}
        if model == "welfare.region":
            return {"name": f"ภาค {n}", "code": f"MX{n}"}
        raise NotImplementedError(model)

    def _matrix_record(self, model, fund):
        if model == "welfare.fund":
            return fund
        return self.env[model].create(self._matrix_create_vals(model, fund))

    def _matrix_write_vals(self, model, role):
        if model == "welfare.fund" and role == "network":
            # reviewers write the certification only
            return {"certified_by": "เครือข่ายจังหวัด"}
        if model == "welfare.fund":
            return {"phone": "043-000000"}
        if model == "welfare.fund.committee":
            return {"village_no": "7"}
        type(self)._serial += 1
        return {"name": f"แก้ไขแล้ว {self._serial}"}

    def test_matrix_fund(self):
        self._check_access_matrix("welfare.fund")

    def test_matrix_fund_committee(self):
        self._check_access_matrix("welfare.fund.committee")

    def test_matrix_fund_meeting(self):
        self._check_access_matrix("welfare.fund.meeting")

    def test_matrix_zone(self):
        self._check_access_matrix("welfare.zone")

    def test_matrix_region(self):
        self._check_access_matrix("welfare.region")
