from odoo import fields, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today

OFFICER_GROUP = "welfare_base.group_welfare_officer"


class WelfareFund(models.Model):
    """What the member portal tells members about their fund."""

    _inherit = "welfare.fund"

    portal_officer_id = fields.Many2one(
        "res.users",
        string="Officer for Member Requests",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Gets the to-do of every claim request and change request members "
        "send from the member portal. Left empty, the first officer of the fund.",
    )
    next_collection_date = fields.Date(
        string="Next Collection Day",
        help="Shown to members on the member portal.",
    )
    collection_note = fields.Char(
        string="Where and When Contributions Are Collected",
        translate=False,
        help="Shown to members on the member portal, e.g. 'the 5th of every "
        "month at the village hall'.",
    )

    def _portal_next_collection_date(self):
        """The next collection day, or False when none is planned or it passed."""
        self.ensure_one()
        date = self.next_collection_date
        return date if date and date >= welfare_today(self) else False

    def _portal_officer(self):
        """The user who gets the members' requests of this fund."""
        self.ensure_one()
        if self.portal_officer_id.active:
            return self.portal_officer_id
        # sudo: the fund's staff are looked up to address a to-do to one of
        # them; only their user is used
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("share", "=", False),
                    ("company_ids", "in", self.company_id.id),
                    ("groups_id", "in", self.env.ref(OFFICER_GROUP).id),
                ],
                order="id",
                limit=1,
            )
        )
