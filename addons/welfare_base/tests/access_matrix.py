"""A table-driven access matrix for the suite's models.

The table is the specification: for every model, every role and both sides of
a fund boundary it says which of read (r), write (w), create (c) and unlink
(u) a user may do::

    MATRIX = {
        "welfare.member": {
            "officer": {"own": "rwc", "other": ""},
            "network": {"own": "r", "other": ""},
        },
    }

A role missing from a model's entry may do nothing on either side. ``own`` is
a fund of the user's companies, ``other`` a fund outside them.

A test class mixes :class:`AccessMatrixMixin` into a ``TransactionCase``,
defines ``MATRIX`` and the record factories, and calls
``self._check_access_matrix(model)`` from one test per model. Every cell is
checked with the user's own environment: a denied cell must raise
``AccessError`` (and change nothing), an allowed cell must work.
"""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user

#: role -> groups of the test user made for it
ROLE_GROUPS = {
    "officer": "welfare_base.group_welfare_officer",
    "committee": "welfare_base.group_welfare_committee",
    "network": "welfare_base.group_welfare_network",
    "manager": "welfare_base.group_welfare_manager",
    "accountant": "account.group_account_user",
    "portal": "base.group_portal",
    "public": "base.group_public",
    "internal": "base.group_user",
}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


class AccessMatrixMixin:
    """Mixin for ``TransactionCase``: check one model's row of the matrix.

    Subclasses define:

    - ``MATRIX``: the table (see the module docstring);
    - ``_matrix_funds()`` (classmethod): ``(own_fund, other_fund)``;
    - ``_matrix_record(model, fund)``: a new record of ``model`` in ``fund``,
      made as the superuser, on which a write and an unlink are allowed by
      the business rules (e.g. a draft);
    - ``_matrix_create_vals(model, fund)``: values to create one more;
    - ``_matrix_write_vals(model, role)``: a harmless change the role's
      business may write (the network, e.g., writes a fund's certification);
    - optionally ``MATRIX_READ_FIELDS = {model: [fields]}`` (default
      ``display_name``).
    """

    MATRIX = {}
    MATRIX_READ_FIELDS = {}
    #: {model: letters} operations not checked for a model (e.g. funds are
    #: created with their own company, which a test user never belongs to)
    MATRIX_SKIP = {}

    @classmethod
    def _setup_matrix_users(cls):
        """One user per role, working in the own fund's company."""
        own, _other = cls._matrix_funds()
        company = own.company_id
        cls.matrix_users = {}
        for role, groups in ROLE_GROUPS.items():
            if groups.startswith("account.") and not cls.env.ref(
                groups, raise_if_not_found=False
            ):
                continue
            cls.matrix_users[role] = new_test_user(
                cls.env,
                login=f"matrix_{role}_{own.id}",
                groups=groups,
                company_id=company.id,
                company_ids=[company.id],
            )

    def _matrix_env_model(self, model, role):
        user = self.matrix_users[role]
        return (
            self.env[model]
            .with_user(user)
            .with_context(allowed_company_ids=user.company_ids.ids)
        )

    def _matrix_roles(self):
        return list(self.matrix_users)

    def _expected(self, model, role, side):
        return self.MATRIX.get(model, {}).get(role, {}).get(side, "")

    # ------------------------------------------------------------------
    # One cell
    # ------------------------------------------------------------------
    def _do(self, model, role, op, fund):
        Model = self._matrix_env_model(model, role)
        if op == "read":
            record = self._matrix_record(model, fund)
            fnames = self.MATRIX_READ_FIELDS.get(model, ["display_name"])
            result = Model.browse(record.id).read(fnames)
            self.assertEqual(result[0]["id"], record.id)
            found = Model.search([("id", "=", record.id)])
            self.assertEqual(found.id, record.id, "readable but not found")
        elif op == "write":
            record = self._matrix_record(model, fund)
            vals = self._matrix_write_vals(model, role)
            Model.browse(record.id).write(vals)
            record.invalidate_recordset()
            for fname, value in vals.items():
                if not isinstance(value, (list, tuple)):
                    self.assertEqual(
                        record[fname].id
                        if hasattr(record[fname], "_name")
                        else record[fname],
                        value,
                    )
        elif op == "create":
            vals = self._matrix_create_vals(model, fund)
            created = Model.create(vals)
            self.assertTrue(created.sudo().exists())
        elif op == "unlink":
            record = self._matrix_record(model, fund)
            Model.browse(record.id).unlink()
            self.assertFalse(record.exists())

    def _count(self, model):
        return self.env[model].sudo().with_context(active_test=False).search_count([])

    def _check_cell(self, model, role, op, side, allowed):
        own, other = self._matrix_funds()
        fund = own if side == "own" else other
        label = f"{model} / {role} / {op} / {side}"
        expected = "allowed" if allowed else "denied"
        with self.subTest(cell=label, expected=expected), self.env.cr.savepoint():
            if allowed:
                self._do(model, role, op, fund)
                return
            if op == "create":
                before = self._count(model)
                with self.assertRaises(AccessError, msg=label):
                    self._do(model, role, op, fund)
                self.env.invalidate_all()
                self.assertEqual(self._count(model), before, f"{label}: half-written")
            else:
                with self.assertRaises(AccessError, msg=label):
                    self._do(model, role, op, fund)

    def _check_access_matrix(self, model):
        """Assert every cell of ``model``'s row of the table."""
        for role in self._matrix_roles():
            for side in ("own", "other"):
                letters = self._expected(model, role, side)
                unknown = set(letters) - set(OPERATIONS)
                self.assertFalse(unknown, f"bad letters in the table for {model}")
                for letter, op in OPERATIONS.items():
                    if letter in self.MATRIX_SKIP.get(model, ""):
                        continue
                    self._check_cell(model, role, op, side, letter in letters)
