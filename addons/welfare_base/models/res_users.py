from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    welfare_state_ids = fields.Many2many(
        "res.country.state",
        "res_users_welfare_state_rel",
        "user_id",
        "state_id",
        string="Network Provinces",
        domain="[('country_id.code', '=', 'TH')]",
        help="Provinces whose funds this network reviewer sees: the companies of "
        "their funds are added to the user's allowed companies.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users.filtered("welfare_state_ids")._grant_welfare_network_companies()
        return users

    def write(self, vals):
        res = super().write(vals)
        if "welfare_state_ids" in vals:
            self._grant_welfare_network_companies()
        return res

    def _grant_welfare_network_companies(self):
        # sudo: the funds of the provinces an administrator set on the user are
        # found whatever the writer may read; only their companies are used.
        funds = self.env["welfare.fund"].sudo().with_context(active_test=False)
        for user in self:
            companies = funds.search(
                [("state_id", "in", user.welfare_state_ids.ids)]
            ).company_id
            missing = companies - user.company_ids
            if missing:
                # sudo: the allowed companies are derived from the provinces set
                # by an administrator on this user, nothing else.
                user.sudo().write(
                    {"company_ids": [fields.Command.link(c.id) for c in missing]}
                )
