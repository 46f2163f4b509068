from odoo.exceptions import ValidationError

from .common import AssessmentCase


class TestTemplate(AssessmentCase):
    def test_thresholds_must_decrease_from_a_to_c(self):
        with self.assertRaises(ValidationError):
            self.template.write({"threshold_b": 85})

    def test_thresholds_stay_within_the_scale(self):
        with self.assertRaises(ValidationError):
            self.template.write({"threshold_a": 120})

    def test_band_points_cannot_exceed_the_maximum(self):
        with self.assertRaises(ValidationError):
            self.crit_coverage.band_ids[0].points = 11

    def test_band_bounds_must_be_ordered(self):
        with self.assertRaises(ValidationError):
            self.crit_coverage.band_ids[0].write({"has_max": True, "max_value": 20})

    def test_default_template_follows_codi_conditions(self):
        template = self.env.ref("welfare_assessment.welfare_assessment_template_codi")
        names = template.criterion_ids.mapped("name")
        self.assertEqual(len(names), 15)
        indicators = set(template.criterion_ids.mapped("indicator"))
        self.assertTrue(
            {"gov_village_coverage", "gov_meetings", "mem_basic_benefits"} <= indicators
        )
        admin = self.env.ref(
            "welfare_assessment.welfare_assessment_criterion_codi_admin_cost"
        )
        # 20 % exactly is still within CODI's limit
        self.assertEqual(admin._bands()[0].max_value, 20)
        self.assertEqual(
            (template.threshold_a, template.threshold_b, template.threshold_c),
            (80, 65, 50),
        )

    def test_governance_indicators_are_offered(self):
        codes = dict(
            self.env["welfare.assessment.criterion"]
            ._fields["indicator"]
            ._description_selection(self.env)
        )
        for code in ("manual", "gov_meetings", "gov_committee_complete"):
            self.assertIn(code, codes)

    def test_criterion_units_read_in_the_reviewers_language(self):
        self.env["res.lang"]._activate_lang("th_TH")
        criterion = self.env["welfare.assessment.criterion"].create(
            {
                "template_id": self.template.id,
                "name": "Meetings",
                "indicator": "gov_meetings",
                "weight": 1,
                "max_points": 10,
            }
        )
        assessment = self._assess(self.fund_a)
        assessment.action_compute()
        line = self._line(assessment, criterion)
        self.assertEqual(criterion.with_context(lang="en_US").unit, "count")
        self.assertEqual(criterion.with_context(lang="th_TH").unit, "จำนวน")
        # the unit column of the assessment form
        self.assertEqual(line.with_context(lang="th_TH").unit, "จำนวน")
        self.assertEqual(self.crit_coverage.with_context(lang="th_TH").unit, "%")
