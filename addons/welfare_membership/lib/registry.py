"""Rows of a member registry spreadsheet: columns, parsing and row checks.

Plain Python: the import wizard feeds it the cells of each row and gets back
clean values and a list of problems. Problems are (column, code, params)
triples; the wizard turns each code into a Thai sentence.
"""

import datetime
import re

from odoo.addons.welfare_base.lib import thai_calendar

from . import thai_id

#: (key, Thai header, English header, required)
COLUMNS = [
    ("member_number", "เลขที่สมาชิก", "Member Number", False),
    ("name_title", "คำนำหน้า", "Title", False),
    ("first_name", "ชื่อ", "First Name", True),
    ("last_name", "นามสกุล", "Last Name", True),
    ("national_id", "เลขประจำตัวประชาชน", "National ID", True),
    ("birthdate", "วันเกิด", "Birth Date", False),
    ("gender", "เพศ", "Gender", False),
    ("member_type", "ประเภทสมาชิก", "Member Type", False),
    ("house_no", "บ้านเลขที่", "House No.", False),
    ("village_no", "หมู่ที่", "Village No.", False),
    ("subdistrict", "ตำบล", "Sub-district", False),
    ("phone", "โทรศัพท์", "Phone", False),
    ("occupation", "อาชีพ", "Occupation", False),
    ("join_date", "วันที่เข้าเป็นสมาชิก", "Join Date", True),
    ("paid_until", "ชำระเงินสมทบถึงวันที่", "Paid Until", False),
    ("beneficiary_name", "ผู้รับผลประโยชน์", "Beneficiary", False),
    ("beneficiary_relationship", "ความสัมพันธ์", "Relationship", False),
]
REQUIRED = tuple(key for key, _th, _en, req in COLUMNS if req)

#: Limits of an uploaded registry file. A fund's registry is a few thousand rows;
#: the limits leave room for the largest registry the benchmarks import (100,000
#: members, about 80 s) and keep one import within a worker's memory and time
#: limits (config/odoo-production.conf.template). The web server's upload limit
#: (config/nginx/welfare.conf) is above MAX_FILE_BYTES: the web client sends the
#: file base64-encoded, a third larger.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Rows of members (the header and empty rows aside).
MAX_ROWS = 100_000
#: Total size of the parts of an XLSX file once uncompressed (sheets, shared
#: strings): a small file that unpacks to gigabytes is refused before reading.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024

TITLES = {
    "นาย": "mr",
    "นาง": "mrs",
    "นางสาว": "miss",
    "น.ส.": "miss",
    "ด.ช.": "boy",
    "เด็กชาย": "boy",
    "ด.ญ.": "girl",
    "เด็กหญิง": "girl",
    "mr": "mr",
    "mr.": "mr",
    "mrs": "mrs",
    "mrs.": "mrs",
    "miss": "miss",
    "ms": "miss",
    "ms.": "miss",
}
GENDERS = {
    "ชาย": "male",
    "ช": "male",
    "male": "male",
    "m": "male",
    "หญิง": "female",
    "ญ": "female",
    "female": "female",
    "f": "female",
    "อื่นๆ": "other",
    "other": "other",
}
MEMBER_TYPES = {
    "ทั่วไป": "general",
    "general": "general",
    "เด็กและเยาวชน": "youth",
    "เด็ก/เยาวชน": "youth",
    "เยาวชน": "youth",
    "youth": "youth",
    "ผู้สูงอายุ": "elderly",
    "elderly": "elderly",
    "ผู้ด้อยโอกาส": "disadvantaged",
    "disadvantaged": "disadvantaged",
    "ผู้พิการ": "disabled",
    "คนพิการ": "disabled",
    "disabled": "disabled",
    "เด็กกำพร้า": "orphan",
    "orphan": "orphan",
}
RELATIONSHIPS = {
    "คู่สมรส": "spouse",
    "สามี": "spouse",
    "ภรรยา": "spouse",
    "spouse": "spouse",
    "บุตร": "child",
    "ลูก": "child",
    "child": "child",
    "บิดา": "parent",
    "มารดา": "parent",
    "พ่อ": "parent",
    "แม่": "parent",
    "parent": "parent",
    "พี่น้อง": "sibling",
    "พี่": "sibling",
    "น้อง": "sibling",
    "sibling": "sibling",
    "หลาน": "grandchild",
    "grandchild": "grandchild",
    "ญาติ": "relative",
    "relative": "relative",
    "อื่นๆ": "other",
    "other": "other",
}
#: Thai month names, full and short, as written in a date: month number
THAI_MONTHS = {
    name: i + 1
    for names in (thai_calendar.MONTHS, thai_calendar.MONTHS_SHORT)
    for i, name in enumerate(names)
}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$")


def header_keys(cells, columns=None):
    """Map a header row to column keys: {cell index: key}; unknown cells ignored.

    A header matches by key, Thai or English name, case and spaces aside.
    ``columns`` are the import's columns: ``COLUMNS`` (the default) and those
    modules add.
    """
    lookup = {}
    for key, thai, english, _req in columns or COLUMNS:
        for name in (key, thai, english):
            lookup[_norm(name)] = key
    result = {}
    for index, cell in enumerate(cells):
        key = lookup.get(_norm(cell))
        if key and key not in result.values():
            result[index] = key
    return result


def missing_columns(keys):
    """Required columns absent from a header mapping."""
    present = set(keys.values())
    return [key for key in REQUIRED if key not in present]


def _norm(value):
    return re.sub(r"\s+", "", str(value or "")).lower()


def _year(year):
    """A four-digit year given in the Buddhist or the Christian era, as CE."""
    if year > 2400:
        return year - thai_calendar.BE_OFFSET
    return year


def parse_date(value):
    """A date from a cell: a date, 'd/m/yyyy', 'yyyy-mm-dd' or '5 ม.ค. 2567'.

    Years above 2400 are Buddhist-era and converted. Raises ValueError.
    """
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.replace(year=_year(value.year))
    text = str(value).strip()
    match = _NUMERIC_DATE.match(text)
    if match:
        a, b, c = (int(x) for x in match.groups())
        if len(match.group(1)) == 4:
            year, month, day = a, b, c
        else:
            day, month, year = a, b, c
        if year < 100:
            raise ValueError("two-digit year")
        return datetime.date(_year(year), month, day)
    parts = text.split()
    if len(parts) == 3 and parts[1] in THAI_MONTHS:
        try:
            year = _year(int(parts[2]))
            return datetime.date(year, THAI_MONTHS[parts[1]], int(parts[0]))
        except OverflowError:  # a year too long for a date
            raise ValueError("year out of range") from None
    raise ValueError("unknown date format")


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _choice(value, table):
    text = _text(value)
    if not text:
        return None
    return table.get(text.lower(), table.get(text))


def clean_row(cells, today):
    """Check one row: (values, problems).

    ``cells`` maps column keys to raw cell values. ``values`` holds the clean
    values of the columns that parsed; ``problems`` lists
    (column, code, params) for everything wrong with the row.
    """
    values = {}
    problems = []
    for key in REQUIRED:
        if not _text(cells.get(key)):
            problems.append((key, "required", {}))
    for key in (
        "member_number",
        "first_name",
        "last_name",
        "house_no",
        "village_no",
        "subdistrict",
        "phone",
        "occupation",
        "beneficiary_name",
    ):
        text = _text(cells.get(key))
        if text:
            values[key] = text
    raw_id = _text(cells.get("national_id"))
    if raw_id:
        try:
            values["national_id"] = thai_id.validate(raw_id)
        except ValueError as error:
            problems.append(("national_id", f"id_{error}", {"value": raw_id}))
    for key, table in (
        ("name_title", TITLES),
        ("gender", GENDERS),
        ("member_type", MEMBER_TYPES),
        ("beneficiary_relationship", RELATIONSHIPS),
    ):
        text = _text(cells.get(key))
        if not text:
            continue
        choice = _choice(text, table)
        if choice:
            values[key] = choice
        else:
            problems.append((key, "unknown_choice", {"value": text}))
    for key in ("birthdate", "join_date", "paid_until"):
        raw = cells.get(key)
        if raw is None or _text(raw) == "":
            continue
        try:
            date = parse_date(raw)
        except ValueError:
            problems.append((key, "bad_date", {"value": _text(raw)}))
            continue
        if key != "paid_until" and date > today:
            problems.append((key, "future_date", {"value": _text(raw)}))
            continue
        values[key] = date
    birth, join = values.get("birthdate"), values.get("join_date")
    if birth and join and join < birth:
        problems.append(("join_date", "join_before_birth", {}))
    if values.get("beneficiary_relationship") and not values.get("beneficiary_name"):
        problems.append(("beneficiary_name", "required", {}))
    return values, problems


def assumed_paid_until(join_date, import_date):
    """The "paid until" of a row that leaves it empty: the last day of the
    month before the import.

    A notebook register often records who is a member, not to which day each
    one paid. Counting such a member's arrears from the join date would end,
    at the first arrears run, the membership of everybody who joined more
    than a few months ago. The fund's register is taken at its word instead:
    its members are paid up to the import, and this month's contribution is
    due at the next collection day. A member who joined this month keeps no
    "paid until" (nothing is due before the join date). None without a join
    date.
    """
    if not join_date:
        return None
    last = import_date.replace(day=1) - datetime.timedelta(days=1)
    return last if last >= join_date else None


def file_duplicates(rows, key):
    """{row index: first row index} for rows repeating an earlier row's ``key``."""
    seen = {}
    duplicates = {}
    for index, values in rows:
        value = values.get(key)
        if not value:
            continue
        if value in seen:
            duplicates[index] = seen[value]
        else:
            seen[value] = index
    return duplicates
