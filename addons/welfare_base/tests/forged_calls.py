"""Forged create(), write() and unlink(), made as each role the way RPC makes them.

The integrity tests of each addon describe their attacks as tables; this mixin
runs them. A test class using it provides:

- ``users``: ``{role: res.users}``;
- ``_as(records, role)``: the records as that user, with the web client's
  companies;
- ``_make(key)``: a record made by its workflow, for a key of the tables;
- ``_resolve(vals)``: the forged values, names of records replaced by ids;
- a method per factory named in the create cases, returning the honest values
  of a new record, which the forged ones complete.
"""

from odoo.exceptions import UserError


def raw(value):
    """A field's value as written: ids for records."""
    return value.ids if hasattr(value, "_name") else value


class ForgedCallsMixin:
    # AccessError and ValidationError are UserErrors: any refusal
    refused = UserError

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
