"""Requests and decisions taken once: open, then decided by someone on a day.

An arrears waiver, a member's consent, a personal data request and a change
request from the portal share one shape: a ``state`` that starts open and
moves once, by a workflow method, to a decided state; who decided and on
which day are recorded with it, and are never written by hand (they are
workflow fields, see ``welfare_workflow_guard.py``). Each model keeps its
own states, labels and field names, and declares them here:

- ``_workflow_initial``: ``{"state": (the open states,)}``, the states in
  which the request is created and still waits;
- ``_request_decided_by_field``, ``_request_decided_date_field``: the fields
  that record the decider and the day (e.g. ``approved_by_id`` and
  ``approved_date`` on a waiver).

The model's actions then read ``self._request_check_open(message)`` and
``self._request_decide(state, **values)``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .welfare_date import welfare_today


class WelfareRequestMixin(models.AbstractModel):
    _name = "welfare.request.mixin"
    _inherit = ["welfare.workflow.guard.mixin"]
    _description = "Request Decided Once"

    _request_decided_by_field = "decided_by_id"
    _request_decided_date_field = "decided_date"

    # the states, default and label are the model's own (its list of states
    # replaces the empty one of the mixin)
    state = fields.Selection(
        selection="_request_states",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )

    @api.model
    def _request_states(self):
        return []

    @api.model
    def _get_workflow_fields(self):
        """Who decided and when: recorded by the decision only."""
        return super()._get_workflow_fields() | {
            self._request_decided_by_field,
            self._request_decided_date_field,
        }

    def _request_check_open(self, message):
        """Refuse to decide requests no longer open.

        ``message(names)`` is the model's translated refusal, given the names
        of the requests already decided.
        """
        open_states = self._workflow_initial.get("state", ())
        closed = self.filtered(lambda r: r.state not in open_states)
        if closed:
            raise UserError(message(", ".join(closed.mapped("display_name"))))

    @api.model
    def _request_check_reason(self, reason):
        """The reason given for a refusal, stripped; refused when empty."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for refusing the request."))
        return reason

    def _request_decide(self, state, **values):
        """Move the requests to ``state``, decided by the user today."""
        return self._workflow_write(
            {
                "state": state,
                self._request_decided_by_field: self.env.user.id,
                self._request_decided_date_field: welfare_today(self),
                **values,
            }
        )
