"""Set-based creation of many records at once, for the registry import.

``create()`` does per row what a batch of thousands of identical rows needs
once: defaults (``default_get`` for every row), precomputed values through a
new record per row, chatter bookkeeping (followers, tracking, creation note).
``bulk_insert`` takes the defaults once for the batch, converts each value as
the ORM does and writes one INSERT per thousand rows; it then settles the new
records as the ORM's own batch insert (``BaseModel._create``) does: the
records put in the cache, the stored computed fields marked and computed in
batch at the next flush, the Python constraints checked, access checked.
Measured on 100,000 rows (bench/README.md): 1,265 rows/s against 177 rows/s
through ``create()``.

What it skips is what overrides of ``create()`` add, so it is used only for
models whose ``create()`` is known: the suite's own models, and Odoo's
contacts and messages while only the modules listed in ``KNOWN_CREATE``
override their ``create()``. With any other module overriding them
``can_bulk_insert`` says no and the caller uses ``create()``.

It relies on these parts of Odoo 18 that are not public API, each listed in
``PRIVATE_API`` with the parameters it is called with: the columns
``LOG_ACCESS_COLUMNS``; ``Field.convert_to_column_insert``,
``Field.convert_to_cache`` and ``Field.get_depends``; the cache's
``Cache.update``; ``Environment.protecting``; ``BaseModel.modified`` (with
``create=True``), ``BaseModel._validate_fields`` and
``BaseModel._check_company``; the registry's ``field_computed`` and
``field_inverses``; the cursor's ``mogrify``. ``private_api_changes()``
compares them with what the running Odoo has: on any difference
``can_bulk_insert`` says no (the import goes through ``create()``, slower
but right) and the suite's test of this module fails, naming what changed.
"""

import functools
import inspect
import itertools

from psycopg2.extensions import AsIs

from odoo import api, fields, models
from odoo.modules.registry import Registry
from odoo.sql_db import Cursor
from odoo.tools import SQL, split_every

LOG_ACCESS_COLUMNS = ["create_uid", "create_date", "write_uid", "write_date"]
# (owner, attribute, the parameters this module passes, by name) of every
# private part of Odoo this module uses; see private_api_changes()
PRIVATE_API = (
    (fields.Field, "convert_to_column_insert", ("value", "record", "values")),
    (fields.Field, "convert_to_cache", ("value", "record")),
    (fields.Field, "get_depends", ("model",)),
    (api.Cache, "update", ("records", "field", "values")),
    (api.Environment, "protecting", ("what", "records")),
    (models.BaseModel, "modified", ("fnames", "create")),
    (models.BaseModel, "_validate_fields", ("field_names",)),
    (models.BaseModel, "_check_company", ()),
    (Registry, "field_computed", None),
    (Registry, "field_inverses", None),
    (Cursor, "mogrify", ("query", "params")),
)

# modules whose create() overrides of these models add nothing a plain row
# of the registry import needs (read in Odoo 18: base syncs commercial
# fields with a parent company, account sets customer/supplier ranks from
# the search context, mail handles followers, tracking and the creation
# note, all of which do not apply here or are done by the import itself)
KNOWN_CREATE = {
    "res.partner": {"base", "mail", "account"},
    "mail.message": {"mail"},
}
INSERT_ROWS = 1000
OWN_MODULES = {"welfare_base", "welfare_membership", "welfare_accounting"}


def create_overrides(model):
    """The modules whose classes override ``create()`` of ``model``."""
    return {
        cls._module
        for cls in type(model).mro()
        if "create" in vars(cls) and getattr(cls, "_module", None)
    }


@functools.cache
def private_api_changes():
    """What differs between ``PRIVATE_API`` and the running Odoo, as text.

    Empty when every private part this module uses is there and takes the
    parameters it is given; the values of ``LOG_ACCESS_COLUMNS`` are checked
    against the ORM's own list too.
    """
    changes = []
    if LOG_ACCESS_COLUMNS != list(models.LOG_ACCESS_COLUMNS):
        changes.append(f"odoo.models.LOG_ACCESS_COLUMNS is {models.LOG_ACCESS_COLUMNS}")
    for owner, name, params in PRIVATE_API:
        where = f"{owner.__module__}.{owner.__name__}.{name}"
        member = inspect.getattr_static(owner, name, None)
        if member is None:
            # the registry's collections are set on each registry (in its
            # init()), not on its class
            if params is None and any(
                name in vars(owner)[init].__code__.co_names
                for init in ("init", "__init__")
                if inspect.isfunction(vars(owner).get(init))
            ):
                continue
            changes.append(f"{where} is gone")
            continue
        if params is None:
            continue
        function = getattr(member, "__func__", member)
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):
            changes.append(f"{where} is no longer a function")
            continue
        missing = [p for p in params if p not in signature.parameters]
        if missing:
            changes.append(f"{where} no longer takes {', '.join(missing)}")
    return changes


def can_bulk_insert(model):
    """Whether ``bulk_insert`` makes the same rows as ``create()`` would."""
    if private_api_changes():
        return False
    known = KNOWN_CREATE.get(model._name, {"mail"}) | OWN_MODULES
    return create_overrides(model) <= known


def bulk_insert(model, vals_list, validate=True):
    """Create records from ``vals_list`` in one INSERT per thousand rows.

    Every dict holds stored column fields of ``model`` only (no inherited
    fields, no x2many commands); the fields no dict names get their
    defaults, read and converted once for the batch. Computed fields given
    a value keep it; the others are computed in batch at the next flush, as
    for ``create()``; the Python constraints of the given fields are
    checked, and access rights. Returns the new records, in the order of
    ``vals_list``.

    With ``validate=False`` the Python constraints are left to the caller,
    who checks them (``records._validate_fields(names)``) once the lines of
    the new records exist, as ``create()`` checks them after creating the
    lines its x2many commands give.
    """
    if not vals_list:
        return model.browse()
    model = model.browse()
    model.check_access("create")
    given = sorted(set().union(*vals_list))
    for name in given:
        field = model._fields.get(name)
        if field is None or not field.store or not field.column_type:
            raise ValueError(f"{model._name}.{name} is not a column to insert")
    # a field some rows name and others do not: the others get its default,
    # as create() gives it them
    partial = [name for name in given if any(name not in vals for vals in vals_list)]
    for name in partial:
        if model._fields[name].compute:
            raise ValueError(f"{model._name}.{name}: give it in every row or none")
    if partial:
        fill = model.default_get(partial)
        vals_list = [
            {**{n: fill.get(n) for n in partial if n not in vals}, **vals}
            for vals in vals_list
        ]
    missing = [
        name
        for name, field in model._fields.items()
        if field.store
        and field.column_type
        and name not in given
        and name not in LOG_ACCESS_COLUMNS
        and name != "id"
    ]
    for name in missing:
        field = model._fields[name]
        if field.precompute and field.required:
            raise ValueError(f"{model._name}.{name} must be given to insert")
    defaults = {
        name: value
        for name, value in model.default_get(missing).items()
        if name in model._fields and model._fields[name].column_type
    }
    # a value shared by every row (the fund, the status, a note's body...)
    # is converted once, like the defaults; the others row by row
    first = vals_list[0]
    shared = {
        name: first.get(name)
        for name in given
        if all(vals.get(name) == first.get(name) for vals in vals_list)
    }
    varying = [name for name in given if name not in shared]
    constant = {**defaults, **shared}
    if model._log_access:
        now = model.env.cr.now()
        constant.update(
            create_uid=model.env.uid,
            create_date=now,
            write_uid=model.env.uid,
            write_date=now,
        )
    # each value bound by psycopg2 (mogrify), the constant part once for
    # the batch: composing an SQL object per value costs more than the
    # INSERT itself
    cr = model.env.cr
    constant_sql = _mogrify(
        cr,
        ", ".join(["%s"] * len(constant)),
        [
            _bindable(
                cr, model._fields[name].convert_to_column_insert(v, model, constant)
            )
            for name, v in constant.items()
        ],
    )
    fields_varying = [model._fields[name] for name in varying]
    row_template = ", ".join(["%s"] * len(varying))
    model.flush_model()
    head = "INSERT INTO {} ({}) VALUES ".format(
        SQL.identifier(model._table).code,
        ", ".join(SQL.identifier(name).code for name in [*varying, *constant]),
    )
    ids = []
    for rows in split_every(INSERT_ROWS, vals_list):
        # each row's text bound as is: the driver fills the placeholders of
        # the statement only, so the data (which may hold "%") stays as typed
        row_texts = [
            "({})".format(
                ", ".join(
                    part
                    for part in (
                        _mogrify(
                            cr,
                            row_template,
                            [
                                _bindable(
                                    cr,
                                    field.convert_to_column_insert(
                                        vals.get(field.name), model, vals
                                    ),
                                )
                                for field in fields_varying
                            ],
                        ),
                        constant_sql,
                    )
                    if part
                )
            )
            for vals in rows
        ]
        cr.execute(
            SQL(
                head + ", ".join(["%s"] * len(row_texts)) + ' RETURNING "id"',
                *map(AsIs, row_texts),
            )
        )
        ids.extend(row[0] for row in cr.fetchall())
    records = model.browse(ids)
    _settle_new_records(records, given, defaults)
    if validate:
        records._validate_fields(given)
    records.check_access("create")
    if model._check_company_auto:
        records._check_company()
    return records


def _settle_new_records(records, given, defaults):
    """Cache and computation of freshly inserted records, as ``_create``."""
    model = records.browse()
    # as _create() does: new records have no lines in their x2many fields
    # and no value in their related fields without a column (nothing to read
    # back when they are used below); their stored fields are read from the
    # table when needed
    cache = records.env.cache
    for field in records._fields.values():
        if field.type in ("one2many", "many2many"):
            cache.update(records, field, itertools.repeat(()))
        elif field.related and not field.column_type:
            empty = field.convert_to_cache(None, model)
            cache.update(records, field, itertools.repeat(empty))
    # computed fields given a value keep it, as do editable computed fields
    # given a default (as create() protects them); the others are computed
    # at the next flush, as after create()
    protected = set()
    for name in [*given, *defaults]:
        field = records._fields[name]
        if field.compute and (name in given or not field.readonly or field.precompute):
            protected.update(records.pool.field_computed.get(field, [field]))
    # stored fields without a column (images kept as attachments) that
    # depend on nothing given stay empty: not computed one record at a time
    for field in records._fields.values():
        if field.store and field.compute and not field.column_type:
            depends, _context = field.get_depends(model)
            if not any(path.split(".")[0] in given for path in depends):
                protected.add(field)
                empty = field.convert_to_cache(None, model)
                cache.update(records, field, itertools.repeat(empty))
    with records.env.protecting(protected, records):
        records.modified(records._fields, create=True)
    # the lines of the records they point to are read again when next used
    # (create() adds the new records to those lines in the cache instead)
    for name in given:
        field = records._fields[name]
        if field.type in ("many2one", "many2one_reference"):
            for inverse in records.pool.field_inverses[field]:
                records.env[inverse.model_name].invalidate_model([inverse.name])


def _mogrify(cr, template, params):
    """The SQL text of ``template`` with ``params`` bound ("" for none)."""
    return cr.mogrify(template, params).decode() if template else ""


def _bindable(cr, value):
    """A converted column value as psycopg2 binds it (an SQL object inlined)."""
    if isinstance(value, SQL):
        return AsIs(cr.mogrify(value.code, value.params).decode())
    return value
