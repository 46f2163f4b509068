#!/usr/bin/env python3
"""7. Member cards: 1,000 cards into one PDF.

Ours: the report ``welfare_membership.action_report_member_card`` (QR images
stored per member and card version), first print (images made) and second
print (images reused). Peer: the same card layout through Odoo's own QWeb PDF
path with the ``barcode`` widget, which draws every QR code on each print.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402

TARGET_RATIO = 2.5
QR_OURS = '<img t-att-src="qr_uris[o.id]" alt="QR"/>'
QR_PEER = (
    "<span t-field=\"o.card_url\" t-options=\"{'widget': 'barcode', "
    "'symbology': 'QR', 'width': 160, 'height': 160, "
    "'img_style': 'width:21mm;height:21mm'}\"/>"
)


def make_peer_report(env):
    """The same card, drawn with Odoo's barcode widget: a bench-only report."""
    View = env["ir.ui.view"]
    card = env.ref("welfare_membership.member_card")
    sheet = env.ref("welfare_membership.report_member_card")
    card_arch = card.arch_db
    if QR_OURS not in card_arch:
        common.die("the card template changed: update the peer's QR replacement")
    View.create(
        {
            "name": "bench_member_card_peer",
            "type": "qweb",
            "key": "bench.member_card_peer",
            "arch": card_arch.replace(QR_OURS, QR_PEER).replace(
                't-name="welfare_membership.member_card"', ""
            ),
        }
    )
    sheet_arch = sheet.arch_db.replace(
        'welfare_membership.member_card"', 'bench.member_card_peer"'
    ).replace('t-value="docs._card_qr_data_uris()"', 't-value="{}"')
    View.create(
        {
            "name": "bench_report_member_card_peer",
            "type": "qweb",
            "key": "bench.report_member_card_peer",
            "arch": sheet_arch,
        }
    )
    ours = env.ref("welfare_membership.action_report_member_card")
    return ours.copy(
        {
            "name": "Member cards (peer: barcode widget)",
            "report_name": "bench.report_member_card_peer",
            "binding_model_id": False,
        }
    )


def render(env, report, ids):
    Report = env["ir.actions.report"].with_context(force_report_rendering=True)
    with common.measure(env) as m:
        pdf, kind = Report._render_qweb_pdf(report, ids)
    if not pdf.startswith(b"%PDF"):
        common.die(f"{report} did not give a PDF ({kind})")
    return m, len(pdf)


def main():
    p = common.parser(__doc__.splitlines()[0])
    p.add_argument("--cards", type=int)
    args = p.parse_args()
    count = args.cards or (100 if args.quick else 1000)
    common.header(f"7. {count:,} member cards into one PDF", args)
    with common.odoo_env(args) as env:
        # wkhtmltopdf would fetch the web assets from a server: none here, for
        # both sides alike (the cards carry their own style)
        env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        members = env["welfare.member"].search(
            [("state", "in", ("active", "grace", "suspended"))], order="id", limit=count
        )
        env = env(context=dict(env.context, allowed_company_ids=members.company_id.ids))
        ids = members.ids
        peer_report = make_peer_report(env)
        # warm-up (templates compiled, fonts loaded) on a few cards of each
        render(env, peer_report.id, ids[:10])
        render(env, "welfare_membership.action_report_member_card", ids[-10:])
        members.invalidate_recordset()
        cold, size = render(env, "welfare_membership.action_report_member_card", ids)
        env.invalidate_all()
        warm, _size = render(env, "welfare_membership.action_report_member_card", ids)
        env.invalidate_all()
        peer, peer_size = render(env, peer_report.id, ids)
    peer_rate = count / peer.seconds
    for label, m in (("first print (QR made)", cold), ("reprint (QR reused)", warm)):
        rate = count / m.seconds
        common.report(
            f"member cards, {label}",
            rate,
            "cards/s",
            peer=("QWeb barcode widget", peer_rate),
            target=f">= {TARGET_RATIO}x peer (1,000 cards <= 20 s)",
            ok=rate >= TARGET_RATIO * peer_rate and m.seconds * 1000 / count <= 20,
            seconds=round(m.seconds, 1),
            queries=m.queries,
            pdf_kb=round(size / 1024),
            peer_seconds=round(peer.seconds, 1),
        )


if __name__ == "__main__":
    main()
