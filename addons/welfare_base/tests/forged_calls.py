"""Forged create(), write() and unlink(), made as each role the way RPC makes them.

The integrity tests of each addon describe their attacks as tables; this mixin
runs them. A test class using it provides:

- ``users``: ``{role: res.users}`` (``role_users()`` makes them);
- ``_make(key)``: a record made by its workflow, for a key of the tables;
- ``_resolve(vals)``: the forged values, names of records replaced by ids;
- a method per factory named in the create cases, returning the honest values
  of a new record, which the forged ones complete.
"""

from odoo.exceptions import UserError
from odoo.tests import new_test_user


def raw(value):
    """A field's value as written: ids for records."""
    return value.ids if hasattr(value, "_name") else value


def role_users(env, company, roles, prefix):
    """``{role: user}`` for each (role, group) whose group is installed, each user
    working in ``company`` only."""
    users = {}
    for role, group in roles:
        if env.ref(group, raise_if_not_found=False):
            users[role] = new_test_user(
                env,
                login=f"{prefix}_{role}",
                groups=group,
                company_id=company.id,
                company_ids=[company.id],
            )
    return users


class ForgedCallsMixin:
    # AccessError and ValidationError are UserErrors: any refusal
    refused = UserError

    def _as(self, records, role):
        """The records as that role's user, with the web client's companies."""
        user = self.users[role]
        return records.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def _snapshot(self, record, names):
        record.invalidate_recordset()
        return {name: raw(record.sudo()[name]) for name in names}

    def assert_forged_writes_refused(self, cases):
        """``cases``: (record key, forged values[, roles allowed to write them])."""
        for key, forged, *allowed in cases:
            record = self._make(key)
            vals = self._resolve(forged)
            before = self._snapshot(record, vals)
            for role in set(self.users) - set(allowed and allowed[0]):
                with self.subTest(record=key, vals=forged, role=role):
                    with self.assertRaises(self.refused):
                        self._as(record, role).write(vals)
                    self.assertEqual(self._snapshot(record, vals), before)

    def assert_forged_creates_refused(self, cases):
        """``cases``: (model, factory of honest values, forged values)."""
        for model, factory, forged in cases:
            for role in self.users:
                with self.subTest(model=model, vals=forged, role=role):
                    honest = getattr(self, factory)()
                    vals = dict(honest, **self._resolve(forged))
                    Model = self.env[model].sudo().with_context(active_test=False)
                    count = Model.search_count([])
                    with self.assertRaises(self.refused):
                        self._as(self.env[model], role).create(vals)
                    self.assertEqual(Model.search_count([]), count)

    def assert_never_deleted(self, keys):
        """``keys``: records that no role may delete by hand."""
        for key in keys:
            record = self._make(key)
            for role in self.users:
                with self.subTest(record=key, role=role):
                    with self.assertRaises(self.refused):
                        self._as(record, role).unlink()
                    self.assertTrue(record.exists())
