import datetime

from odoo import Command
from odoo.tests import TransactionCase


class AssessmentCase(TransactionCase):
    """Funds of a province without demo data, and a small template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province = cls.env["res.country.state"].search(
            [("code", "=", "TH-40"), ("country_id.code", "=", "TH")], limit=1
        )
        cls.other_province = cls.env["res.country.state"].search(
            [("code", "=", "TH-41"), ("country_id.code", "=", "TH")], limit=1
        )
        cls.zone = cls.env["welfare.zone"].create(
            {"name": "Test zone", "state_id": cls.province.id}
        )
        cls.fund_a, cls.fund_b, cls.fund_empty = cls.env["welfare.fund"].create(
            [
                {
                    "name": "Fund A",
                    "code": "T-A",
                    "state_id": cls.province.id,
                    "zone_id": cls.zone.id,
                    "village_total": 10,
                    "village_covered": 5,
                },
                {
                    "name": "Fund B",
                    "code": "T-B",
                    "state_id": cls.province.id,
                    "village_total": 10,
                    "village_covered": 3,
                },
                {
                    "name": "Fund without data",
                    "code": "T-E",
                    "state_id": cls.province.id,
                },
            ]
        )
        cls.fund_far = cls.env["welfare.fund"].create(
            {"name": "Fund far away", "code": "T-F", "state_id": cls.other_province.id}
        )
        cls.year = 2025
        cls.date_from = datetime.date(2024, 10, 1)
        cls.date_to = datetime.date(2025, 9, 30)
        cls.template = cls.env["welfare.assessment.template"].create(
            {
                "name": "Test template",
                "sequence": 100,
                "threshold_a": 80,
                "threshold_b": 65,
                "threshold_c": 50,
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Coverage",
                            "indicator": "gov_village_coverage",
                            "weight": 2,
                            "max_points": 10,
                            "band_ids": [
                                Command.create(
                                    {"has_min": True, "min_value": 50, "points": 10}
                                ),
                                Command.create(
                                    {"has_min": True, "min_value": 30, "points": 5}
                                ),
                            ],
                        }
                    ),
                    Command.create(
                        {
                            "name": "Plan",
                            "indicator": "manual",
                            "weight": 1,
                            "max_points": 10,
                            "band_ids": [
                                Command.create(
                                    {"has_min": True, "min_value": 1, "points": 10}
                                ),
                            ],
                        }
                    ),
                ],
            }
        )
        cls.crit_coverage, cls.crit_plan = cls.template.criterion_ids

    @classmethod
    def _assess(cls, funds, template=None, year=None):
        return cls.env["welfare.assessment"].create(
            [
                {
                    "fund_id": fund.id,
                    "template_id": (template or cls.template).id,
                    "fiscal_year": year or cls.year,
                }
                for fund in funds
            ]
        )

    @staticmethod
    def _line(assessment, criterion):
        return assessment.line_ids.filtered(lambda line: line.criterion_id == criterion)
