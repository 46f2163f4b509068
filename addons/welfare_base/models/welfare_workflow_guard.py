"""Workflow-only fields: decisions and money move only through their workflow.

A claim's state, a payment's receipt number, a member's paid-until date and
every other field that records a decision or a movement of money is written
by the model's own workflow methods (``action_approve``, ``action_confirm``,
the payment wizard...), which check who decides and what must hold first.
``create()`` and ``write()`` are what the web client and any RPC client call
with values of their choosing: this mixin makes them refuse those fields, as
Odoo's ``account.move`` refuses to edit a posted entry.

How a workflow method opens the guard
-------------------------------------
A workflow method writes through ``records._workflow_write(vals)`` (or creates
through ``Model._workflow_create(vals_list)``). These put in the context a
``_WorkflowPass``, an instance of a private Python class, naming the models it
opens. The guard checks for that *object*, not for a value: an RPC caller can
send any context it likes, but only as JSON (strings, numbers, lists,
dictionaries), never as an instance of this class, and it cannot call the
``_workflow_*`` methods, which are private (Odoo refuses remote calls of
methods whose name starts with an underscore). ``sudo()`` does not open the
guard: a workflow opens it by name, on purpose.

What each model declares
------------------------
- ``_get_workflow_fields()``: the fields written only inside the workflow
  (modules that add such fields extend it).
- ``_workflow_initial``: ``{field: values}`` that ``create()`` accepts for
  fields the workflow moves later, e.g. ``{"state": ("draft",)}``.
- ``_get_workflow_group_fields()``: ``{field: group xml ids}`` written only
  by users of those groups (e.g. a fund's code, by administrators).
- ``_workflow_guarded_fields(vals)``: a hook for fields frozen by the state of
  the record (e.g. the payees of an approved claim), extended by the model.
- ``_workflow_unlink_guarded()``: the records only a workflow may delete
  (models whose records are made by a workflow alone).
"""

from odoo import api, models
from odoo.exceptions import UserError

CONTEXT_KEY = "welfare_workflow_pass"


class _WorkflowPass:
    """Held in the context by ``_workflow_write``/``_workflow_create`` only.

    Not JSON: no RPC call can put one in a context.
    """

    __slots__ = ("models",)

    def __init__(self, model_names):
        self.models = frozenset(model_names)

    def __eq__(self, other):
        # equal passes give equal contexts: Odoo then reuses the environment
        return isinstance(other, _WorkflowPass) and other.models == self.models

    def __hash__(self):
        return hash(self.models)

    def __repr__(self):
        return f"<workflow pass {sorted(self.models)}>"


class WelfareWorkflowGuardMixin(models.AbstractModel):
    _name = "welfare.workflow.guard.mixin"
    _description = "Fields changed only by a workflow"

    _workflow_initial = {}

    # ------------------------------------------------------------------
    # Opening the guard (server-side workflow code only)
    # ------------------------------------------------------------------
    def _workflow_open(self):
        """These records, in an environment where the guard of their model is open."""
        current = self.env.context.get(CONTEXT_KEY)
        names = {self._name}
        if isinstance(current, _WorkflowPass):
            names |= current.models
        return self.with_context(**{CONTEXT_KEY: _WorkflowPass(names)})

    def _in_workflow(self):
        current = self.env.context.get(CONTEXT_KEY)
        return isinstance(current, _WorkflowPass) and self._name in current.models

    def _workflow_write(self, vals):
        """``write()`` of a workflow method: may set workflow-only fields."""
        return self._workflow_open().write(vals)

    @api.model
    def _workflow_create(self, vals_list):
        """``create()`` of a workflow (an import, a decision that makes records).

        The new records are returned in the caller's environment: the guard
        is open for this creation only, not for what is done with them next.
        """
        return self._workflow_open().create(vals_list).with_env(self.env)

    # ------------------------------------------------------------------
    # What is refused
    # ------------------------------------------------------------------
    @api.model
    def _get_workflow_fields(self):
        """Names of the fields written only by the model's workflow methods."""
        return set(self._workflow_initial)

    @api.model
    def _get_workflow_group_fields(self):
        """{field name: group xml ids whose users alone may write it}."""
        return {}

    def _workflow_guarded_fields(self, vals):
        """The fields of ``vals`` that only the workflow may write on ``self``."""
        return set(vals) & self._get_workflow_fields()

    @api.model
    def _workflow_refused_create_fields(self, vals):
        """The fields of ``vals`` that ``create()`` refuses outside a workflow."""
        workflow_fields = self._get_workflow_fields()
        refused = set()
        for name, value in vals.items():
            if name in self._workflow_initial:
                if value not in self._workflow_initial[name]:
                    refused.add(name)
            elif name in workflow_fields and value:
                refused.add(name)
        return refused

    def _workflow_refused_group_fields(self, vals):
        """The fields of ``vals`` reserved to groups the user is not in."""
        if self.env.su:
            return set()
        user = self.env.user
        reserved = self._get_workflow_group_fields()
        return {
            name
            for name in vals
            if name in reserved
            and not any(user.has_group(group) for group in reserved[name])
        }

    def _field_labels(self, names):
        return ", ".join(
            sorted(self._fields[name]._description_string(self.env) for name in names)
        )

    def _raise_workflow_only(self, names):
        raise UserError(
            self.env._(
                "%(fields)s of %(model)s change only through the buttons of its "
                "workflow (approve, pay, confirm, cancel...), never by editing "
                "the record. Nothing was saved.",
                fields=self._field_labels(names),
                model=self._description_for_user(),
            )
        )

    def _raise_group_only(self, names):
        reserved = self._get_workflow_group_fields()
        groups = {group for name in names for group in reserved[name]}
        # sudo: only the names of the groups are read, for the message
        labels = sorted(self.env.ref(xmlid).sudo().name for xmlid in groups)
        raise UserError(
            self.env._(
                "You may not change %(fields)s of %(model)s: only %(groups)s may. "
                "Nothing was saved.",
                fields=self._field_labels(names),
                model=self._description_for_user(),
                groups=", ".join(labels),
            )
        )

    def _workflow_unlink_guarded(self):
        """The records of ``self`` that only the workflow may delete."""
        return self.browse()

    @api.model
    def _description_for_user(self):
        # sudo: only the model's name, in the user's language, for the message
        return self.env["ir.model"].sudo()._get(self._name).name or self._description

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_workflow():
            refused = set()
            for vals in vals_list:
                refused |= self._workflow_refused_create_fields(vals)
            if refused:
                # who may not create these records at all is told so first
                self.check_access("create")
                self._raise_workflow_only(refused)
        group_refused = set()
        for vals in vals_list:
            group_refused |= self._workflow_refused_group_fields(
                {name: value for name, value in vals.items() if value}
            )
        if group_refused:
            self.check_access("create")
            self._raise_group_only(group_refused)
        return super().create(vals_list)

    def write(self, vals):
        if not self._in_workflow():
            guarded = self._workflow_guarded_fields(vals)
            if guarded:
                self.check_access("write")
                self._raise_workflow_only(guarded)
        group_refused = self._workflow_refused_group_fields(vals)
        if group_refused:
            self.check_access("write")
            self._raise_group_only(group_refused)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_workflow(self):
        if not self._in_workflow() and self._workflow_unlink_guarded():
            self.check_access("unlink")
            raise UserError(
                self.env._(
                    "%(model)s records are made and removed by their workflow "
                    "only, never deleted by hand. Nothing was deleted.",
                    model=self._description_for_user(),
                )
            )
