from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .welfare_date import welfare_today


class WelfareFundMeeting(models.Model):
    """A meeting of a fund: committee, general assembly or network meeting."""

    _name = "welfare.fund.meeting"
    _description = "Fund Meeting"
    _inherit = ["welfare.fund.owned.mixin", "mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Subject",
        required=True,
    )
    date = fields.Date(
        required=True,
        default=welfare_today,
        index=True,
        tracking=True,
    )
    kind = fields.Selection(
        selection=[
            ("committee", "Committee Meeting"),
            ("general_assembly", "General Assembly"),
            ("extraordinary", "Extraordinary General Meeting"),
            ("network", "Network Meeting"),
            ("other", "Other"),
        ],
        required=True,
        default="committee",
        tracking=True,
    )
    attendee_ids = fields.Many2many(
        "res.partner",
        string="Attendees",
    )
    attendee_count = fields.Integer(
        string="Number of Attendees",
        compute="_compute_attendee_count",
        store=True,
        readonly=False,
        help="Filled from the attendees listed; may be set by hand for a large "
        "assembly whose attendees are not all listed.",
    )
    minutes = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Minutes (files)",
    )
    has_minutes = fields.Boolean(
        compute="_compute_has_minutes",
        store=True,
    )

    @api.depends("attendee_ids")
    def _compute_attendee_count(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.attendee_ids)

    @api.depends("minutes", "attachment_ids")
    def _compute_has_minutes(self):
        for meeting in self:
            text = meeting.minutes and str(meeting.minutes).strip()
            meeting.has_minutes = bool(meeting.attachment_ids or text)

    @api.constrains("attendee_count")
    def _check_attendee_count(self):
        for meeting in self:
            if meeting.attendee_count < 0:
                raise ValidationError(
                    self.env._("The number of attendees cannot be negative.")
                )
