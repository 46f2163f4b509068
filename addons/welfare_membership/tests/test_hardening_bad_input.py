"""Bad input at the registry's and the cash desk's entry points.

Every wrong value gets a clear error (or is handled: stored as meant), and a
refused operation leaves no row behind: counts are compared before and after.
"""

import base64
import datetime
import io

import openpyxl
import psycopg2
from hypothesis import (
    HealthCheck,
    given,
    settings,
    strategies as st,
)

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import registry
from .common_benefit import BenefitCase
from .common_membership import MembershipCase, make_id

D = datetime.date
HEADER = [thai for _key, thai, _en, _req in registry.COLUMNS]
FORMULA = "=cmd|' /C calc'!A0"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
REFUSED = (UserError, ValidationError, ValueError, psycopg2.IntegrityError)


@tagged("post_install", "-at_install")
class TestHardeningBadInput(MembershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Member = cls.env["welfare.member"]
        cls.Contribution = cls.env["welfare.contribution"]
        cls.today = welfare_today(cls.Member)
        cls.member = cls._member(paid_until=D(2025, 1, 31))

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _counts(self):
        env = self.env
        return {
            model: env[model].sudo().with_context(active_test=False).search_count([])
            for model in (
                "welfare.member",
                "res.partner",
                "welfare.member.beneficiary",
                "welfare.contribution",
            )
        }

    def assertRefusedAndNothingWritten(self, work, errors=REFUSED):
        before = self._counts()
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                work()
        except errors:
            pass
        else:
            self.fail("the bad value was accepted")
        self.env.invalidate_all()
        self.assertEqual(self._counts(), before)

    def _member_vals(self, seed, **vals):
        values = {
            "fund_id": self.fund.id,
            "first_name": f"ทดสอบ{seed}",
            "last_name": "ข้อมูลผิด",
            "national_id": make_id(seed),
            "join_date": D(2024, 1, 1),
        }
        values.update(vals)
        return values

    def _payment(self, **vals):
        values = {
            "member_id": self.member.id,
            "amount": 30.0,
            "date": D(2025, 2, 1),
            "payment_method": "cash",
        }
        values.update(vals)
        return self.Contribution.with_user(self.officer).create(values)

    # ------------------------------------------------------------------
    # Members
    # ------------------------------------------------------------------
    def test_member_with_a_wrong_check_digit_is_refused(self):
        number = make_id(9001)
        wrong = number[:12] + str((int(number[12]) + 1) % 10)
        self.assertRefusedAndNothingWritten(
            lambda: self.Member.with_user(self.officer).create(
                self._member_vals(9001, national_id=wrong)
            )
        )

    def test_member_ids_of_the_wrong_length_or_letters_are_refused(self):
        for value in ("123", "1101700" + "x" * 6, "1" * 14, "11017001234５"):
            with self.subTest(value=value):
                self.assertRefusedAndNothingWritten(
                    lambda value=value: self.Member.with_user(self.officer).create(
                        self._member_vals(9002, national_id=value)
                    )
                )

    def test_member_id_typed_in_thai_digits_is_stored_in_ascii(self):
        number = make_id(9003)
        member = self.Member.with_user(self.officer).create(
            self._member_vals(9003, national_id=number.translate(THAI_DIGITS))
        )
        self.assertEqual(member.national_id, number)

    def test_thai_digits_cannot_register_one_person_twice(self):
        number = make_id(9004)
        self.Member.create(self._member_vals(9004, national_id=number))
        self.assertRefusedAndNothingWritten(
            lambda: self.Member.with_user(self.officer).create(
                self._member_vals(9005, national_id=number.translate(THAI_DIGITS))
            )
        )

    def test_birth_date_typed_in_buddhist_era_is_refused(self):
        # 15/08/2510 typed into a Christian-era date field
        self.assertRefusedAndNothingWritten(
            lambda: self.Member.with_user(self.officer).create(
                self._member_vals(9006, birthdate=D(2510, 8, 15))
            ),
            ValidationError,
        )

    def test_join_date_typed_in_buddhist_era_is_refused(self):
        self.assertRefusedAndNothingWritten(
            lambda: self.Member.with_user(self.officer).create(
                self._member_vals(9007, join_date=D(2567, 10, 1))
            ),
            ValidationError,
        )

    def test_birth_date_centuries_ago_is_refused(self):
        # 15/08/1967 read as a Buddhist-era year: 1424 in the Christian era
        self.assertRefusedAndNothingWritten(
            lambda: self.Member.with_user(self.officer).create(
                self._member_vals(9008, birthdate=D(1424, 8, 15))
            ),
            ValidationError,
        )

    def test_thai_english_mixed_emoji_and_long_names_are_kept_as_typed(self):
        names = [
            ("สมชาย", "ใจดี"),
            ("John", "Smith"),
            ("สมชาย John", "ใจดี-Smith"),
            ("มะลิ😀", "สุข🌸"),
            ("ก" * 3000, "ข" * 3000),
        ]
        for seed, (first, last) in enumerate(names, 9100):
            with self.subTest(first=first[:20]):
                member = self.Member.with_user(self.officer).create(
                    self._member_vals(seed, first_name=first, last_name=last)
                )
                self.assertEqual(member.first_name, first)
                self.assertEqual(member.last_name, last)
                self.assertIn(first, member.name)
                self.assertIn(last, member.name)

    def test_wrong_types_are_refused_and_nothing_written(self):
        for vals in (
            {"join_date": "ไม่ใช่วันที่"},
            {"birthdate": "31/02/2567"},
            {"fund_id": "กองทุน"},
        ):
            with self.subTest(vals=vals):
                self.assertRefusedAndNothingWritten(
                    lambda vals=vals: self.Member.with_user(self.officer).create(
                        self._member_vals(9200, **vals)
                    )
                )

    # ------------------------------------------------------------------
    # Payments
    # ------------------------------------------------------------------
    def test_zero_and_negative_payments_are_refused(self):
        for amount in (0.0, -30.0, -0.01):
            with self.subTest(amount=amount):
                self.assertRefusedAndNothingWritten(
                    lambda amount=amount: self._payment(amount=amount)
                )

    def test_payment_amount_of_wrong_type_is_refused(self):
        self.assertRefusedAndNothingWritten(lambda: self._payment(amount="สามสิบ"))

    def test_payment_with_more_than_two_decimals_is_rounded_to_the_satang(self):
        payment = self._payment(amount=30.555)
        self.assertEqual(payment.amount, 30.56)
        payment.action_confirm()
        self.assertEqual(payment.period_start, D(2025, 2, 1))
        self.assertEqual(self.member.paid_until, payment.period_end)

    def test_payment_dated_in_buddhist_era_cannot_be_confirmed(self):
        payment = self._payment(date=D(2568, 2, 1))
        paid_until = self.member.paid_until
        with self.assertRaises(UserError):
            payment.action_confirm()
        self.assertEqual(payment.state, "draft")
        self.assertFalse(payment.receipt_number)
        self.assertEqual(self.member.paid_until, paid_until)

    def test_a_batch_with_one_bad_payment_confirms_none(self):
        good = self._payment(date=D(2025, 2, 1))
        bad = self._payment(date=self.today + datetime.timedelta(days=400))
        paid_until = self.member.paid_until
        with self.assertRaises(UserError):
            (good | bad).action_confirm()
        self.assertEqual((good | bad).mapped("state"), ["draft", "draft"])
        self.assertEqual(self.member.paid_until, paid_until)

    def test_cancelling_without_a_reason_is_refused(self):
        payment = self._payment()
        payment.action_confirm()
        for reason in ("", "   ", None):
            with self.subTest(reason=reason), self.assertRaises(UserError):
                payment.with_user(self.officer).action_cancel(reason)
        self.assertEqual(payment.state, "confirmed")


@tagged("post_install", "-at_install")
class TestHardeningImport(MembershipCase):
    """The registry import: formula cells, all or nothing, every bad row named."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._row_seed = 50000

    def _row(self, seed, **values):
        row = dict.fromkeys(key for key, *_rest in registry.COLUMNS)
        row.update(
            first_name=f"นำเข้า{seed}",
            last_name="ทดสอบ",
            national_id=make_id(seed),
            birthdate="15/08/2510",
            join_date="01/10/2560",
        )
        row.update(values)
        return [row[key] for key, *_rest in registry.COLUMNS]

    def _xlsx(self, rows):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a text cell that looks like a formula
        output = io.BytesIO()
        book.save(output)
        return output.getvalue()

    def _import(self, rows):
        wizard = (
            self.env["welfare.member.import"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.fund.id,
                    "file": base64.b64encode(self._xlsx(rows)),
                    "filename": "registry.xlsx",
                }
            )
        )
        wizard.action_import()
        return wizard

    def _error_rows(self, wizard):
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        sheet = book.worksheets[0]
        return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}

    def _member_count(self):
        return (
            self.env["welfare.member"]
            .with_context(active_test=False)
            .search_count([("fund_id", "=", self.fund.id)])
        )

    def test_officer_cannot_import_into_another_fund(self):
        other_count = (
            self.env["welfare.member"]
            .with_context(active_test=False)
            .search_count([("fund_id", "=", self.other_fund.id)])
        )
        wizard = (
            self.env["welfare.member.import"]
            .with_user(self.officer)
            .create(
                {
                    "fund_id": self.other_fund.id,
                    "file": base64.b64encode(self._xlsx([self._row(51020)])),
                    "filename": "registry.xlsx",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.action_import()
        self.assertEqual(
            self.env["welfare.member"]
            .with_context(active_test=False)
            .search_count([("fund_id", "=", self.other_fund.id)]),
            other_count,
        )

    def test_formula_like_names_are_imported_as_text(self):
        wizard = self._import([self._row(51001, first_name=FORMULA, last_name="+1+1")])
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.created_member_ids.first_name, FORMULA)

    def test_exported_registry_never_holds_a_formula(self):
        member = self._member(first_name=FORMULA, last_name="@SUM(A1)", phone="=1+1")
        member.street = "-2+3"
        content, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render(
                "welfare_membership.action_report_member_registry_xlsx", member.ids, {}
            )
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        self.assertTrue(any(FORMULA in str(cell.value or "") for cell in cells))
        formulas = [cell.coordinate for cell in cells if cell.data_type == "f"]
        self.assertEqual(formulas, [])

    def test_error_report_never_holds_a_formula(self):
        wizard = self._import([self._row(51002, national_id=FORMULA)])
        self.assertEqual(wizard.state, "errors")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.error_file)))
        cells = [c for row in book.worksheets[0].iter_rows() for c in row]
        self.assertFalse([c.coordinate for c in cells if c.data_type == "f"])

    def test_one_bad_row_imports_nothing_and_is_named(self):
        before = self._member_count()
        rows = [
            self._row(51010),
            self._row(51011, national_id="1234567890123"),
            self._row(51012),
            self._row(51013, join_date="01/10/2599"),
        ]
        wizard = self._import(rows)
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(wizard.created_count, 0)
        self.assertEqual(self._error_rows(wizard), {3, 5})
        self.assertEqual(self._member_count(), before)

    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.lists(
            st.sampled_from(
                ["ok", "ok", "checksum", "date", "future", "no_name", "formula"]
            ),
            min_size=1,
            max_size=6,
        )
    )
    def test_any_file_imports_every_row_or_nothing(self, kinds):
        """Property: all valid rows are written, or none; every bad row is named."""
        bad_kinds = {"checksum", "date", "future", "no_name"}
        rows = []
        for kind in kinds:
            type(self)._row_seed += 1
            seed = self._row_seed
            changes = {
                "ok": {},
                "formula": {"first_name": FORMULA},
                "checksum": {
                    "national_id": make_id(seed)[:12] + "0"
                    if make_id(seed)[12] != "0"
                    else make_id(seed)[:12] + "1"
                },
                "date": {"birthdate": "31/02/2510"},
                "future": {"join_date": "01/01/2600"},
                "no_name": {"first_name": None},
            }[kind]
            rows.append(self._row(seed, **changes))
        bad_rows = {index for index, kind in enumerate(kinds, 2) if kind in bad_kinds}
        savepoint = self.env.cr.savepoint()
        try:
            before = self._member_count()
            wizard = self._import(rows)
            if bad_rows:
                self.assertEqual(wizard.state, "errors")
                self.assertEqual(self._member_count(), before)
                self.assertEqual(self._error_rows(wizard), bad_rows)
            else:
                self.assertEqual(wizard.state, "done")
                self.assertEqual(self._member_count(), before + len(rows))
                self.assertEqual(wizard.created_count, len(rows))
        finally:
            savepoint.close(rollback=True)


@tagged("post_install", "-at_install")
class TestHardeningClaimInput(BenefitCase):
    """Claims and their wizards against bad values."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._member()
        cls.benefit = cls._benefit(
            amount_type="per_unit", unit="night", amount=200.0, require_paid_up=False
        )

    def _claim_count(self):
        return self.env["welfare.claim"].search_count([])

    def test_negative_units_and_amounts_are_refused(self):
        for vals in ({"units": -2}, {"amount_requested": -100.0}, {"units": "สอง"}):
            with self.subTest(vals=vals):
                before = self._claim_count()
                try:
                    with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                        self.Claim.with_user(self.officer).create(
                            {
                                "member_id": self.member.id,
                                "benefit_type_id": self.benefit.id,
                                "event_date": self.today,
                                **vals,
                            }
                        )
                except REFUSED:
                    pass
                else:
                    self.fail(f"{vals} accepted")
                self.assertEqual(self._claim_count(), before)

    def test_payment_dated_in_buddhist_era_is_refused(self):
        claim = self._approved(self.member, self.benefit, units=1)
        wizard = (
            self.env["welfare.claim.pay"]
            .with_user(self.officer)
            .create(
                {
                    "claim_ids": [(6, 0, claim.ids)],
                    "payment_date": self.today.replace(year=self.today.year + 543),
                    "payment_method": "cash",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_pay()
        self.assertEqual(claim.state, "approved")

    def test_rejecting_without_a_reason_is_refused(self):
        claim = self._claim(self.member, self.benefit, units=1)
        claim.action_submit()
        for reason in ("", "  \n "):
            with self.subTest(reason=reason), self.assertRaises(UserError):
                claim.with_user(self.committee).action_reject(reason)
        self.assertEqual(claim.state, "submitted")
