from odoo import api, fields, models


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    codi_matched_before = fields.Integer(
        string="Matched Before the System",
        help="CODI matchings this member received before the fund kept its "
        "requests here.",
    )
    codi_matching_line_ids = fields.One2many(
        "welfare.matching.request.line",
        "member_id",
        string="CODI Matching Requests",
    )
    codi_matched_count = fields.Integer(
        string="Times Matched by CODI",
        compute="_compute_codi_matched_count",
        help="Matchings received: a member counts for at most three.",
    )

    @api.depends("codi_matched_before", "codi_matching_line_ids.request_id.state")
    def _compute_codi_matched_count(self):
        groups = self.env["welfare.matching.request.line"]._read_group(
            [
                ("member_id", "in", self.ids),
                ("request_id.state", "=", "received"),
            ],
            ["member_id"],
            ["__count"],
        )
        counted = {member.id: count for member, count in groups}
        for member in self:
            member.codi_matched_count = member.codi_matched_before + counted.get(
                member.id, 0
            )
