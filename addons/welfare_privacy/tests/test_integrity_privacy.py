"""Consents and requests move only through their workflow, for every role."""

import base64
import datetime

from odoo.tests import new_test_user, tagged

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin

from .common import PrivacyCase

D = datetime.date

FORGED_WRITES = [
    ("consent", {"state": "withdrawn"}),
    ("consent", {"withdrawn_date": D(2025, 1, 1)}),
    ("consent", {"withdrawn_by_id": "admin"}),
    ("consent", {"purged_date": D(2025, 1, 1)}),
    ("consent", {"recorded_by_id": "admin"}),
    ("consent", {"purpose": "photo"}),
    ("consent", {"member_id": "other_member"}),
    ("consent_withdrawn", {"state": "given"}),
    ("consent_withdrawn", {"given_date": D(2024, 2, 2)}),
    ("request", {"state": "done"}),
    ("request", {"done_date": D(2025, 1, 1)}),
    ("request", {"handled_by_id": "admin"}),
    ("request", {"export_file": base64.b64encode(b"{}")}),
    ("request_done", {"state": "received"}),
    ("request_done", {"kind": "erasure"}),
    ("member", {"privacy_erased_date": D(2025, 1, 1)}),
    ("fund", {"privacy_retention_years": 0}, ("committee", "manager")),
    ("fund", {"privacy_purge_days": 0}, ("committee", "manager")),
]
FORGED_CREATES = [
    ("welfare.consent", "_consent_vals", {"state": "withdrawn"}),
    ("welfare.consent", "_consent_vals", {"withdrawn_date": D(2025, 1, 1)}),
    ("welfare.consent", "_consent_vals", {"purged_date": D(2025, 1, 1)}),
    ("welfare.consent", "_consent_vals", {"recorded_by_id": "admin"}),
    ("welfare.privacy.request", "_request_vals", {"state": "done"}),
    ("welfare.privacy.request", "_request_vals", {"handled_by_id": "admin"}),
    ("welfare.privacy.request", "_request_vals", {"done_date": D(2025, 1, 1)}),
]


@tagged("post_install", "-at_install")
class TestPrivacyIntegrity(ForgedCallsMixin, PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "officer": cls.officer,
            "committee": cls.committee,
            "network": cls.network,
            "officer_reviewer": cls.officer_reviewer,
            "manager": new_test_user(
                cls.env,
                login="pdpa_manager",
                groups="welfare_base.group_welfare_manager",
                company_id=cls.fund.company_id.id,
                company_ids=[cls.fund.company_id.id],
            ),
        }

    def _make(self, key):
        if key == "fund":
            return self.fund
        member = self._person()
        if key == "member":
            return member
        if key.startswith("consent"):
            consent = self._consent(member, "health")
            if key == "consent_withdrawn":
                consent.action_withdraw()
            return consent
        request = self.env["welfare.privacy.request"].create(
            {"member_id": member.id, "kind": "rectification"}
        )
        if key == "request_done":
            request.action_done()
        return request

    def _resolve(self, vals):
        refs = {
            "admin": lambda: self.env.ref("base.user_admin").id,
            "other_member": lambda: self._person().id,
        }
        return {
            name: refs[value]() if isinstance(value, str) and value in refs else value
            for name, value in vals.items()
        }

    def _consent_vals(self):
        return {"member_id": self._person().id, "purpose": "contact"}

    def _request_vals(self):
        return {"member_id": self._person().id, "kind": "access"}

    def test_forged_writes_are_refused(self):
        self.assert_forged_writes_refused(FORGED_WRITES)

    def test_forged_creates_are_refused(self):
        self.assert_forged_creates_refused(FORGED_CREATES)

    def test_consents_and_requests_are_never_deleted(self):
        self.assert_never_deleted(["consent", "consent_withdrawn", "request"])

    def test_the_workflow_still_withdraws_and_answers(self):
        consent = self._make("consent")
        self._as(consent, "officer").action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        request = self._make("request")
        self._as(request, "officer").action_done()
        self.assertEqual(request.state, "done")
