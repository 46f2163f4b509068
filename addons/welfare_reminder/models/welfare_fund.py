from odoo import api, fields, models

ADMIN = ("welfare_base.group_welfare_manager",)
REMINDER_SETTINGS = (
    "reminder_email",
    "reminder_sms",
    "reminder_line",
    "reminder_days_before",
    "line_channel_token",
)


class WelfareFund(models.Model):
    _inherit = "welfare.fund"

    reminder_email = fields.Boolean(
        string="Remind by E-mail",
        tracking=True,
    )
    reminder_sms = fields.Boolean(
        string="Remind by SMS",
        tracking=True,
    )
    reminder_line = fields.Boolean(
        string="Remind by LINE",
        tracking=True,
        help="Push messages from the fund's LINE Official Account.",
    )
    reminder_days_before = fields.Integer(
        string="Days Before",
        default=7,
        tracking=True,
        help="Reminders go out this many days before a member would fall into "
        "grace or suspension, and before each collection day.",
    )
    line_channel_token = fields.Char(
        string="LINE Channel Access Token",
        copy=False,
        groups="welfare_base.group_welfare_manager",
        help="Long-lived channel access token of the fund's LINE Official "
        "Account (LINE Developers console, Messaging API).",
    )

    _sql_constraints = [
        (
            "reminder_days_before_positive",
            "CHECK(reminder_days_before >= 0)",
            "Reminders cannot be sent after the day.",
        ),
    ]

    @api.model
    def _get_workflow_group_fields(self):
        # how and whether members are contacted is the administrators' setting
        return {
            **super()._get_workflow_group_fields(),
            **dict.fromkeys(REMINDER_SETTINGS, ADMIN),
        }

    def _reminder_channels(self):
        """{fund id: set of channels the fund enables}."""
        # sudo: the token is read only to know whether LINE can be used
        return {
            fund.id: {
                channel
                for channel, enabled in (
                    ("email", fund.reminder_email),
                    ("sms", fund.reminder_sms),
                    ("line", fund.reminder_line and fund.sudo().line_channel_token),
                )
                if enabled
            }
            for fund in self
        }
