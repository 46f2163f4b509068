import base64
import json

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today

KINDS = [
    ("access", "Copy of My Data (Access)"),
    ("rectification", "Correction (Rectification)"),
    ("erasure", "Erasure"),
]
STATES = [
    ("received", "Received"),
    ("done", "Done"),
    ("refused", "Refused"),
]


class WelfarePrivacyRequest(models.Model):
    """A member's request under the PDPA: a copy of their data (section 30),
    a correction (section 35) or the erasure of a former member's data
    (section 33), received and answered by the fund's officers, erased by
    its committee."""

    _name = "welfare.privacy.request"
    _description = "Personal Data Request"
    _inherit = [
        "welfare.request.mixin",
        "welfare.member.owned.mixin",
        "mail.thread",
    ]
    _order = "request_date desc, id desc"
    _workflow_initial = {"state": ("received",)}
    _request_decided_by_field = "handled_by_id"
    _request_decided_date_field = "done_date"

    member_id = fields.Many2one(
        ondelete="restrict",
        tracking=True,
    )
    kind = fields.Selection(
        KINDS,
        string="Request",
        required=True,
        default="access",
        tracking=True,
    )
    request_date = fields.Date(
        string="Received On",
        required=True,
        default=welfare_today,
    )
    description = fields.Text(
        string="What the Member Asks",
        help="For a correction: which data is wrong and what it should be.",
    )
    state = fields.Selection(
        STATES,
        default="received",
    )
    done_date = fields.Date(
        string="Answered On",
        readonly=True,
        copy=False,
    )
    handled_by_id = fields.Many2one(
        "res.users",
        string="Answered By",
        readonly=True,
        copy=False,
    )
    refuse_reason = fields.Text(
        string="Reason for Refusal",
        copy=False,
        tracking=True,
    )
    export_file = fields.Binary(
        string="Member's Data",
        attachment=True,
        readonly=True,
        copy=False,
    )
    export_filename = fields.Char(
        readonly=True,
        copy=False,
    )

    @api.depends("member_id", "kind")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for request in self:
            request.display_name = "{} – {}".format(
                labels.get(request.kind, ""), request.member_id.display_name or ""
            )

    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | {
            "export_file",
            "export_filename",
        }

    def _workflow_guarded_fields(self, vals):
        guarded = super()._workflow_guarded_fields(vals)
        if any(request.state != "received" for request in self):
            # an answered request is a record of the answer
            guarded |= set(vals)
        return guarded

    def _workflow_unlink_guarded(self):
        # the requests and their answers are evidence for the regulator
        return self

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_received(self, kinds=None):
        self.check_access("write")
        wrong = self.filtered(
            lambda r: r.state != "received" or (kinds and r.kind not in kinds)
        )
        if wrong:
            raise UserError(
                self.env._(
                    "This cannot be done for %(requests)s in their present state.",
                    requests=", ".join(wrong.mapped("display_name")),
                )
            )

    def action_export(self):
        """Right of access: the member's data in one JSON file."""
        self._check_received(("access",))
        for request in self:
            member = request.member_id
            if member not in member._welfare_staff_members():
                raise AccessError(
                    self.env._(
                        "Only the officers of %(fund)s give its members their data.",
                        fund=member.fund_id.display_name,
                    )
                )
            data = member._welfare_personal_data()
            content = json.dumps(data, ensure_ascii=False, indent=2, default=str)
            request._request_decide(
                "done",
                export_file=base64.b64encode(content.encode()),
                export_filename=f"{member.member_number or member.id}-data.json",
            )
            self.env["welfare.access.log"]._log(
                "export",
                [(member.id, member.company_id.id, self._name, request.id, None)],
            )
        return True

    def action_done(self):
        """Rectification: the officer corrected the member's data."""
        self._check_received(("rectification",))
        self._request_decide("done")
        return True

    def action_erase(self):
        """Erasure of a former member's data, by the committee."""
        self._check_received(("erasure",))
        if not self.env.user.has_group("welfare_base.group_welfare_committee"):
            raise AccessError(
                self.env._("Only the fund committee erases a member's data.")
            )
        members = self.member_id
        if members._welfare_committee_members() != members:
            raise AccessError(
                self.env._("Only the committee of the member's fund erases their data.")
            )
        members._welfare_erase()
        self._request_decide("done")
        return True

    def action_refuse(self):
        self._check_received()
        if any(not (request.refuse_reason or "").strip() for request in self):
            raise UserError(self.env._("Give the reason for refusing the request."))
        self._request_decide("refused")
        return True
