import re

from odoo import models
from odoo.tools.misc import get_lang

from ..lib import thai_calendar

# a year of the Gregorian calendar as babel prints it in a group's label
_GREGORIAN_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[0-3]\d\d)(?!\d)")


class Base(models.AbstractModel):
    """Groups by date read in the Buddhist era by Thai users.

    The web client's pivot, graph and grouped lists show the labels the
    server gives to date groups ("มกราคม 2026" from babel): for a user whose
    language is Thai the year is the Buddhist-era one ("มกราคม 2569"). The
    groups' ranges and domains stay in ISO dates.
    """

    _inherit = "base"

    def _read_group_format_result(self, rows_dict, lazy_groupby):
        result = super()._read_group_format_result(rows_dict, lazy_groupby)
        if not get_lang(self.env).code.startswith("th"):
            return result
        date_groups = [
            group
            for group in lazy_groupby
            if self._fields[group.split(":")[0].split(".")[0]].type
            in ("date", "datetime")
        ]
        for row in rows_dict:
            for group in date_groups:
                if isinstance(row.get(group), str) and (row.get("__range") or {}).get(
                    group
                ):
                    row[group] = be_label(row[group])
        return result


def be_label(label):
    """``label`` with its Gregorian year(s) written in the Buddhist era."""
    return _GREGORIAN_YEAR.sub(
        lambda match: str(int(match.group(1)) + thai_calendar.BE_OFFSET), label
    )
