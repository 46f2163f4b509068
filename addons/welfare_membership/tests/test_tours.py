"""The demo fund's officer and committee, driving the web client in a browser,
and the public card check page on a phone-sized screen."""

import datetime
import json

from odoo.tests import HttpCase, tagged

from odoo.addons.welfare_base.lib import thai_calendar

VERIFY = "/welfare/card/verify/"


def _tour_code(tour, url, storage):
    """JavaScript that puts ``storage`` in the tab's sessionStorage, then
    starts ``tour``: what a tour needs to know of the test's data."""
    options = {"stepDelay": 0, "keepWatchBrowser": False, "debug": False}
    options["startUrl"] = url
    lines = [
        f"sessionStorage.setItem({json.dumps(key)}, {json.dumps(str(value))});"
        for key, value in storage.items()
    ]
    lines.append(f"odoo.startTour({tour!r}, {json.dumps(options)})")
    return "".join(lines)


class DemoFundTourCase(HttpCase):
    """The demo fund ตำบลรอบเมือง and its users, in Thai."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("th_TH")
        cls.env["ir.module.module"]._load_module_terms(
            ["welfare_base", "welfare_membership"], ["th_TH"]
        )
        cls.fund = cls.env.ref("welfare_base.welfare_fund_rop_mueang_demo")
        cls.officer = cls.env.ref("welfare_base.welfare_user_officer_demo")
        cls.committee = cls.env.ref("welfare_base.welfare_user_committee_demo")

    def _tour(self, tour, url, login, storage=None):
        self.start_tour(
            url,
            tour,
            login=login,
            code=_tour_code(tour, url, storage or {}),
            timeout=180,
        )


@tagged("post_install", "-at_install")
class TestMembershipTours(DemoFundTourCase):
    def test_officer_registers_a_member(self):
        national_id = "1101700123456"
        Member = self.env["welfare.member"].with_context(active_test=False)
        self.assertFalse(Member.search([("national_id", "=", national_id)]))
        self._tour(
            "welfare_officer_register_member",
            "/odoo/action-welfare_membership.welfare_member_action",
            "officer",
            {"welfare_new_member_id": national_id},
        )
        member = Member.search([("national_id", "=", national_id)])
        self.assertEqual(len(member), 1)
        self.assertEqual(member.fund_id, self.fund)
        self.assertEqual(member.create_uid, self.officer)
        self.assertEqual(member.first_name, "ทองใบ")
        self.assertEqual(member.last_name, "ทดลองสมัคร")
        self.assertEqual(member.state, "applicant")

    def test_officer_records_a_collection_day_and_prints_the_receipts(self):
        members = self.env["welfare.member"].search(
            [("fund_id", "=", self.fund.id), ("state", "=", "active")],
            limit=2,
            order="member_number",
        )
        self.assertEqual(len(members), 2)
        # what the web client's Print button makes the server render
        printed = []
        Report = type(self.env["ir.actions.report"])
        render = Report._render_qweb_pdf

        def spy(report, report_ref, res_ids=None, data=None):
            printed.append((report._get_report(report_ref).report_name, res_ids))
            return render(report, report_ref, res_ids=res_ids, data=data)

        self.patch(Report, "_render_qweb_pdf", spy)
        self._tour(
            "welfare_officer_collection_day",
            "/odoo/action-welfare_membership.welfare_collection_action",
            "officer",
            {"welfare_collect_numbers": ",".join(members.mapped("member_number"))},
        )
        day = self.env["welfare.collection"].search(
            [("fund_id", "=", self.fund.id), ("create_uid", "=", self.officer.id)]
        )
        self.assertEqual(len(day), 1)
        self.assertEqual(day.state, "closed")
        payments = day.contribution_ids
        self.assertEqual(payments.member_id, members)
        self.assertEqual(set(payments.mapped("state")), {"confirmed"})
        self.assertTrue(all(payments.mapped("receipt_number")))
        self.assertIn(
            ("welfare_membership.report_contribution_receipt", sorted(payments.ids)),
            [(name, sorted(ids or [])) for name, ids in printed],
        )

    def test_committee_approves_a_claim(self):
        claim = self.env["welfare.claim"].search(
            [
                ("fund_id", "=", self.fund.id),
                ("state", "=", "submitted"),
                ("eligibility_refused", "=", False),
            ],
            limit=1,
            order="id",
        )
        self.assertTrue(claim, "the demo fund has a claim to approve")
        benefit = claim.benefit_type_id.with_context(lang="th_TH").display_name
        self._tour(
            "welfare_committee_approve_claim",
            "/odoo/action-welfare_membership.welfare_claim_action_committee",
            "committee",
            {"welfare_claim_benefit": benefit, "welfare_claim_name": claim.name},
        )
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.approved_by_id, self.committee)
        self.assertGreater(claim.amount_approved, 0)


@tagged("post_install", "-at_install")
class TestBuddhistEraTour(DemoFundTourCase):
    """A Thai user reads and types Buddhist-era dates in the web client."""

    @staticmethod
    def _be(date):
        return f"{date:%d/%m/}{date.year + thai_calendar.BE_OFFSET}"

    def test_thai_officer_reads_and_types_buddhist_era_dates(self):
        self.assertEqual(self.officer.lang, "th_TH")
        member = self.env["welfare.member"].search(
            [
                ("fund_id", "=", self.fund.id),
                ("state", "in", ("active", "grace", "suspended")),
                ("birthdate", "!=", False),
            ],
            limit=1,
            order="member_number",
        )
        join = member.join_date
        pivot = self.env["ir.actions.act_window"].create(
            {
                "name": "สมาชิกตามเดือนที่เข้า",
                "res_model": "welfare.member",
                "view_mode": "pivot",
                "domain": [("fund_id", "=", self.fund.id)],
                "context": "{'pivot_row_groupby': ['join_date:month'], "
                "'pivot_measures': ['__count']}",
            }
        )
        self._tour(
            "welfare_thai_buddhist_era",
            "/odoo/action-welfare_membership.welfare_member_action",
            "officer",
            {
                "welfare_be_number": member.member_number,
                "welfare_be_join": self._be(join),
                "welfare_be_birth": self._be(member.birthdate),
                "welfare_be_pivot": pivot.id,
                "welfare_be_month": f"{thai_calendar.MONTHS[join.month - 1]} "
                f"{join.year + thai_calendar.BE_OFFSET}",
            },
        )
        # typed as 15/01/2512 B.E., kept as the ISO date 1969-01-15
        self.assertEqual(member.birthdate, datetime.date(1969, 1, 15))


@tagged("post_install", "-at_install")
class TestCardPageOnAPhone(DemoFundTourCase):
    """The public card check page read on a phone: it fits the screen."""

    browser_size = "390x844"
    touch_enabled = True

    def _check_on_phone(self, member, token, expected):
        code = """
            const root = document.documentElement;
            if (window.innerWidth !== 390) {
                throw new Error(`screen ${window.innerWidth}px wide, not a phone`);
            }
            if (root.scrollWidth > window.innerWidth) {
                throw new Error(
                    `page ${root.scrollWidth}px wide on a ${window.innerWidth}px screen`
                );
            }
            const text = document.body.innerText;
            for (const expected of %s) {
                if (!text.includes(expected)) {
                    throw new Error(`"${expected}" not shown: ${text}`);
                }
            }
            console.log("test successful");
        """ % json.dumps(expected)
        self.browser_js(f"{VERIFY}{token}", code, timeout=60)

    def _demo_member(self, state):
        member = self.env["welfare.member"].search(
            [("fund_id", "=", self.fund.id), ("state", "=", state)],
            limit=1,
            order="member_number",
        )
        self.assertTrue(member, f"a demo member in state {state}")
        return member

    def test_valid_card_fits_a_phone(self):
        member = self._demo_member("active")
        self._check_on_phone(
            member,
            member._card_token(),
            ["บัตรสมาชิกถูกต้อง", self.fund.name, member.member_number],
        )

    def test_suspended_card_fits_a_phone(self):
        member = self._demo_member("suspended")
        self._check_on_phone(
            member,
            member._card_token(),
            ["บัตรจริง แต่สมาชิกถูกระงับสิทธิ", self.fund.name, member.member_number],
        )

    def test_revoked_card_fits_a_phone(self):
        member = self._demo_member("active")
        token = member._card_token()
        member.action_reissue_card()
        self._check_on_phone(member, token, ["บัตรไม่ถูกต้อง"])
