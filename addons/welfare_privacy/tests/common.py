import datetime

from odoo.tests import new_test_user

from odoo.addons.welfare_membership.tests.common_benefit import BenefitCase
from odoo.addons.welfare_membership.tests.common_membership import make_id


class PrivacyCase(BenefitCase):
    """Two funds of one province, their staff, a network reviewer and an
    officer of the first fund who also reviews the province."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        province = cls.env["res.country.state"].search(
            [("country_id.code", "=", "TH")], limit=1
        )
        cls.province = province
        (cls.fund | cls.other_fund).write({"state_id": province.id})
        companies = (cls.fund | cls.other_fund).company_id
        cls.network = new_test_user(
            cls.env,
            login="pdpa_network",
            groups="welfare_base.group_welfare_network",
            company_id=cls.other_fund.company_id.id,
            company_ids=companies.ids,
        )
        cls.network.welfare_state_ids = province
        # an officer of the first fund who also reviews the province
        cls.officer_reviewer = new_test_user(
            cls.env,
            login="pdpa_officer_reviewer",
            groups="welfare_base.group_welfare_officer,"
            "welfare_base.group_welfare_network",
            company_id=cls.fund.company_id.id,
            company_ids=companies.ids,
        )
        cls.officer_reviewer.welfare_state_ids = province
        cls.Consent = cls.env["welfare.consent"]
        cls.Log = cls.env["welfare.access.log"].sudo()
        cls.hospital = cls._benefit(category="hospital", amount=500.0)
        cls.other_hospital = cls._benefit(
            fund=cls.other_fund, category="hospital", amount=500.0
        )

    @classmethod
    def _consent(cls, member, purpose, **vals):
        return cls.Consent.create(
            {
                "member_id": member.id,
                "purpose": purpose,
                "given_date": datetime.date(2024, 1, 1),
                **vals,
            }
        )

    @classmethod
    def _person(cls, fund=None, seed=None, **vals):
        """A member with a national ID."""
        cls._seed = getattr(cls, "_seed", 5000) + 1
        return cls._member(
            fund=fund,
            national_id=make_id(seed or cls._seed),
            name=f"นายทดสอบ{cls._seed} ข้อมูล",
            **vals,
        )

    def _as(self, records, user):
        return records.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def _logs(self, **filters):
        domain = [(name, "=", value) for name, value in filters.items()]
        return self.Log.search(domain)
