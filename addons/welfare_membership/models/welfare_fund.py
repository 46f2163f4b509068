from odoo import api, fields, models


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    contribution_scheme_id = fields.Many2one(
        "welfare.contribution.scheme",
        string="Contribution Scheme",
        tracking=True,
        copy=False,
        domain="[('fund_id', '=', id)]",
        help="The scheme the fund's members contribute under today.",
    )
    contribution_scheme_ids = fields.One2many(
        "welfare.contribution.scheme",
        "fund_id",
        string="Contribution Schemes",
    )
    member_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Member Numbers",
        copy=False,
        readonly=True,
        check_company=True,
    )
    receipt_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Receipt Numbers",
        copy=False,
        readonly=True,
        check_company=True,
    )
    member_ids = fields.One2many(
        "welfare.member",
        "fund_id",
        string="Members",
    )
    member_count = fields.Integer(
        string="Current Members",
        compute="_compute_member_count",
    )

    def _compute_member_count(self):
        counts = dict(
            self.env["welfare.member"]._read_group(
                [
                    ("fund_id", "in", self.ids),
                    ("state", "in", ("active", "grace", "suspended")),
                ],
                ["fund_id"],
                ["__count"],
            )
        )
        for fund in self:
            fund.member_count = counts.get(fund, 0)

    @api.model
    def _get_workflow_group_fields(self):
        # the scheme members pay under and the numbering of members and
        # receipts are configuration: administrators only
        admin = ("welfare_base.group_welfare_manager",)
        return {
            **super()._get_workflow_group_fields(),
            "contribution_scheme_id": admin,
            "member_sequence_id": admin,
            "receipt_sequence_id": admin,
        }

    @api.model_create_multi
    def create(self, vals_list):
        funds = super().create(vals_list)
        funds._setup_membership()
        return funds

    @api.model
    def _setup_membership_all(self):
        """Run at install and update: every fund gets what membership needs."""
        self.with_context(active_test=False).search([])._setup_membership()
        return True

    def _setup_membership(self):
        """Sequences and a default scheme (1 baht a day) for funds lacking them."""
        # sudo: sequences are configuration records a fund officer may not
        # create; they are made once per fund, for the fund's own company.
        sequences = self.env["ir.sequence"].sudo()
        scheme_vals = []
        for fund in self:
            if not fund.member_sequence_id:
                fund.member_sequence_id = sequences.create(
                    {
                        "name": self.env._("Members of %(fund)s", fund=fund.name),
                        "code": "welfare.member",
                        "company_id": fund.company_id.id,
                        "padding": 5,
                    }
                )
            if not fund.receipt_sequence_id:
                fund.receipt_sequence_id = sequences.create(
                    {
                        "name": self.env._("Receipts of %(fund)s", fund=fund.name),
                        "code": "welfare.contribution",
                        "company_id": fund.company_id.id,
                        "prefix": "R",
                        "padding": 6,
                    }
                )
            if not fund.contribution_scheme_id:
                scheme_vals.append({"fund_id": fund.id})
        schemes = self.env["welfare.contribution.scheme"].create(scheme_vals)
        for scheme in schemes:
            scheme.fund_id.contribution_scheme_id = scheme

    def _next_numbers(self, sequence_field, count):
        """``count`` numbers of the fund's sequence, taken in one query."""
        self.ensure_one()
        if not self[sequence_field]:
            self._setup_membership()
        # sudo: officers may not use ir.sequence; numbers are drawn only from the
        # fund's own sequence, made by _setup_membership.
        sequence = self[sequence_field].sudo()
        if not count:
            return []
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence.next_by_id() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            (f"ir_sequence_{sequence.id:03d}", count),
        )
        # as ir.sequence.get_next_char, the prefix and suffix made once
        prefix, suffix = sequence._get_prefix_suffix()
        pattern = f"%0{sequence.padding}d"
        return [prefix + pattern % row[0] + suffix for row in self.env.cr.fetchall()]

    def _has_welfare_data(self):
        # sudo: only whether the fund has members is read, to refuse deletion.
        return super()._has_welfare_data() or bool(
            self.env["welfare.member"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("fund_id", "=", self.id)], limit=1)
        )

    def action_view_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "welfare_membership.welfare_member_action"
        )
        action["domain"] = [("fund_id", "=", self.id)]
        action["context"] = {"default_fund_id": self.id}
        return action
