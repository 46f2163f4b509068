from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    welfare_staff_company_ids = fields.Many2many(
        "res.company",
        string="Funds Served as Staff",
        compute="_compute_welfare_staff_company_ids",
        help="The funds whose members' full national IDs and health data this "
        "user handles as fund staff. For a user who is also a network reviewer, "
        "the funds of the reviewed provinces are not among them, except the "
        "user's own default fund.",
    )

    @api.depends("company_ids", "company_id", "groups_id", "welfare_state_ids")
    def _compute_welfare_staff_company_ids(self):
        for user in self:
            user.welfare_staff_company_ids = user._welfare_staff_companies()

    def _welfare_staff_companies(self):
        """The companies whose sensitive data the user reads as fund staff.

        Rights to sensitive data follow the fund, not only the group: an
        officer who also reviews a province (network reviewer) reads the
        other funds of that province as a reviewer does, masked. Their own
        fund is their default company, and any fund outside the reviewed
        provinces they were given. Administrators and users who review no
        province keep every company they are allowed in.
        """
        self.ensure_one()
        companies = self.company_ids
        if self.has_group("welfare_base.group_welfare_manager") or not (
            self.has_group("welfare_base.group_welfare_network")
        ):
            return companies
        provinces = self.welfare_state_ids
        reviewed = companies.filtered(
            lambda company: company.welfare_fund_ids.state_id & provinces
        )
        return (companies - reviewed) | self.company_id
