from odoo import api, fields, models

from odoo.addons.welfare_membership.lib import registry

#: the registry's column of the day the member consented in writing to the
#: fund keeping their disability data (PDPA section 26)
DISABILITY_CONSENT_COLUMN = (
    "disability_consent_date",
    "วันที่ยินยอมข้อมูลความพิการ",
    "Disability Consent Date",
    False,
)


class WelfareMemberImport(models.TransientModel):
    """The registry's disabled members come with their signed consent.

    A fund's paper registration form carries the member's consent to the
    fund keeping their disability data: the registry gives the day it was
    signed, and the import records the consent (a signed form, recorded by
    the importing officer) with the member. A disabled member without it is
    refused on their row, as any other wrong row.
    """

    _inherit = "welfare.member.import"

    @api.model
    def _registry_columns(self):
        return [*super()._registry_columns(), DISABILITY_CONSENT_COLUMN]

    def _clean_row(self, cells, today):
        values, problems = super()._clean_row(cells, today)
        key = DISABILITY_CONSENT_COLUMN[0]
        raw = cells.get(key)
        text = "" if raw is None else str(raw).strip()
        if text:
            try:
                date = registry.parse_date(raw)
            except ValueError:
                problems.append((key, "bad_date", {"value": text}))
            else:
                if date > today:
                    problems.append((key, "future_date", {"value": text}))
                else:
                    values[key] = date
        elif values.get("member_type") == "disabled":
            problems.append((key, "disability_consent_required", {}))
        return values, problems

    def _problem_text(self, code, params):
        if code == "disability_consent_required":
            return self.env._(
                "A member is registered as disabled only with their written "
                "consent to the fund keeping disability data (PDPA section 26): "
                "give the date of the signed consent in this column, or leave "
                "the member type as another type."
            )
        return super()._problem_text(code, params)

    def _prepare_member_values(self, values):
        vals = super()._prepare_member_values(values)
        given = values.get(DISABILITY_CONSENT_COLUMN[0])
        if given:
            # the consent recorded with the member, before the member type is
            # checked against it; recorded by the importing user
            vals["consent_ids"] = [
                fields.Command.create(
                    {"purpose": "disability", "method": "paper", "given_date": given}
                )
            ]
        return vals

    @api.model
    def _template_example(self):
        return {**super()._template_example(), DISABILITY_CONSENT_COLUMN[0]: ""}

    @api.model
    def _template_notes(self):
        return [
            *super()._template_notes(),
            (
                DISABILITY_CONSENT_COLUMN[1],
                "วันที่สมาชิกลงนามยินยอมให้กองทุนเก็บข้อมูลความพิการ (ตามแบบฟอร์ม"
                "สมัครสมาชิก) ต้องกรอกเมื่อประเภทสมาชิกเป็นผู้พิการ ระบบบันทึกความ"
                "ยินยอมเป็นแบบลงนามในเอกสาร",
            ),
        ]
