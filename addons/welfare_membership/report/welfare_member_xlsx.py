from odoo import models

from ..lib import thai_id

EXPORT_BATCH = 2000


class WelfareMemberRegistryXlsx(models.AbstractModel):
    """The member registry as a spreadsheet, written row by row (constant memory)."""

    _name = "report.welfare_membership.member_registry_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Member Registry XLSX"

    def _get_objs_for_report(self, docids, data):
        if not docids and data and data.get("fund_ids") is not None:
            return self.env["welfare.member"].search(
                [("fund_id", "in", data["fund_ids"])], order="fund_id, member_number"
            )
        return super()._get_objs_for_report(docids, data)

    def get_workbook_options(self):
        # strings_to_formulas off: a cell typed as "=cmd|..." stays text
        return {"constant_memory": True, "strings_to_formulas": False}

    def _columns(self):
        env = self.env
        return [
            (env._("Fund"), 30),
            (env._("Member Number"), 14),
            (env._("Name"), 30),
            (env._("National ID"), 20),
            (env._("Birth Date"), 12),
            (env._("Age"), 6),
            (env._("Gender"), 8),
            (env._("Member Type"), 16),
            (env._("House No."), 10),
            (env._("Village No."), 8),
            (env._("Sub-district"), 18),
            (env._("Phone"), 14),
            (env._("Join Date"), 12),
            (env._("Status"), 14),
            (env._("Paid Until"), 12),
            (env._("Months in Arrears"), 10),
        ]

    def generate_xlsx_report(self, workbook, data, members):
        sheet = workbook.add_worksheet(self.env._("Members"))
        head = workbook.add_format({"bold": True, "bg_color": "#D9EAD3", "border": 1})
        date = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for col, (title, width) in enumerate(self._columns()):
            sheet.set_column(col, col, width)
            sheet.write(0, col, title, head)
        sheet.freeze_panes(1, 0)
        Member = self.env["welfare.member"]
        selection = {
            fname: dict(Member._fields[fname]._description_selection(self.env))
            for fname in ("gender", "member_type", "state")
        }
        can_read_id = self.env.user.has_group("welfare_base.group_welfare_officer")
        row = 1
        ids = members.ids
        for start in range(0, len(ids), EXPORT_BATCH):
            batch = Member.browse(ids[start : start + EXPORT_BATCH])
            # sudo: the national ID is written masked for users who may not read it
            numbers = dict(
                zip(batch.ids, batch.sudo().mapped("national_id"), strict=True)
            )
            for member in batch:
                number = numbers.get(member.id) or ""
                if number and not (can_read_id and member._can_read_national_id()):
                    shown = thai_id.mask(number)
                else:
                    shown = thai_id.format_id(number)
                sheet.write(row, 0, member.fund_id.name)
                sheet.write(row, 1, member.member_number or "")
                sheet.write(row, 2, member.name)
                sheet.write_string(row, 3, shown)
                if member.birthdate:
                    sheet.write_datetime(row, 4, member.birthdate, date)
                sheet.write(row, 5, member.age or "")
                sheet.write(row, 6, selection["gender"].get(member.gender, ""))
                sheet.write(
                    row, 7, selection["member_type"].get(member.member_type, "")
                )
                sheet.write(row, 8, member.street or "")
                sheet.write(row, 9, member.village_no or "")
                sheet.write(row, 10, member.subdistrict_id.name or "")
                sheet.write(row, 11, member.phone or "")
                if member.join_date:
                    sheet.write_datetime(row, 12, member.join_date, date)
                sheet.write(row, 13, selection["state"].get(member.state, ""))
                if member.paid_until:
                    sheet.write_datetime(row, 14, member.paid_until, date)
                sheet.write(row, 15, member.months_in_arrears)
                row += 1
            # drop the batch's members AND their contacts' fields (name,
            # address, phone) from the cache: memory stays flat over the file
            self.env.invalidate_all()
