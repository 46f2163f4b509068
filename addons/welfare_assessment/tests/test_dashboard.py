import io

import openpyxl

from .common import AssessmentCase


class TestDashboard(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assessments = cls._assess(cls.fund_a | cls.fund_b | cls.fund_empty)
        cls.assessments.action_compute()
        for assessment in cls.assessments:
            cls._line(assessment, cls.crit_plan).value = 1
        cls.assessments.action_confirm()
        # A: 100 (A), B: coverage 5/10 -> 66.67 (B), empty: 33.33 (D)

    def _pivot(self, groupby, domain=None):
        """The cells of the grades pivot, read as the pivot view reads them."""
        self.env.flush_all()
        return self.env["welfare.assessment.report"].read_group(
            domain or [("template_id", "=", self.template.id)],
            ["fund_count:sum", "share:sum"],
            groupby,
            lazy=False,
        )

    def test_grades_report_gives_count_and_share_per_grade(self):
        groups = self._pivot(["state_id", "grade"])
        result = {g["grade"]: (g["fund_count"], round(g["share"], 2)) for g in groups}
        self.assertEqual(result, {"A": (1, 33.33), "B": (1, 33.33), "D": (1, 33.33)})

    def test_share_over_two_years_is_a_proportion_not_a_sum(self):
        earlier = self._assess(self.fund_a | self.fund_b, year=self.year - 1)
        earlier.action_compute()
        for assessment in earlier:
            self._line(assessment, self.crit_plan).value = 1
        earlier.action_confirm()
        # the pivot's "Total" column of a province: every grade, every year
        (total,) = self._pivot(["state_id"])
        self.assertEqual(total["fund_count"], 5)
        self.assertEqual(round(total["share"], 2), 100.0)
        # each year's grades add up to 100 %
        cells = self._pivot(["state_id", "fiscal_year_be", "grade"])
        by_year = {}
        for cell in cells:
            by_year.setdefault(cell["fiscal_year_be"], 0.0)
            by_year[cell["fiscal_year_be"]] += cell["share"]
        self.assertEqual(
            {y: round(s, 2) for y, s in by_year.items()}, dict.fromkeys(by_year, 100.0)
        )
        self.assertEqual(len(by_year), 2)
        # grade A over both years: 2 funds of 5
        grade_a = {c["grade"]: c for c in self._pivot(["state_id", "grade"])}["A"]
        self.assertEqual(round(grade_a["share"], 2), 40.0)

    def test_share_under_a_grade_filter_is_of_every_grade(self):
        (cell,) = self._pivot(
            ["state_id"],
            [("template_id", "=", self.template.id), ("grade", "=", "A")],
        )
        self.assertEqual(cell["fund_count"], 1)
        self.assertEqual(round(cell["share"], 2), 33.33)

    def test_weakest_criteria_of_a_province(self):
        self.env.flush_all()
        groups = self.env["welfare.assessment.line"]._read_group(
            [
                ("template_id", "=", self.template.id),
                ("state_id", "=", self.province.id),
            ],
            ["criterion_id"],
            ["achievement:avg"],
        )
        achievement = dict(groups)
        self.assertEqual(achievement[self.crit_plan], 100.0)
        self.assertAlmostEqual(achievement[self.crit_coverage], 50.0)

    def test_score_trend_of_a_fund(self):
        action = self.fund_a.action_view_assessment_trend()
        trend = self.env["welfare.assessment"].search(action["domain"])
        self.assertEqual(trend, self.assessments[0])
        self.assertEqual(action["res_model"], "welfare.assessment")

    def test_xlsx_export_has_a_column_per_criterion(self):
        content, report_type = self.env["ir.actions.report"]._render(
            "welfare_assessment.action_report_assessment_xlsx", self.assessments.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        self.assertIn("Coverage", header)
        self.assertIn("Plan", header)
        rows = {row[3]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(set(rows), {"T-A", "T-B", "T-E"})
        row_b = rows["T-B"]
        self.assertEqual(row_b[header.index("Grade")], "B")
        self.assertEqual(row_b[header.index("Coverage")], 5.0)
        self.assertEqual(row_b[header.index("Plan")], 10.0)
        values = book.worksheets[1]
        value_rows = {r[3]: r for r in values.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(value_rows["T-B"][header.index("Coverage")], 30.0)
        self.assertIsNone(value_rows["T-E"][header.index("Coverage")])
