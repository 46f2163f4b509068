from odoo.tests import TransactionCase, new_test_user


class WelfareBaseCase(TransactionCase):
    """Two funds in two provinces, and users of each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Fund = cls.env["welfare.fund"]
        cls.roi_et = cls.env.ref("base.state_th_054")
        cls.khon_kaen = cls.env["res.country.state"].search(
            [("country_id.code", "=", "TH"), ("code", "=", "TH-40")]
        )
        cls.sub_a = cls.env.ref("welfare_base.subdistrict_451101")  # Sa Khu, Roi Et
        cls.sub_b = cls.env.ref(
            "welfare_base.subdistrict_400101"
        )  # Nai Mueang, Khon Kaen
        cls.sub_c = cls.env.ref("welfare_base.subdistrict_451102")  # Dokmai, Roi Et
        cls.fund_a = cls.Fund.create(
            {"name": "กองทุนทดสอบ ก", "code": "T-A", "subdistrict_id": cls.sub_a.id}
        )
        cls.fund_b = cls.Fund.create(
            {"name": "กองทุนทดสอบ ข", "code": "T-B", "subdistrict_id": cls.sub_b.id}
        )
        cls.fund_c = cls.Fund.create(
            {"name": "กองทุนทดสอบ ค", "code": "T-C", "subdistrict_id": cls.sub_c.id}
        )
        cls.partner = cls.env["res.partner"].create({"name": "นายทดสอบ ใจดี"})
        cls.partner2 = cls.env["res.partner"].create({"name": "นางทดสอบ มีสุข"})

    @classmethod
    def _user(cls, login, groups, fund, extra_companies=()):
        companies = fund.company_id | cls.env["res.company"].concat(*extra_companies)
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=fund.company_id.id,
            company_ids=[(6, 0, companies.ids)],
        )
