"""The entry points of the demo data (demo/*.xml calls them): nothing in the
business models creates demo records."""

from odoo import api, models

from . import catalogue, claims, fund_rules, members


class WelfareMembershipDemo(models.AbstractModel):
    _name = "welfare.membership.demo"
    _description = "Membership Demo Data"

    @api.model
    def _create_members(self, per_fund=30):
        return members.create_members(self.env, per_fund)

    @api.model
    def _create_catalogues(self):
        return catalogue.create_catalogues(self.env)

    @api.model
    def _create_claims(self):
        return claims.create_claims(self.env)

    @api.model
    def _create_fund_rules(self):
        return fund_rules.create_fund_rules(self.env)
