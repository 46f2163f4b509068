"""The assessment results spreadsheet, downloaded by the demo network
reviewer as the web client's Print menu does, and read back."""

from odoo.tests import tagged

from odoo.addons.welfare_base.tests.readback import ReadBackCase
from odoo.addons.welfare_base.tests.report_reader import xlsx_rows


@tagged("post_install", "-at_install")
class TestReadBackAssessment(ReadBackCase):
    thai_modules = ("welfare_base", "welfare_membership", "welfare_assessment")

    def test_results_list_every_fund_of_the_province_in_thai(self):
        network = self.env.ref("welfare_base.welfare_user_network_demo")
        assessments = self.env["welfare.assessment"].search(
            [
                ("company_id", "in", network.company_ids.ids),
                ("state", "=", "confirmed"),
            ]
        )
        self.assertGreater(len(assessments.fund_id), 1)
        content = self.download_xlsx(
            "network", "welfare_assessment.assessment_xlsx", assessments
        )
        header, *rows = xlsx_rows(content)
        self.assertEqual(header[3:6], ("รหัสกองทุน", "กองทุน", "ปีงบประมาณ (พ.ศ.)"))
        self.assertEqual(header[10:12], ("คะแนน", "ระดับ"))
        criteria = assessments.line_ids.criterion_id.with_context(lang="th_TH")
        self.assertEqual(set(header[12:]), set(criteria.mapped("name")))
        self.assertEqual(len(rows), len(assessments))
        by_key = {(row[3], row[5], row[7].date()): row for row in rows}
        for assessment in assessments:
            row = by_key[
                (
                    assessment.fund_id.code,
                    assessment.fiscal_year_be,
                    assessment.date_to,
                )
            ]
            self.assertEqual(row[1], "ร้อยเอ็ด")
            self.assertEqual(row[4], assessment.fund_id.name)
            self.assertEqual(row[11], assessment.grade)
            self.assertAlmostEqual(row[10], assessment.score, places=2)
            self.assertGreater(row[5], 2500, "fiscal year in the Buddhist era")
        # the period's dates read in the Buddhist era
        for column in (6, 7):
            self.assertBuddhistEraDates(content, 0, column)
