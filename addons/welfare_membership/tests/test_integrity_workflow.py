"""Decisions and money move only through their workflow.

Every role calls ``create()``, ``write()`` and ``unlink()`` with values of its
choosing, the way the web client and any JSON-RPC or XML-RPC client call
them, on each field that records a decision or a movement of money: each call
is refused and nothing is written. The workflow's own buttons still do the
same changes.
"""

import datetime

import psycopg2

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.service.model import get_public_method
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.welfare_base.tests.forged_calls import ForgedCallsMixin

from .common_benefit import BenefitCase
from .common_membership import make_id

ROLES = ("officer", "committee", "network", "accountant", "portal")
D = datetime.date


# (record made by the workflow, values a caller forges on it[, roles who may])
FORGED_WRITES = [
    ("claim_submitted", {"state": "approved"}),
    ("claim_submitted", {"approved_date": D(2025, 1, 1)}),
    ("claim_submitted", {"reject_reason": "ปลอม"}),
    ("claim_approved", {"amount_approved": 1.0}),
    ("claim_approved", {"state": "paid"}),
    ("claim_approved", {"payment_date": D(2025, 1, 1)}),
    ("claim_approved", {"payee_line_ids": [Command.clear()]}),
    ("claim_paid", {"state": "approved"}),
    ("claim_paid", {"payment_method": "transfer"}),
    ("claim_paid", {"payment_reference": "ปลอม"}),
    ("claim_paid", {"paid_by_id": "user_other"}),
    ("claim_paid", {"approved_by_id": "user_other"}),
    ("claim_paid", {"payment_undo_reason": "ปลอม"}),
    ("payee_line", {"partner_id": "partner_other"}),
    ("payee_line", {"amount": 1.0}),
    ("payee_line", {"share": 10.0}),
    ("contribution_confirmed", {"state": "draft"}),
    ("contribution_confirmed", {"receipt_number": "R-FAKE"}),
    ("contribution_confirmed", {"period_end": D(2030, 12, 31)}),
    ("contribution_confirmed", {"collection_id": "collection_open"}),
    ("contribution_confirmed", {"cancelled_by_id": "user_other"}),
    ("collection_closed", {"state": "open"}),
    ("member_terminated", {"state": "active"}),
    ("member_active", {"paid_until": D(2031, 12, 31)}),
    ("member_active", {"months_in_arrears": 0}),
    ("member_active", {"join_date": D(2000, 1, 1)}),
    ("member_active", {"approved_by_id": "user_other"}),
    ("member_active", {"approved_date": D(2000, 1, 1)}),
    ("member_active", {"state_date": D(2000, 1, 1)}),
    ("member_active", {"death_date": D(2025, 1, 1)}),
    ("member_active", {"resign_date": D(2025, 1, 1)}),
    ("member_reissued", {"card_version": 1}),
    ("claim_submitted", {"death_payee_partner_id": "partner_other"}),
    ("claim_submitted", {"death_payee_basis": "funeral_organiser"}),
    ("claim_submitted", {"death_payee_meeting_id": "meeting"}),
    ("claim_submitted", {"death_payee_decided_by_id": "user_committee"}),
    ("waiver_draft", {"state": "approved"}),
    ("waiver_draft", {"approved_by_id": "user_committee"}),
    ("waiver_draft", {"amount_waived": 1.0}),
    ("waiver_draft", {"months_waived": 12}),
    ("waiver_approved", {"state": "cancelled"}),
    ("waiver_approved", {"waived_until": D(2030, 1, 1)}),
    ("waiver_approved", {"reason": "ปลอม"}),
    ("waiver_approved", {"meeting_id": False}),
    ("period", {"date_start": D(2000, 1, 1)}),
    ("period", {"date_end": False}),
    ("member_reissued", {"card_issue_date": D(2000, 1, 1)}),
    # the network reviewers certify (see the fund's own tests)
    ("fund", {"certified": True}, {"network"}),
    ("fund", {"certification_date": D(2020, 1, 1)}, {"network"}),
    ("fund", {"code": "T-FAKE"}),
    ("fund", {"state_id": "province_other"}),
    ("fund", {"contribution_scheme_id": False}),
    ("fund", {"member_sequence_id": False}),
]

# (model, values of a legitimate new record, values a caller forges on it)
FORGED_CREATES = [
    ("welfare.claim", "claim_vals", {"state": "approved"}),
    ("welfare.claim", "claim_vals", {"state": "paid", "amount_approved": 500.0}),
    ("welfare.claim", "claim_vals", {"approved_by_id": "user_committee"}),
    ("welfare.claim", "claim_vals", {"payment_date": D(2025, 1, 1)}),
    ("welfare.claim.payee", "payee_vals", {}),
    ("welfare.contribution", "contribution_vals", {"state": "confirmed"}),
    ("welfare.contribution", "contribution_vals", {"receipt_number": "R-FAKE"}),
    ("welfare.contribution", "contribution_vals", {"period_end": D(2030, 1, 1)}),
    ("welfare.collection", "collection_vals", {"state": "closed"}),
    ("welfare.member", "member_vals", {"state": "active"}),
    ("welfare.member", "member_vals", {"paid_until": D(2031, 1, 1)}),
    ("welfare.member", "member_vals", {"approved_by_id": "user_committee"}),
    ("welfare.member", "member_vals", {"card_version": 9}),
    ("welfare.member", "member_vals", {"months_in_arrears": 4}),
    ("welfare.claim", "claim_vals", {"death_payee_partner_id": "partner_other"}),
    ("welfare.arrears.waiver", "waiver_vals", {"state": "approved"}),
    ("welfare.arrears.waiver", "waiver_vals", {"approved_by_id": "user_committee"}),
    ("welfare.arrears.waiver", "waiver_vals", {"amount_waived": 100.0}),
    ("welfare.member.period", "period_vals", {}),
]

# records no caller may delete
PROTECTED_UNLINKS = [
    "claim_approved",
    "claim_paid",
    "claim_undone",
    "payee_line",
    "contribution_confirmed",
    "collection_closed",
    "member_active",
    "waiver_approved",
    "period",
]


@tagged("post_install", "-at_install")
class TestIntegrityWorkflow(ForgedCallsMixin, BenefitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {"officer": cls.officer, "committee": cls.committee}
        cls.users["network"] = cls.network
        company = cls.fund.company_id
        cls.users["portal"] = new_test_user(
            cls.env,
            login="integrity_portal",
            groups="base.group_portal",
            company_id=company.id,
            company_ids=[company.id],
        )
        if cls.env.ref("account.group_account_user", raise_if_not_found=False):
            cls.users["accountant"] = new_test_user(
                cls.env,
                login="integrity_accountant",
                groups="account.group_account_user",
                company_id=company.id,
                company_ids=[company.id],
            )
        cls.benefit = cls._benefit(amount=1000.0, require_paid_up=False)
        cls.scheme = cls.fund.contribution_scheme_id

    # ------------------------------------------------------------------
    # Records, each made by its workflow
    # ------------------------------------------------------------------
    def _claim_in(self, state, **vals):
        claim = self._claim(self._member(), self.benefit, **vals)
        if state == "draft":
            return claim
        self._as(claim, "officer").action_submit()
        if state == "submitted":
            return claim
        self._as(claim, "committee").action_approve()
        if state == "approved":
            return claim
        self._as(claim, "officer")._mark_paid({"payment_method": "cash"})
        if state == "paid":
            return claim
        self._as(claim, "committee").action_undo_payment("จ่ายผิดคน")
        return claim

    def _contribution(self, confirm=True, member=None):
        payment = self.env["welfare.contribution"].create(
            {
                "member_id": (member or self._member()).id,
                "amount": 30.0,
                "date": self.today,
            }
        )
        if confirm:
            self._as(payment, "officer").action_confirm()
        return payment

    def _collection(self, close=False):
        day = self.env["welfare.collection"].create(
            {"fund_id": self.fund.id, "date": self.today}
        )
        if close:
            self._contribution(confirm=False).collection_id = day
            self._as(day, "officer").action_close()
        return day

    def _make(self, key):
        if key.startswith("claim_"):
            state = {"undone": "undone"}.get(key[6:], key[6:])
            return self._claim_in(state)
        if key == "payee_line":
            return self._claim_in("approved").payee_line_ids[:1]
        if key == "contribution_confirmed":
            return self._contribution()
        if key == "collection_open":
            return self._collection()
        if key == "collection_closed":
            return self._collection(close=True)
        if key == "member_active":
            member = self._member()
            self._contribution(member=member)
            return member
        if key == "member_terminated":
            member = self._member()
            member.action_terminate("ค้างชำระเกินกำหนด")
            return member
        if key == "member_reissued":
            member = self._member()
            self._as(member, "officer").action_reissue_card()
            return member
        if key.startswith(("waiver_", "period", "meeting")):
            return self._make_fund_rule(key)
        if key == "fund":
            return self.fund
        if key == "user_other":
            return self.other_officer
        if key == "user_committee":
            return self.committee
        if key == "partner_other":
            return self.env["res.partner"].create({"name": "ผู้รับเงินปลอม"})
        if key == "province_other":
            return self.env.ref("base.state_th_010")
        raise NotImplementedError(key)

    def _make_fund_rule(self, key):
        """Waivers, membership periods and meetings, made by their workflow."""
        if key == "meeting":
            return self.env["welfare.fund.meeting"].create(
                {"fund_id": self.fund.id, "name": "ประชุมปลอม"}
            )
        if key == "period":
            member = self.env["welfare.member"].create(self.member_vals())
            self._as(member, "committee").action_approve()
            return member.period_ids
        waiver = self.env["welfare.arrears.waiver"].create(self.waiver_vals())
        if key == "waiver_approved":
            self._as(waiver, "committee").action_approve()
        return waiver

    def _resolve(self, vals):
        """Forged values: names of records stand for their ids."""
        resolved = {}
        for name, value in vals.items():
            if isinstance(value, str) and value.split("_")[0] in (
                "user",
                "partner",
                "collection",
                "province",
                "meeting",
            ):
                value = self._make(value).id
            resolved[name] = value
        return resolved

    def claim_vals(self):
        return {
            "member_id": self._member().id,
            "benefit_type_id": self.benefit.id,
            "event_date": self.today,
        }

    def waiver_vals(self):
        # a member a year behind, whose arrears the committee may waive
        member = self._member(paid_until=self.today - datetime.timedelta(days=400))
        return {
            "member_id": member.id,
            "reason": "ประสบอุทกภัย",
            "meeting_id": self._make("meeting").id,
        }

    def period_vals(self):
        return {"member_id": self._member().id, "date_start": self.today}

    def payee_vals(self):
        claim = self._claim_in("approved")
        return {
            "claim_id": claim.id,
            "partner_id": self._make("partner_other").id,
            "amount": 1000.0,
        }

    def contribution_vals(self):
        return {"member_id": self._member().id, "amount": 30.0, "date": self.today}

    def collection_vals(self):
        return {"fund_id": self.fund.id, "date": self.today}

    def member_vals(self):
        self._seed = getattr(self, "_seed", 0) + 1
        return {"fund_id": self.fund.id, "name": f"นายผู้สมัคร {self._seed}"}

    # ------------------------------------------------------------------
    # The attacks, every role, every field
    # ------------------------------------------------------------------
    def test_forged_writes_are_refused_for_every_role(self):
        self.assert_forged_writes_refused(FORGED_WRITES)

    def test_forged_creates_are_refused_for_every_role(self):
        self.assert_forged_creates_refused(FORGED_CREATES)

    def test_records_of_decisions_and_money_are_never_deleted(self):
        self.assert_never_deleted(PROTECTED_UNLINKS)

    def test_the_error_tells_which_fields_and_saves_nothing(self):
        claim = self._claim_in("submitted")
        with self.assertRaisesRegex(
            UserError, "State of Benefit Claim.*never by editing"
        ):
            self._as(claim, "officer").write({"state": "approved"})
        self.assertEqual(claim.state, "submitted")

    def test_thai_users_are_refused_in_thai(self):
        self.env["res.lang"]._activate_lang("th_TH")
        claim = self._claim_in("submitted")
        with self.assertRaisesRegex(UserError, "เปลี่ยนได้ด้วยปุ่มของขั้นตอนงานเท่านั้น"):
            self._as(claim, "officer").with_context(lang="th_TH").write(
                {"state": "approved"}
            )

    def test_the_guard_cannot_be_opened_from_the_context(self):
        """A context key sent over RPC is a string, never the workflow's pass."""
        claim = self._claim_in("submitted")
        for forged in ("1", True, {"models": ["welfare.claim"]}, ["welfare.claim"]):
            with self.subTest(context=forged), self.assertRaises(UserError):
                self._as(claim, "committee").with_context(
                    welfare_workflow_pass=forged
                ).write({"state": "approved"})
        self.assertEqual(claim.state, "submitted")
        # the helpers that open it are private: RPC may not call them
        for method in ("_workflow_write", "_workflow_create", "_workflow_open"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                get_public_method(self._as(claim, "committee"), method)

    # ------------------------------------------------------------------
    # The same changes through the workflow
    # ------------------------------------------------------------------
    def test_a_claim_is_approved_paid_and_undone_by_its_buttons(self):
        claim = self._claim_in("paid")
        self.assertEqual(claim.state, "paid")
        self.assertEqual(claim.approved_by_id, self.committee)
        self.assertEqual(claim.paid_by_id, self.officer)
        with self.assertRaises(UserError):
            self._as(claim, "officer")._mark_paid({"payment_method": "cash"})
        with self.assertRaises(AccessError):
            self._as(claim, "officer").action_undo_payment("จ่ายผิดคน")
        self._as(claim, "committee").action_undo_payment("จ่ายผิดคน")
        self.assertEqual(claim.state, "cancelled")
        # the payment stays on record: never reset, never deleted, never paid
        self.assertEqual(claim.payment_method, "cash")
        self.assertEqual(claim.payment_undo_reason, "จ่ายผิดคน")
        self.assertTrue(claim.payee_line_ids)
        with self.assertRaises(UserError):
            self._as(claim, "committee").action_draft()
        with self.assertRaises(UserError):
            self._as(claim, "committee")._mark_paid({"payment_method": "cash"})
        # the member may claim again
        self.assertEqual(
            self._claim_in("paid", member_id=claim.member_id.id).state, "paid"
        )

    def test_undoing_a_payment_needs_a_reason(self):
        claim = self._claim_in("paid")
        with self.assertRaises(UserError):
            self._as(claim, "committee").action_undo_payment("  ")
        self.assertEqual(claim.state, "paid")

    def test_committee_may_still_propose_the_amount_before_approving(self):
        claim = self._claim_in("submitted")
        self._as(claim, "committee").amount_approved = 600.0
        self._as(claim, "committee").action_approve()
        self.assertEqual(claim.amount_approved, 600.0)
        self.assertEqual(sum(claim.payee_line_ids.mapped("amount")), 600.0)

    def test_a_confirmed_payment_is_undone_only_by_cancelling_it(self):
        payment = self._contribution()
        self._as(payment, "officer").action_cancel("บันทึกซ้ำ")
        self.assertEqual(payment.state, "cancelled")
        self.assertEqual(payment.cancelled_by_id, self.officer)

    def test_member_status_moves_through_its_actions(self):
        member = self.env["welfare.member"].create(self.member_vals())
        self.assertEqual(member.state, "applicant")
        self._as(member, "committee").action_approve()
        self.assertEqual(member.state, "active")
        self.assertEqual(member.approved_by_id, self.committee)
        self._as(member, "officer").action_reissue_card()
        self.assertEqual(member.card_version, 2)
        # the officer still keeps the member's own details
        self._as(member, "officer").write({"phone": "0810000000"})
        self.assertEqual(member.phone, "0810000000")

    def test_an_applicants_join_date_is_the_officers_until_approval(self):
        member = self.env["welfare.member"].create(self.member_vals())
        self._as(member, "officer").join_date = D(2024, 5, 1)
        self._as(member, "committee").action_approve()
        self.assertEqual(member.join_date, D(2024, 5, 1))
        with self.assertRaises(UserError):
            self._as(member, "officer").join_date = D(2020, 1, 1)

    def test_only_administrators_move_a_member_to_another_fund(self):
        member = self._member(national_id=make_id(7711))
        # an officer of both funds still may not carry a member and their money over
        self.officer.write({"company_ids": [(4, self.other_fund.company_id.id)]})
        for role in ("officer", "committee"):
            with self.subTest(role=role), self.assertRaises(UserError):
                self._as(member, role).write({"fund_id": self.other_fund.id})
            self.assertEqual(member.fund_id, self.fund)
        # writing the member's own fund again moves nobody
        self._as(member, "officer").write(
            {"fund_id": self.fund.id, "phone": "0812345678"}
        )
        self.assertEqual(member.phone, "0812345678")
        admin = new_test_user(
            self.env,
            login="integrity_mover",
            groups="welfare_base.group_welfare_manager",
            company_id=self.fund.company_id.id,
            company_ids=[self.fund.company_id.id, self.other_fund.company_id.id],
        )
        member.with_user(admin).write({"fund_id": self.other_fund.id})
        self.assertEqual(member.fund_id, self.other_fund)

    # ------------------------------------------------------------------
    # One national ID once per fund, in the database too
    # ------------------------------------------------------------------
    @mute_logger("odoo.sql_db")
    def test_the_database_refuses_a_national_id_twice_in_a_fund(self):
        first = self._member(national_id=make_id(7701))
        second = self._member(national_id=make_id(7702))
        left = self._member(national_id=make_id(7703))
        left.action_resign("ย้ายออกนอกพื้นที่")
        self.env.flush_all()
        update = "UPDATE welfare_member SET national_id = %s WHERE id = %s"
        # below the ORM, as a script or a second import at the same time would
        with self.assertRaises(psycopg2.errors.UniqueViolation):
            with self.env.cr.savepoint():
                self.env.cr.execute(update, (first.national_id, second.id))
        # a member who left frees the number, as the Python check allows
        self.env.cr.execute(update, (first.national_id, left.id))
        self.assertEqual(self.env.cr.rowcount, 1)
