import check_static as cs
import pytest

ACCESS_HEADER = (
    "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n"
)
MODEL = """
from odoo import models


class Fund(models.Model):
    _name = "welfare.fund"
    _description = "Fund"
"""


def access_csv(*models):
    rows = "".join(f"access_{m},{m},{m},base.group_user,1,1,1,1\n" for m in models)
    return ACCESS_HEADER + rows


# ------------------------------------------------------------------- manifest


def test_manifest_that_is_complete_passes(make_addon):
    addon = make_addon(
        "welfare_x",
        files={"views/x_views.xml": "<odoo/>", "demo/x_demo.xml": "<odoo/>"},
        data=["views/x_views.xml"],
        demo=["demo/x_demo.xml"],
    )
    assert cs.check_manifest(addon) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("version", "17.0.1.0.0", "is not 18.0.x.y.z"),
        ("version", "18.0.1.0", "is not 18.0.x.y.z"),
        ("license", "GPL-3", "license 'GPL-3'"),
        ("author", "", "no author"),
        ("depends", [], "'depends' must be a non-empty list"),
    ],
)
def test_manifest_bad_values_are_reported(make_addon, field, value, message):
    manifest = {
        "name": "X",
        "version": "18.0.1.0.0",
        "license": "LGPL-3",
        "author": "A",
        "depends": ["base"],
    }
    manifest[field] = value
    addon = make_addon("welfare_x", manifest=repr(manifest))
    errors = cs.check_manifest(addon)
    assert len(errors) == 1 and message in errors[0]


def test_manifest_listing_a_missing_file_is_reported(make_addon):
    addon = make_addon("welfare_x", data=["views/missing.xml"])
    assert "views/missing.xml does not exist" in cs.check_manifest(addon)[0]


def test_unlisted_data_file_is_reported(make_addon):
    addon = make_addon("welfare_x", files={"security/ir.model.access.csv": "id\n"})
    errors = cs.check_manifest(addon)
    assert errors and "security/ir.model.access.csv is not listed" in errors[0]


def test_files_outside_listed_folders_are_ignored(make_addon):
    addon = make_addon("welfare_x", files={"static/src/x.xml": "<templates/>"})
    assert cs.check_manifest(addon) == []


def test_chart_template_csv_files_need_no_listing(make_addon):
    addon = make_addon(
        "welfare_x", files={"data/template/account.account-x.csv": "id\n"}
    )
    assert cs.check_manifest(addon) == []


def test_manifest_that_is_not_a_literal_is_reported(make_addon):
    addon = make_addon("welfare_x", manifest="dict(name=1)")
    assert "not a Python literal" in cs.check_manifest(addon)[0]


# ------------------------------------------------------------------------ xml


def test_malformed_xml_is_reported(make_addon):
    addon = make_addon("welfare_x", files={"views/x.xml": "<odoo><record></odoo>"})
    errors = cs.check_xml(addon)
    assert len(errors) == 1 and "not well-formed" in errors[0]


def test_duplicate_record_id_is_reported(make_addon):
    record = '<record id="%s" model="res.partner"><field name="name">A</field></record>'
    addon = make_addon(
        "welfare_x",
        files={
            "data/a.xml": "<odoo>%s</odoo>" % (record % "partner_a"),
            "data/b.xml": "<odoo>%s</odoo>" % (record % "welfare_x.partner_a"),
        },
    )
    errors = cs.check_xml(addon)
    assert len(errors) == 1 and "duplicate-xml-record-id 'partner_a'" in errors[0]


def _inherited_view(priority=None):
    field = f'<field name="priority">{priority}</field>' if priority else ""
    return (
        '<odoo><record id="view_x" model="ir.ui.view">'
        '<field name="inherit_id" ref="base.view_partner_form"/>'
        f"{field}"
        '<field name="arch" type="xml"><field name="name" position="replace"/></field>'
        "</record></odoo>"
    )


def test_view_replacing_without_priority_is_reported(make_addon):
    addon = make_addon("welfare_x", files={"views/x.xml": _inherited_view()})
    errors = cs.check_xml(addon)
    assert len(errors) == 1 and "dangerous-view-replace-wo-priority" in errors[0]


def test_view_replacing_with_high_priority_passes(make_addon):
    addon = make_addon("welfare_x", files={"views/x.xml": _inherited_view(100)})
    assert cs.check_xml(addon) == []


# --------------------------------------------------------------------- access


def test_model_without_access_line_is_reported(make_addon):
    make_addon("welfare_x", files={"models/fund.py": MODEL})
    errors = cs.check_access(make_addon.root)
    assert len(errors) == 1 and "welfare.fund" in errors[0]
    assert "model_welfare_fund" in errors[0]


def test_model_with_access_line_passes(make_addon):
    make_addon(
        "welfare_x",
        files={
            "models/fund.py": MODEL,
            "security/ir.model.access.csv": access_csv("model_welfare_fund"),
        },
    )
    assert cs.check_access(make_addon.root) == []


def test_access_line_in_a_dependency_counts(make_addon):
    make_addon(
        "welfare_a",
        files={
            "security/ir.model.access.csv": access_csv("welfare_b.model_welfare_fund")
        },
    )
    make_addon("welfare_b", files={"models/fund.py": MODEL}, depends=["welfare_a"])
    assert cs.check_access(make_addon.root) == []


def test_access_line_in_a_dependent_addon_does_not_count(make_addon):
    make_addon("welfare_a", files={"models/fund.py": MODEL})
    make_addon(
        "welfare_b",
        files={"security/ir.model.access.csv": access_csv("model_welfare_fund")},
        depends=["welfare_a"],
    )
    assert len(cs.check_access(make_addon.root)) == 1


@pytest.mark.parametrize(
    "source",
    [
        'class A(models.AbstractModel):\n    _name = "welfare.mixin"\n',
        'class A(models.Model):\n    _name = "welfare.report"\n    _auto = False\n',
        'class A(models.Model):\n    _name = "res.partner"\n'
        '    _inherit = "res.partner"\n',
        'class A(models.Model):\n    _inherit = "res.partner"\n',
    ],
    ids=["abstract", "sql-view", "same-name-inherit", "inherit-only"],
)
def test_models_needing_no_access_are_skipped(make_addon, source):
    addon = make_addon("welfare_x", files={"models/a.py": source})
    assert cs.declared_models(addon) == []


def test_transient_models_need_access(make_addon):
    source = 'class W(models.TransientModel):\n    _name = "welfare.wizard"\n'
    addon = make_addon("welfare_x", files={"wizards/w.py": source})
    assert [m for m, _f, _l in cs.declared_models(addon)] == ["welfare.wizard"]


def test_models_in_tests_are_skipped(make_addon):
    addon = make_addon("welfare_x", files={"tests/test_a.py": MODEL})
    assert cs.declared_models(addon) == []


# ----------------------------------------------------------------------- i18n

POT = """# header
msgid ""
msgstr ""
"Project-Id-Version: Odoo Server 18.0\\n"

#. module: welfare_x
msgid "Fund"
msgstr ""

#. module: welfare_x
msgid ""
"A long "
"message"
msgstr ""
"""


def test_parse_po_joins_multi_line_strings():
    entries = cs.parse_po(POT)
    assert [e["msgid"] for e in entries] == ["", "Fund", "A long message"]
    assert entries[0]["msgstr"] == "Project-Id-Version: Odoo Server 18.0\n"


def test_parse_po_reads_flags_context_plurals_and_obsolete_entries():
    text = (
        '#, fuzzy, python-format\nmsgctxt "ctx"\nmsgid "One"\nmsgstr "หนึ่ง"\n\n'
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d ไฟล์"\n\n'
        '#~ msgid "Old"\n#~ msgstr "เก่า"\n'
    )
    one, plural, old = cs.parse_po(text)
    assert (one["msgctxt"], one["fuzzy"], one["msgstr"]) == ("ctx", True, "หนึ่ง")
    assert (plural["msgid_plural"], plural["msgstr"]) == ("%d files", "%d ไฟล์")
    assert old["obsolete"] and old["msgid"] == "Old"


def test_parse_po_rejects_garbage():
    with pytest.raises(cs.PoError):
        cs.parse_po('msgid "a"\nthis is not po\n')


def _i18n_addon(make_addon, po):
    return make_addon("welfare_x", files={"i18n/welfare_x.pot": POT, "i18n/th.po": po})


def test_complete_thai_translation_passes(make_addon):
    po = POT.replace('msgid "Fund"\nmsgstr ""', 'msgid "Fund"\nmsgstr "กองทุน"')
    po = po.replace('"message"\nmsgstr ""', '"message"\nmsgstr "ข้อความยาว"')
    assert cs.check_i18n(_i18n_addon(make_addon, po)) == []


def test_missing_translation_is_reported(make_addon):
    po = POT.replace('msgid "Fund"\nmsgstr ""', 'msgid "Fund"\nmsgstr "กองทุน"')
    po = po.replace('msgid ""\n"A long "\n"message"\nmsgstr ""\n', "")
    errors = cs.check_i18n(_i18n_addon(make_addon, po))
    assert len(errors) == 1 and "'A long message' of the .pot is missing" in errors[0]


def test_empty_translations_are_reported(make_addon):
    errors = cs.check_i18n(_i18n_addon(make_addon, POT))
    assert len(errors) == 2 and all("empty msgstr" in e for e in errors)


def test_missing_po_files_are_reported(make_addon):
    addon = make_addon("welfare_x")
    errors = cs.check_i18n(addon)
    assert len(errors) == 2
    assert "i18n/th.po" in errors[0] and "i18n/welfare_x.pot" in errors[1]


# ----------------------------------------------------------------------- main


def test_main_reports_failures_and_exit_status(make_addon, capsys):
    make_addon("welfare_x", files={"models/fund.py": MODEL})
    repo = make_addon.root.parent
    status = cs.main(["--repo", str(repo), "--only", "access,manifest"])
    out = capsys.readouterr().out
    assert status == 1
    assert "[access]" in out and "--- manifest: ok" in out


def test_main_rejects_unknown_check():
    with pytest.raises(SystemExit):
        cs.main(["--only", "spelling"])
