from odoo import fields, models

from odoo.addons.welfare_base.models.welfare_date import welfare_today


class WelfareMemberStatusWizard(models.TransientModel):
    """Asks the reason (and date) of a change of a member's status."""

    _name = "welfare.member.status.wizard"
    _description = "Change Member Status"

    member_ids = fields.Many2many(
        "welfare.member",
        string="Members",
        required=True,
    )
    action = fields.Selection(
        [
            ("resign", "Resignation"),
            ("deceased", "Death"),
            ("terminate", "Termination"),
            ("reinstate", "Reinstatement"),
        ],
        required=True,
        default="resign",
    )
    date = fields.Date(
        default=welfare_today,
        help="Date of death, for a death.",
    )
    reason = fields.Text(
        required=True,
    )

    def action_apply(self):
        self.ensure_one()
        members = self.member_ids
        if self.action == "resign":
            members.action_resign(self.reason)
        elif self.action == "deceased":
            members.action_mark_deceased(self.date, self.reason)
        elif self.action == "terminate":
            members.action_terminate(self.reason)
        else:
            members.action_reinstate(self.reason)
        return {"type": "ir.actions.act_window_close"}
