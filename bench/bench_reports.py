#!/usr/bin/env python3
"""8. Reports: the fund statement and the provincial summary XLSX for a
year of the province, and a 100,000-row registry export (time and peak
memory) next to xlsxwriter alone writing the same cells."""

import datetime
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_S = 15.0
TARGET_MB = 150.0


def render_xlsx(env, report, ids, data=None, trace_memory=False):
    Report = env["ir.actions.report"]
    with common.measure(env, trace_memory=trace_memory) as m:
        content, kind = Report._render(report, ids, data or {})
    if not content[:2] == b"PK":
        common.die(f"{report} did not give an XLSX ({kind})")
    return m, len(content)


def xlsxwriter_alone(rows, cols, trace_memory=False):
    import xlsxwriter  # noqa: PLC0415

    today = datetime.date.today()
    with (
        common.measure(trace_memory=trace_memory) as m,
        tempfile.TemporaryFile() as out,
    ):
        book = xlsxwriter.Workbook(out, {"constant_memory": True})
        sheet = book.add_worksheet("Members")
        date = book.add_format({"num_format": "dd/mm/yyyy"})
        for row in range(1, rows + 1):
            for col in range(cols):
                if col % 4 == 3:
                    sheet.write_datetime(row, col, today, date)
                else:
                    sheet.write(row, col, f"ข้อมูล {row}-{col}")
        book.close()
    return m


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--rows", type=int)
    args = p.parse_args()
    rows = args.rows or (5000 if args.quick else 100000)
    common.header("8. reports", args)
    results = []
    with common.odoo_env(args) as env:
        funds = env["welfare.fund"].search([("code", "=like", "BN3%")])
        env = env(context=dict(env.context, allowed_company_ids=funds.company_id.ids))
        funds = funds.with_env(env)
        counts = dict(
            env["welfare.member"]._read_group(
                [("fund_id", "in", funds.ids)], ["fund_id"], ["__count"]
            )
        )
        biggest = max(funds, key=lambda f: counts.get(f, 0))
        Wizard = env["welfare.statement.wizard"]
        one = Wizard.create({"fund_id": biggest.id})
        m, _size = render_xlsx(
            env, "welfare_accounting.action_report_welfare_statement_xlsx", one.ids
        )
        results.append(
            (
                "fund statement XLSX, largest fund",
                m,
                {"members": counts.get(biggest, 0)},
            )
        )
        env.invalidate_all()
        every = Wizard.create([{"fund_id": fund.id} for fund in funds])
        m, _size = render_xlsx(
            env, "welfare_accounting.action_report_welfare_statement_xlsx", every.ids
        )
        results.append(
            (
                "fund statements XLSX, every fund in one workbook",
                m,
                {"funds": len(funds)},
            )
        )
        env.invalidate_all()
        m, _size = render_xlsx(
            env,
            "welfare_accounting.action_report_welfare_provincial_summary",
            funds.ids,
        )
        results.append(("provincial summary XLSX", m, {"funds": len(funds)}))
        env.invalidate_all()
        members = env["welfare.member"].search(
            [], order="fund_id, member_number", limit=rows
        )
        ids = members.ids
        env.invalidate_all()
        export, size = render_xlsx(
            env, "welfare_membership.action_report_member_registry_xlsx", ids
        )
        env.invalidate_all()
        export_mem, _size = render_xlsx(
            env,
            "welfare_membership.action_report_member_registry_xlsx",
            ids,
            trace_memory=True,
        )
    for name, m, extra in results:
        common.report(
            name,
            m.seconds,
            "s",
            target=f"<= {TARGET_S:.0f} s",
            ok=m.seconds <= TARGET_S,
            queries=m.queries,
            **extra,
        )
    cols = 16
    alone = xlsxwriter_alone(len(ids), cols)
    alone_mem = xlsxwriter_alone(len(ids), cols, trace_memory=True)
    scaled = export.seconds * 100000 / max(len(ids), 1)
    common.report(
        f"registry export XLSX, {len(ids):,} rows x {cols} columns",
        export.seconds,
        "s",
        peer=("xlsxwriter alone, same cells", alone.seconds),
        target=f"<= {TARGET_S:.0f} s and <= {TARGET_MB:.0f} MB for 100,000",
        ok=scaled <= TARGET_S and export_mem.peak_mb <= TARGET_MB,
        queries=export.queries,
        peak_python_mb=round(export_mem.peak_mb, 1),
        peer_peak_python_mb=round(alone_mem.peak_mb, 1),
        process_max_rss_mb=round(export_mem.rss_mb),
        xlsx_mb=round(size / 2**20, 1),
    )


if __name__ == "__main__":
    main()
