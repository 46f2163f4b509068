from odoo import fields, models


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    line_user_id = fields.Char(
        string="LINE User ID",
        copy=False,
        groups="welfare_base.group_welfare_officer",
        help="The member's user ID with the fund's LINE Official Account "
        "(U followed by 32 characters), given when the member adds the account.",
    )
    reminder_optout_email = fields.Boolean(
        string="No E-mail Reminders",
        tracking=True,
    )
    reminder_optout_sms = fields.Boolean(
        string="No SMS Reminders",
        tracking=True,
    )
    reminder_optout_line = fields.Boolean(
        string="No LINE Reminders",
        tracking=True,
    )
    reminder_log_ids = fields.One2many(
        "welfare.reminder.log",
        "member_id",
        string="Reminders",
    )

    def _reminder_number(self):
        self.ensure_one()
        return self.mobile or self.phone or False
