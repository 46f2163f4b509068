#!/usr/bin/env python3
"""1. Registry import: the suite's importer against Odoo's generic importer.

The same people (valid national IDs, Thai names, dates in the Buddhist era)
go through:

* the suite's registry import wizard (``welfare.member.import``), checks
  included, into an empty fund;
* Odoo's generic importer (``base_import``) loading them as plain contacts,
  batch by batch as its screen does (2,000 rows a call);
* PostgreSQL COPY of the same rows into a table: the physical limit.

Members have the types of a provincial register (``people.MEMBER_TYPES``):
about 2% are disabled, and with the personal-data addon installed their rows
give the date each signed the consent to the fund keeping disability data,
which the import records with them.
"""

import base64
import csv
import datetime
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import people  # noqa: E402

SEED = 7001  # other people than the generated province's
UI_BATCH = 2000
#: the registry's words for the member types
TYPE_NAMES = {
    "general": "ทั่วไป",
    "youth": "เด็กและเยาวชน",
    "elderly": "ผู้สูงอายุ",
    "disadvantaged": "ผู้ด้อยโอกาส",
    "disabled": "ผู้พิการ",
    "orphan": "เด็กกำพร้า",
}


def be_date(date):
    return f"{date.day:02d}/{date.month:02d}/{date.year + 543}"


def registry_rows(count, today, subdistrict_name):
    founded = today - datetime.timedelta(days=3650)
    for index in range(count):
        person = people.person(SEED, index, today)
        dates = people.membership(SEED, index, today, founded, person["birthdate"])
        title = {
            "mr": "นาย",
            "mrs": "นาง",
            "miss": "นางสาว",
            "boy": "เด็กชาย",
            "girl": "เด็กหญิง",
        }
        yield {
            "member_number": "",
            "name_title": title[person["name_title"]],
            "first_name": person["first_name"],
            "last_name": person["last_name"],
            "national_id": person["national_id"],
            "birthdate": be_date(person["birthdate"]),
            "gender": "ชาย" if person["gender"] == "male" else "หญิง",
            "member_type": TYPE_NAMES[person["member_type"]],
            "house_no": person["street"],
            "village_no": person["village_no"],
            "subdistrict": subdistrict_name,
            "phone": person["phone"],
            "occupation": person["occupation"],
            "join_date": be_date(dates["join_date"]),
            "paid_until": be_date(dates["paid_until"]),
            "beneficiary_name": person["beneficiary_name"],
            "beneficiary_relationship": "บุตร",
            # signed with the registration form
            "disability_consent_date": be_date(dates["join_date"])
            if person["member_type"] == "disabled"
            else "",
        }


def registry_csv(columns, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([thai for _key, thai, _en, _req in columns])
    for row in rows:
        writer.writerow([row.get(key, "") for key, _th, _en, _req in columns])
    return out.getvalue().encode("utf-8")


def contacts_csv(rows):
    """The same people as plain contacts, for Odoo's generic importer."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "street", "phone", "ref", "comment"])
    for row in rows:
        writer.writerow(
            [
                f"{row['name_title']}{row['first_name']} {row['last_name']}",
                row["house_no"],
                row["phone"],
                row["national_id"],
                row["occupation"],
            ]
        )
    return out.getvalue().encode("utf-8")


def run_suite_import(env, fund, data):
    wizard = env["welfare.member.import"].create(
        {"fund_id": fund.id, "file": base64.b64encode(data), "filename": "registry.csv"}
    )
    with common.measure(env) as m:
        wizard.action_import()
    if wizard.state != "done":
        common.die(
            f"suite import ended in state {wizard.state}: {wizard.error_count} problems"
        )
    return m, wizard.created_count


def run_base_import(env, data):
    importer = env["base_import.import"].create(
        {
            "res_model": "res.partner",
            "file": data,
            "file_name": "contacts.csv",
            "file_type": "text/csv",
        }
    )
    options = {
        "quoting": '"',
        "separator": ",",
        "has_headers": True,
        "encoding": "utf-8",
        "date_format": "",
        "datetime_format": "",
        "float_thousand_separator": ",",
        "float_decimal_separator": ".",
        "fallback_values": {},
        "import_set_empty_fields": [],
        "import_skip_records": [],
        "name_create_enabled_fields": {},
    }
    fields_ = ["name", "street", "phone", "ref", "comment"]
    created = 0
    skip = 0
    with common.measure(env) as m:
        while True:
            result = importer.execute_import(
                fields_, fields_, dict(options, skip=skip, limit=UI_BATCH)
            )
            errors = [
                msg for msg in result.get("messages", []) if msg.get("type") == "error"
            ]
            if errors:
                common.die(f"base_import failed: {errors[:2]}")
            created += len(result.get("ids") or [])
            if not result.get("nextrow"):
                break
            skip = result["nextrow"]
    return m, created


def run_copy(env, rows, columns):
    """COPY of the same rows (as text) into a temporary table."""
    keys = [key for key, _th, _en, _req in columns]
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([row[key] for key in keys])
    text = out.getvalue()
    cr = env.cr
    cr.execute(
        "CREATE TEMP TABLE bench_registry_copy ({})".format(  # noqa: S608 - fixed names
            ", ".join(f"{key} text" for key in keys)
        )
    )
    t0 = time.perf_counter()
    cr._obj.copy_expert(
        "COPY bench_registry_copy FROM STDIN WITH (FORMAT csv)", io.StringIO(text)
    )
    seconds = time.perf_counter() - t0
    return seconds


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--rows", type=int)
    args = p.parse_args()
    rows_count = args.rows or (5000 if args.quick else 100000)
    common.header(f"1. registry import of {rows_count:,} rows", args)
    with common.odoo_env(args) as env:
        from odoo.addons.welfare_membership.lib import registry  # noqa: PLC0415

        today = datetime.date.today()
        sub = env["welfare.subdistrict"].search(
            [("code", "=like", "30%")], order="code desc", limit=1
        )
        fund = env["welfare.fund"].create(
            {
                "name": "กองทุนสวัสดิการชุมชน (นำเข้าทะเบียน)",
                "code": "BNIMPORT",
                "subdistrict_id": sub.id,
                "district_id": sub.district_id.id,
                "state_id": sub.state_id.id,
            }
        )
        rows = list(registry_rows(rows_count, today, sub.code))
        # the registry's columns and those of the installed addons
        columns = env["welfare.member.import"]._registry_columns()
        data = registry_csv(columns, rows)
        disabled = sum(row["member_type"] == TYPE_NAMES["disabled"] for row in rows)
        ours, created = run_suite_import(
            env(context=dict(env.context, allowed_company_ids=fund.company_id.ids)),
            fund,
            data,
        )
        if created != rows_count:
            common.die(f"suite import created {created} of {rows_count}")
        consents = (
            env["welfare.consent"].search_count(
                [("fund_id", "=", fund.id), ("purpose", "=", "disability")]
            )
            if "welfare.consent" in env
            else 0
        )
        peer, peer_created = run_base_import(env, contacts_csv(rows))
        copy_seconds = run_copy(env, rows, registry.COLUMNS)
    ours_rate = rows_count / ours.seconds
    peer_rate = peer_created / peer.seconds
    copy_rate = rows_count / copy_seconds
    common.report(
        "registry import (suite wizard, checks included)",
        ours_rate,
        "rows/s",
        peer=("base_import as contacts", peer_rate),
        target=">= 3x peer",
        ok=ours_rate >= 3 * peer_rate,
        seconds=round(ours.seconds, 1),
        queries=ours.queries,
        queries_per_row=round(ours.queries / rows_count, 2),
        disabled_rows=disabled,
        disability_consents=consents,
        peer_seconds=round(peer.seconds, 1),
        peer_queries=peer.queries,
    )
    common.report(
        "gap to PostgreSQL COPY of the same rows",
        copy_rate / ours_rate,
        "x slower than COPY",
        copy_rows_per_s=round(copy_rate),
    )


if __name__ == "__main__":
    main()
