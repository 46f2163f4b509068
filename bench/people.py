"""Deterministic, realistic people of a Thai province, in plain Python.

Everything here depends only on the seed and the position of a person, so the
same arguments always give the same province. Nothing imports Odoo: the
benchmarks' pure tests load this file directly. National ID numbers follow the
suite's own rules (``welfare_membership/lib/thai_id.py``), imported when a number
is made: by then a benchmark has given Odoo the addons path, and the pure tests
register the addons' packages (tests/conftest.py).
"""

import datetime
import random

FIRST_NAMES_MALE = [
    "สมชาย",
    "สมศักดิ์",
    "บุญมี",
    "ประเสริฐ",
    "สมพงษ์",
    "วิชัย",
    "สุรชัย",
    "ทองดี",
    "บุญเลิศ",
    "สมบัติ",
    "ประยุทธ",
    "อำนาจ",
    "สุนทร",
    "ชัยวัฒน์",
    "ธีระ",
    "คำปุน",
    "บุญส่ง",
    "สมหมาย",
    "วีระ",
    "เกียรติศักดิ์",
    "ณัฐพล",
    "ภานุวัฒน์",
    "อนุชา",
    "ศุภชัย",
]
FIRST_NAMES_FEMALE = [
    "สมศรี",
    "บุญเรือน",
    "มาลี",
    "สุดา",
    "วันเพ็ญ",
    "คำแพง",
    "ทองใบ",
    "ประไพ",
    "จันทร์เพ็ญ",
    "สมปอง",
    "นงลักษณ์",
    "อรุณี",
    "พิมพ์ใจ",
    "ศิริพร",
    "ละเอียด",
    "บัวผัน",
    "กาญจนา",
    "สุภาพ",
    "รัตนา",
    "อัมพร",
    "ณัฐธิดา",
    "ปิยะดา",
    "กมลชนก",
    "สุกัญญา",
]
LAST_NAMES = [
    "ใจดี",
    "ศรีสุข",
    "บุญมา",
    "แก้วมณี",
    "ทองคำ",
    "พรมมา",
    "สีดา",
    "ศรีวงษ์",
    "คำภูเมือง",
    "ภูมิสะอาด",
    "มาตย์วิเศษ",
    "ไชยสงคราม",
    "พลเยี่ยม",
    "ศรีบุญเรือง",
    "อุดมศักดิ์",
    "ประทุมมา",
    "จันทร์หอม",
    "บุตรดี",
    "สุวรรณศรี",
    "นามวงศ์",
    "แสนสุข",
    "โพธิ์ศรี",
    "วงศ์ใหญ่",
    "ทองมา",
    "ดวงแก้ว",
    "สายบุญ",
    "พันธ์ศรี",
    "รัตนพันธ์",
    "สิงห์ทอง",
    "ศรีหาบุตร",
    "ธรรมวงศ์",
    "กองแก้ว",
]
OCCUPATIONS = [
    "ทำนา",
    "ทำไร่",
    "รับจ้าง",
    "ค้าขาย",
    "เลี้ยงสัตว์",
    "ข้าราชการบำนาญ",
    "นักเรียน",
    "แม่บ้าน",
    "ช่างไม้",
    "ทอผ้า",
]
#: (member type, weight) as seen on provincial forms
MEMBER_TYPES = [
    ("general", 70),
    ("elderly", 14),
    ("youth", 9),
    ("disadvantaged", 4),
    ("disabled", 2),
    ("orphan", 1),
]


def national_id(seed, index):
    """A valid, deterministic, unique-per-(seed, index) 13-digit national ID.

    The first digit is 1-8 (never 0 or 9), the next eleven encode the seed and
    the index, the 13th is the check digit.
    """
    if index < 0 or index >= 10**9:
        raise ValueError("index out of range")
    first = 1 + (seed % 8)
    return _thai_id().make(f"{first}{seed % 100:02d}{index:09d}")


def is_valid_id(number):
    """Whether ``number`` is a valid ID of a registered person (not starting with 0)."""
    return _thai_id().is_valid(number) and number[0] != "0"


def _thai_id():
    from odoo.addons.welfare_membership.lib import thai_id  # noqa: PLC0415 - see above

    return thai_id


def _rng(seed, *keys):
    return random.Random(f"{seed}:" + ":".join(str(k) for k in keys))


def _weighted(rng, pairs):
    total = sum(w for _v, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def person(seed, index, today, villages=12):
    """The person number ``index`` of the province of ``seed``: a dict.

    Keys: national_id, name_title, first_name, last_name, gender, birthdate,
    member_type, village_no, street, phone, occupation, beneficiary_name.
    Ages follow a rural population (more elderly than the national mean);
    ``today`` anchors the birth dates.
    """
    rng = _rng(seed, "person", index)
    gender = "male" if rng.random() < 0.48 else "female"
    age = min(95, max(1, int(rng.triangular(1, 92, 52))))
    birthdate = today - datetime.timedelta(days=age * 365 + rng.randrange(365))
    if age < 15:
        title = "boy" if gender == "male" else "girl"
        member_type = "orphan" if rng.random() < 0.05 else "youth"
    else:
        title = "mr" if gender == "male" else rng.choice(["mrs", "mrs", "miss"])
        member_type = _weighted(rng, MEMBER_TYPES)
        if member_type in ("youth", "orphan") and age >= 25:
            member_type = "general"
        if age >= 60 and member_type == "general":
            member_type = "elderly"
    names = FIRST_NAMES_MALE if gender == "male" else FIRST_NAMES_FEMALE
    last_name = rng.choice(LAST_NAMES)
    return {
        "national_id": national_id(seed, index),
        "name_title": title,
        "first_name": rng.choice(names),
        "last_name": last_name,
        "gender": gender,
        "birthdate": birthdate,
        "member_type": member_type,
        "village_no": str(1 + rng.randrange(villages)),
        "street": str(1 + rng.randrange(250)),
        "phone": "0" + rng.choice("689") + f"{rng.randrange(10**8):08d}",
        "occupation": rng.choice(OCCUPATIONS) if age >= 15 else "นักเรียน",
        "beneficiary_name": rng.choice(FIRST_NAMES_FEMALE + FIRST_NAMES_MALE)
        + " "
        + last_name,
    }


def membership(seed, index, today, fund_founded, birthdate=None):
    """Join date and paid-until of a member: realistic arrears.

    About 78% are paid up (paid until this month or later), 10% one or two
    months behind (grace), 7% three to five months (suspended), 5% further
    behind (terminated by the arrears job).
    """
    rng = _rng(seed, "membership", index)
    start = max(fund_founded, birthdate or fund_founded)
    span = max(30, (today - start).days)
    join_date = min(
        today, start + datetime.timedelta(days=int(span * rng.random() ** 0.7))
    )
    roll = rng.random()
    if roll < 0.78:
        behind = -rng.randrange(0, 300)
    elif roll < 0.88:
        behind = 31 + rng.randrange(50)
    elif roll < 0.95:
        behind = 95 + rng.randrange(60)
    else:
        behind = 190 + rng.randrange(400)
    paid_until = today - datetime.timedelta(days=behind)
    if paid_until < join_date:
        paid_until = join_date + datetime.timedelta(days=29)
    return {"join_date": join_date, "paid_until": paid_until}


def fund_profile(seed, index, today):
    """Founding date and size weight of fund ``index``: funds differ a lot."""
    rng = _rng(seed, "fund", index)
    founded = datetime.date(2006 + rng.randrange(12), 1 + rng.randrange(12), 1)
    return {
        "founding_date": min(founded, today - datetime.timedelta(days=800)),
        "weight": rng.lognormvariate(0, 0.5),
        "villages": 8 + rng.randrange(12),
    }


def split_members(total, weights):
    """Share ``total`` members out by ``weights``; the parts sum to ``total``."""
    if not weights:
        return []
    scale = total / sum(weights)
    parts = [max(1, int(w * scale)) for w in weights]
    diff = total - sum(parts)
    step = 1 if diff > 0 else -1
    i = 0
    while diff:
        j = i % len(parts)
        if parts[j] + step >= 1:
            parts[j] += step
            diff -= step
        i += 1
    return parts
