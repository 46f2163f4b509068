"""Deterministic demo people for the Roi Et demo funds: names and valid IDs."""

import datetime
import random

from ..lib import thai_id

MALE = [
    "สมชาย",
    "สมศักดิ์",
    "บุญมี",
    "ประเสริฐ",
    "วิชัย",
    "สุรชัย",
    "ทองดี",
    "คำพันธ์",
    "อุดม",
    "สมบัติ",
    "ไพโรจน์",
    "บุญเลิศ",
    "ประยูร",
    "เสถียร",
    "ชัยวัฒน์",
]
FEMALE = [
    "สมศรี",
    "บุญเรือน",
    "ทองใบ",
    "คำปุน",
    "มาลี",
    "สุดา",
    "วันเพ็ญ",
    "บัวผัน",
    "ละเอียด",
    "สุนีย์",
    "จันทร์เพ็ญ",
    "นงลักษณ์",
    "ประไพ",
    "อำไพ",
    "พิมพา",
]
LAST = [
    "ศรีสุข",
    "ภูมิสะอาด",
    "บุญมา",
    "สีหาราช",
    "แก้วมณี",
    "พลชัย",
    "ทองมา",
    "ศรีวงษ์",
    "จันทร์แดง",
    "โคตรบุตร",
    "ประทุมมา",
    "สุวรรณศรี",
    "นามวงษ์",
    "อินทร์แก้ว",
    "มูลสาร",
    "ไชยสุข",
    "บุญประคม",
    "พรมดี",
    "ชาญวิรัตน์",
    "แสนโคตร",
]
OCCUPATIONS = ["ทำนา", "ค้าขาย", "รับจ้าง", "ทำสวน", "เลี้ยงสัตว์", "แม่บ้าน", "นักเรียน"]


def people(seed, count, today, province_code="45"):
    """``count`` demo people as dicts, the same for the same seed and today."""
    rng = random.Random(seed)
    seen = set()
    result = []
    for index in range(count):
        gender = "male" if rng.random() < 0.48 else "female"
        age = rng.choice(
            [
                rng.randint(8, 17),
                rng.randint(18, 59),
                rng.randint(18, 59),
                rng.randint(60, 88),
            ]
        )
        birthdate = today - datetime.timedelta(days=age * 365 + rng.randint(0, 364))
        if age < 15:
            title = "boy" if gender == "male" else "girl"
        else:
            title = "mr" if gender == "male" else rng.choice(["mrs", "miss"])
        while True:
            first12 = (
                ("1" if age < 40 else "3")
                + province_code
                + "".join(str(rng.randint(0, 9)) for _i in range(9))
            )
            number = thai_id.make(first12)
            if number not in seen:
                seen.add(number)
                break
        if age < 18:
            member_type = "youth"
        elif age >= 60:
            member_type = "elderly"
        else:
            member_type = rng.choice(["general"] * 8 + ["disadvantaged", "disabled"])
        result.append(
            {
                "index": index,
                "name_title": title,
                "first_name": rng.choice(MALE if gender == "male" else FEMALE),
                "last_name": rng.choice(LAST),
                "gender": gender,
                "birthdate": birthdate,
                "national_id": number,
                "member_type": member_type,
                "village_no": str(rng.randint(1, 12)),
                "street": str(rng.randint(1, 250)),
                "phone": "08" + "".join(str(rng.randint(0, 9)) for _i in range(8)),
                "occupation": rng.choice(OCCUPATIONS) if age >= 18 else "นักเรียน",
                "years": rng.randint(1, min(10, max(1, age))),
                # days behind today of the last day paid: most are paid up
                "behind": rng.choice(
                    [-20] * 10 + [-5] * 5 + [45, 75, 100, 130, 170, 220]
                ),
                "applicant": index >= count - 2,
                "beneficiary": rng.choice(LAST),
            }
        )
    return result
