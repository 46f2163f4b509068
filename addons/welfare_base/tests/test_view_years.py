import re

from odoo.tests import TransactionCase, tagged

# integer fields holding a calendar year (2026, 2569), not a number of years
YEAR_FIELD = re.compile(r"^(fiscal_)?year(_be)?$")


@tagged("post_install", "-at_install")
class TestYearsPrintWithoutSeparator(TransactionCase):
    """Years read "2569" on every screen of the suite, never "2,569"."""

    def _year_fields_with_separator(self, node, model, view):
        found = []
        for child in node.iterchildren("*"):
            sub_model = model
            if child.tag == "field":
                field = model._fields.get(child.get("name"))
                if field is not None and field.relational:
                    sub_model = self.env[field.comodel_name]
                if (
                    field is not None
                    and field.type == "integer"
                    and YEAR_FIELD.search(field.name)
                    and "'enable_formatting': false" not in (child.get("options") or "")
                ):
                    found.append(
                        f"{view.xml_id or view.name}: {model._name}.{field.name}"
                    )
            found += self._year_fields_with_separator(child, sub_model, view)
        return found

    def test_year_fields_of_lists_and_forms_are_not_grouped_in_thousands(self):
        views = self.env["ir.ui.view"].search(
            [
                ("model", "=like", "welfare.%"),
                ("type", "in", ("list", "form", "kanban")),
                ("mode", "=", "primary"),
            ]
        )
        self.assertTrue(views)
        offenders = []
        for view in views:
            model = self.env[view.model]
            arch, _view = model._get_view(view.id, view.type)
            offenders += self._year_fields_with_separator(arch, model, view)
        self.assertFalse(offenders, "years shown as 2,569 instead of 2569")
