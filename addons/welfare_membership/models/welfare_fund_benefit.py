from odoo import fields, models


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    benefit_type_ids = fields.One2many(
        "welfare.benefit.type",
        "fund_id",
        string="Benefits",
    )
    benefit_type_count = fields.Integer(
        string="Benefits Offered",
        compute="_compute_benefit_type_count",
    )
    basic_benefit_count = fields.Integer(
        string="Basic Benefits",
        compute="_compute_benefit_type_count",
        help="Basic benefits offered: CODI matching asks for at least three.",
    )

    def _compute_benefit_type_count(self):
        Benefit = self.env["welfare.benefit.type"]
        counts = dict(
            Benefit._read_group([("fund_id", "in", self.ids)], ["fund_id"], ["__count"])
        )
        basic = dict(
            Benefit._read_group(
                [("fund_id", "in", self.ids), ("is_basic", "=", True)],
                ["fund_id"],
                ["__count"],
            )
        )
        for fund in self:
            fund.benefit_type_count = counts.get(fund, 0)
            fund.basic_benefit_count = basic.get(fund, 0)

    def _has_welfare_data(self):
        # sudo: only whether the fund has claims is read, to refuse deletion.
        return super()._has_welfare_data() or bool(
            self.env["welfare.claim"]
            .sudo()
            .search_count([("fund_id", "=", self.id)], limit=1)
        )

    def action_view_benefit_types(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_benefit_type_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action
