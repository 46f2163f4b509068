#!/usr/bin/env python3
"""Generate welfare_base's Thai geography data files from the source JSON files.

Usage: tools/gen_geography.py [SOURCE_DIR]

SOURCE_DIR holds provinces.json, districts.json and subdistricts.json (DOPA codes,
Thai and English names, postcodes). The default is ../shared/data/thai-geography
relative to the repository root. The CSV files written into
addons/welfare_base/data/ are committed; run this again only when the source changes.
"""

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "addons" / "welfare_base" / "data"

# Regional networks of community welfare funds, by DOPA province code.
REGIONS = {
    "region_north": [
        50,
        51,
        52,
        53,
        54,
        55,
        56,
        57,
        58,
        60,
        61,
        62,
        63,
        64,
        65,
        66,
        67,
    ],
    "region_northeast": list(range(30, 50)),
    "region_south": [80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95, 96],
    "region_bangkok": [10, 11, 12, 13, 73, 74],
}


def region_of(code):
    for xmlid, codes in REGIONS.items():
        if code in codes:
            return xmlid
    return "region_central"


def odoo_state_xmlids():
    """Map 'TH-NN' codes to Odoo's own xml ids of Thai provinces (base.state_th_NNN)."""
    import odoo  # noqa: PLC0415  (only needed when regenerating)

    path = (
        Path(odoo.__file__).parent
        / "addons"
        / "base"
        / "data"
        / "res.country.state.csv"
    )
    with path.open(encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        return {row[3]: f"base.{row[0]}" for row in rows if row[1] == "base.th"}


def main():
    source = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT.parent / "shared" / "data" / "thai-geography"
    )
    provinces = json.loads((source / "provinces.json").read_text(encoding="utf-8"))
    districts = json.loads((source / "districts.json").read_text(encoding="utf-8"))
    subdistricts = json.loads(
        (source / "subdistricts.json").read_text(encoding="utf-8")
    )
    states = odoo_state_xmlids()

    with (DATA / "res.country.state.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "welfare_name_th", "welfare_region_id:id"])
        for p in sorted(provinces, key=lambda p: p["provinceCode"]):
            code = p["provinceCode"]
            w.writerow([states[f"TH-{code}"], p["provinceNameTh"], region_of(code)])

    with (DATA / "welfare.district.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "code", "name", "name_en", "state_id:id"])
        for d in sorted(districts, key=lambda d: d["districtCode"]):
            w.writerow(
                [
                    f"district_{d['districtCode']}",
                    str(d["districtCode"]),
                    d["districtNameTh"],
                    d["districtNameEn"],
                    states[f"TH-{d['provinceCode']}"],
                ]
            )

    with (DATA / "welfare.subdistrict.csv").open(
        "w", encoding="utf-8", newline=""
    ) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "code", "name", "name_en", "district_id:id", "zip"])
        for s in sorted(subdistricts, key=lambda s: s["subdistrictCode"]):
            w.writerow(
                [
                    f"subdistrict_{s['subdistrictCode']}",
                    str(s["subdistrictCode"]),
                    s["subdistrictNameTh"],
                    s["subdistrictNameEn"],
                    f"district_{s['districtCode']}",
                    str(s["postalCode"]),
                ]
            )
    print(
        f"{len(provinces)} provinces, {len(districts)} districts, "
        f"{len(subdistricts)} sub-districts"
    )


if __name__ == "__main__":
    main()
