"""Thai formats for documents: baht in words, ID numbers, Buddhist-era dates.

Plain Python, no Odoo: tested on its own and used by every module's reports.
The calendar itself (Buddhist era, Thai months, CODI's fiscal year) lives in
``thai_calendar``.
"""

from decimal import ROUND_HALF_UP, Decimal

from stdnum.th import pin

# a spreadsheet date shown in the Buddhist era: Excel's locale code 0x0107041E
# (western digits, Thai Buddhist calendar, Thai); LibreOffice reads it too.
# The cell keeps a real date, so it still sorts and filters as one.
XLSX_BE_DATE_FORMAT = "[$-107041E]dd/mm/yyyy"
DIGITS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
PLACES = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]


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
    return pin.format(digits)
