from odoo import models

from odoo.addons.welfare_membership.models.welfare_contribution import PAYING_STATES


class WelfareCollection(models.Model):
    _inherit = "welfare.collection"

    def _promptpay_members(self):
        """Members expected on the collection day: the fund's paying members
        (of the day's village when one is set), by member number."""
        self.ensure_one()
        domain = [
            ("fund_id", "=", self.fund_id.id),
            ("state", "in", PAYING_STATES),
        ]
        if self.village_no:
            domain.append(("village_no", "=", self.village_no))
        return self.env["welfare.member"].search(domain, order="member_number")

    def action_print_promptpay_list(self):
        return self.env.ref(
            "welfare_promptpay.action_report_collection_promptpay"
        ).report_action(self)
