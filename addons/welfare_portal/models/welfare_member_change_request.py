from odoo import api, fields, models

STATES = [
    ("submitted", "Submitted"),
    ("done", "Done"),
    ("refused", "Refused"),
]


class WelfareMemberChangeRequest(models.Model):
    """A member's request to change their beneficiaries or other details.

    Sent from the member portal: the member's records are read-only there.
    The fund's officer makes the change on the member's form, then marks the
    request done, or refuses it with a reason; the member sees the answer on
    the portal.
    """

    _name = "welfare.member.change.request"
    _description = "Member Change Request"
    _inherit = [
        "welfare.request.mixin",
        "welfare.fund.owned.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _workflow_initial = {"state": ("submitted",)}

    member_id = fields.Many2one(
        "welfare.member",
        string="Member",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        readonly=True,
    )
    fund_id = fields.Many2one(
        compute="_compute_fund_id",
        store=True,
        precompute=True,
    )
    subject = fields.Selection(
        [
            ("beneficiaries", "Beneficiaries"),
            ("dependants", "Dependants"),
            ("contact", "Address or Phone"),
            ("other", "Other"),
        ],
        required=True,
        default="beneficiaries",
    )
    details = fields.Text(
        required=True,
        help="The change the member asks for, in their words.",
    )
    state = fields.Selection(
        STATES,
        string="Status",
        default="submitted",
    )
    decided_by_id = fields.Many2one(
        "res.users",
        string="Decided By",
        readonly=True,
        copy=False,
    )
    decided_date = fields.Date(
        string="Decision Date",
        readonly=True,
        copy=False,
    )
    refuse_reason = fields.Text(
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.depends("member_id")
    def _compute_fund_id(self):
        for request in self:
            request.fund_id = request.member_id.fund_id

    @api.model
    def _get_workflow_fields(self):
        return super()._get_workflow_fields() | {
            "refuse_reason",
            "member_id",
            "fund_id",
        }

    def _workflow_refused_create_fields(self, vals):
        # member and fund are set on creation; afterwards they never move
        return super()._workflow_refused_create_fields(vals) - {"member_id", "fund_id"}

    def _workflow_unlink_guarded(self):
        return self

    def _compute_display_name(self):
        labels = dict(self._fields["subject"]._description_selection(self.env))
        for request in self:
            request.display_name = self.env._(
                "%(subject)s: %(member)s",
                subject=labels.get(request.subject, ""),
                member=request.member_id.display_name or "",
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_open(self):
        self._request_check_open(
            lambda names: self.env._(
                "%(requests)s is already answered.", requests=names
            )
        )

    def action_done(self):
        """The officer made the change on the member's form."""
        self.check_access("write")
        self._check_open()
        self._request_decide("done")
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_refuse(self, reason):
        """The officer refuses the change, saying why."""
        self.check_access("write")
        self._check_open()
        self._request_decide(
            "refused", refuse_reason=self._request_check_reason(reason)
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_open_refuse_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse Request"),
            "res_model": "welfare.member.change.request.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }


class WelfareMemberChangeRequestRefuse(models.TransientModel):
    _name = "welfare.member.change.request.refuse"
    _description = "Refuse a Member's Change Request"

    request_id = fields.Many2one(
        "welfare.member.change.request",
        required=True,
        ondelete="cascade",
    )
    reason = fields.Text(
        required=True,
    )

    def action_confirm(self):
        self.request_id.action_refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
