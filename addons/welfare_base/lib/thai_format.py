"""Thai formats for documents: Buddhist-era dates, baht in words, ID numbers.

Plain Python, no Odoo: tested on its own and used by every module's reports.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

BE_OFFSET = 543
# a spreadsheet date shown in the Buddhist era: Excel's locale code 0x0107041E
# (western digits, Thai Buddhist calendar, Thai); LibreOffice reads it too.
# The cell keeps a real date, so it still sorts and filters as one.
XLSX_BE_DATE_FORMAT = "[$-107041E]dd/mm/yyyy"

MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
MONTHS_SHORT = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
DIGITS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
PLACES = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]


def be_year(date):
    """The Buddhist-era year of a date (CE + 543)."""
    return date.year + BE_OFFSET


def thai_date(date, short=False):
    """'25 พฤศจิกายน 2569' (or '25 พ.ย. 2569' when short); '' for no date."""
    if not date:
        return ""
    if isinstance(date, datetime.datetime):
        date = date.date()
    months = MONTHS_SHORT if short else MONTHS
    return f"{date.day} {months[date.month - 1]} {be_year(date)}"


def _words_below_million(number):
    text = ""
    digits = str(number)
    length = len(digits)
    for i, ch in enumerate(digits):
        d = int(ch)
        place = length - i - 1
        if d == 0:
            continue
        if place == 0 and d == 1 and length > 1:
            text += "เอ็ด"
        elif place == 1 and d == 2:
            text += "ยี่"
        elif place == 1 and d == 1:
            pass
        else:
            text += DIGITS[d]
        text += PLACES[place]
    return text


def number_words(number):
    """Thai words of a non-negative whole number: 21 -> 'ยี่สิบเอ็ด'."""
    number = int(number)
    if number < 0:
        raise ValueError("number_words expects a non-negative number")
    if number == 0:
        return DIGITS[0]
    parts = []
    while number:
        parts.append(number % 1_000_000)
        number //= 1_000_000
    text = ""
    for i, part in enumerate(reversed(parts)):
        millions = len(parts) - i - 1
        if part:
            words = _words_below_million(part)
            if part == 1 and text:
                # 1,000,001 -> หนึ่งล้านเอ็ด; a lone 1 after a higher group
                words = "เอ็ด"
            text += words
        if millions:
            text += "ล้าน"
    return text


def baht_text(amount):
    """Amount in Thai words as on receipts: 1250.50 -> 'หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์'."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    negative = value < 0
    value = abs(value)
    baht = int(value)
    satang = int((value - baht) * 100)
    text = ""
    if baht:
        text += number_words(baht) + "บาท"
    if satang:
        text += number_words(satang) + "สตางค์"
    elif baht:
        text += "ถ้วน"
    else:
        text = "ศูนย์บาทถ้วน"
    return ("ลบ" + text) if negative else text


def format_national_id(number):
    """'1234567890123' -> '1-2345-67890-12-3'; anything else is returned as it is."""
    digits = "".join(ch for ch in (number or "") if ch.isdigit())
    if len(digits) != 13:
        return number or ""
    return f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}"


def fiscal_year_of(date):
    """CODI's fiscal year (1 October - 30 September), named by its ending CE year."""
    return date.year + 1 if date.month >= 10 else date.year


def fiscal_year_bounds(year):
    """First and last day of the fiscal year ending on 30 September of ``year``."""
    return datetime.date(year - 1, 10, 1), datetime.date(year, 9, 30)
