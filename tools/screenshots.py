#!/usr/bin/env python3
"""Take pictures of what people see in a running demo: screens, documents, public pages.

  tools/screenshots.py [--url http://127.0.0.1:8069] [--db welfare_demo] [--out DIR]

Logs in as the demo roles and, in headless Chromium driven through its
DevTools protocol, takes the web client's screens each role works in (members
list and form, collection day, claim, the committee's queue, fund form, grades
dashboard); downloads the PDFs as the web client's Print menu does (member
cards, a receipt, the receipts and payments statement) and turns their first
page into a picture with pdftoppm; takes the public card check page of a
valid, a suspended and a not valid (revoked or forged) card on a phone-sized
screen. Pictures are PNGs reduced to a palette of colours, small enough to
keep in the repository.
A reviewer can then look at what people see without running the product.
Needs: a server started by bin/run, chromium, pdftoppm (poppler-utils), and
the Python packages requests, websocket-client and Pillow.
"""

import argparse
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket
from PIL import Image

PHONE = (390, 844)
DESKTOP = (1280, 800)

# (file name, role, URL path; "{key}" is the id of ids[key], CSS selector that
# shows the screen is ready)
SCREENS = [
    (
        "01_members_list",
        "officer",
        "/odoo/action-welfare_membership.welfare_member_action",
        ".o_list_view .o_data_row",
    ),
    (
        "02_member_form",
        "officer",
        "/odoo/action-welfare_membership.welfare_member_action/{member}",
        ".o_form_view .o_field_widget[name=birthdate] input",
    ),
    (
        "03_collection_day",
        "officer",
        "/odoo/action-welfare_membership.welfare_collection_action/{collection}",
        ".o_form_view .o_field_widget[name=contribution_ids] .o_list_renderer",
    ),
    (
        "04_claim",
        "committee",
        "/odoo/action-welfare_membership.welfare_claim_action/{claim}",
        ".o_form_view .o_statusbar_status",
    ),
    (
        "05_committee_queue",
        "committee",
        "/odoo/action-welfare_membership.welfare_claim_action_committee",
        ".o_list_view .o_group_header",
    ),
    (
        "06_fund_form",
        "committee",
        "/odoo/action-welfare_base.welfare_fund_action/{fund}",
        ".o_form_view .o_field_widget[name=name]",
    ),
    (
        "07_grade_dashboard",
        "network",
        "/odoo/action-welfare_assessment.welfare_assessment_report_action",
        ".o_pivot table tbody td.o_pivot_cell_value",
    ),
]

# (file name, role, report name, model whose first record is printed)
DOCUMENTS = [
    ("08_card", "officer", "welfare_membership.report_member_card", "member"),
    (
        "09_receipt",
        "officer",
        "welfare_membership.report_contribution_receipt",
        "payment",
    ),
    (
        "10_statement",
        "admin",
        "welfare_accounting.report_welfare_statement",
        "statement",
    ),
]


class Session:
    def __init__(self, url, db, login):
        self.url = url
        self.http = requests.Session()
        reply = self.http.post(
            f"{url}/web/session/authenticate",
            json={"params": {"db": db, "login": login, "password": login}},
            timeout=60,
        ).json()
        if "result" not in reply:
            sys.exit(f"cannot log in as {login}: {reply.get('error')}")

    def call(self, model, method, *args, **kwargs):
        reply = self.http.post(
            f"{self.url}/web/dataset/call_kw",
            json={
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                }
            },
            timeout=120,
        ).json()
        if "error" in reply:
            sys.exit(f"{model}.{method}: {reply['error']['data']['message']}")
        return reply["result"]

    def first(self, model, domain, order=None):
        kwargs = {"limit": 1}
        if order:
            kwargs["order"] = order
        ids = self.call(model, "search", domain, **kwargs)
        return ids[0] if ids else None

    @property
    def cookie(self):
        return self.http.cookies.get("session_id")


class Browser:
    """Headless Chromium driven over its DevTools websocket."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="welfare-shots-")
        binary = next(
            (
                b
                for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)
            ),
            None,
        )
        if not binary:
            sys.exit("chromium not found")
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        for _ in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        pages = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120)
        self.next_id = 0

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def shoot_screen(self, url, path, session, selector, wait=2.0):
        """A picture of a web client screen as the user of ``session`` sees it."""
        self.send("Network.enable")
        self.send("Network.clearBrowserCookies")
        self.send("Network.setCookie", name="session_id", value=session.cookie, url=url)
        width, height = DESKTOP
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.send("Page.navigate", url=url)
        check = f"!!document.querySelector({json.dumps(selector)})"
        deadline = time.time() + 90
        while time.time() < deadline:
            ready = self.send("Runtime.evaluate", expression=check, returnByValue=True)
            if ready.get("result", {}).get("value"):
                break
            time.sleep(0.5)
        else:
            print(f"  {path.name}: {selector} not shown within 90 s", file=sys.stderr)
        time.sleep(wait)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        shrink(path)

    def shoot(self, url, path, size, wait=2.0):
        """A picture of a public page (no session) at the given screen size."""
        self.send("Network.enable")
        self.send("Network.clearBrowserCookies")
        width, height = size
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=size == PHONE,
        )
        self.send("Page.navigate", url=url)
        check = f"location.href.startsWith({json.dumps(url)})"
        check += " && document.readyState === 'complete'"
        deadline = time.time() + 60
        while time.time() < deadline:
            ready = self.send("Runtime.evaluate", expression=check, returnByValue=True)
            if ready.get("result", {}).get("value"):
                break
            time.sleep(0.5)
        time.sleep(wait)
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        shrink(path)

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def shrink(path, colours=96):
    """Rewrite the PNG at ``path`` with a palette of ``colours``: a screen or
    a page of text loses nothing visible and weighs a fraction."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=colours, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="welfare_demo")
    parser.add_argument("--out", default="screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    sessions = {
        role: Session(args.url, args.db, role)
        for role in ("admin", "officer", "committee", "network")
    }
    officer, admin = sessions["officer"], sessions["admin"]
    committee = sessions["committee"]
    ids = {
        "member": officer.first(
            "welfare.member", [("state", "=", "active")], order="member_number"
        ),
        # the latest collection day, else the form of a new one
        "collection": officer.first("welfare.collection", [], order="date desc")
        or "new",
        "claim": committee.first(
            "welfare.claim", [("state", "=", "submitted")], order="id"
        ),
        "payment": officer.first("welfare.contribution", [("state", "=", "confirmed")]),
        "fund": committee.first("welfare.fund", []),
    }
    if ids["fund"]:
        ids["statement"] = admin.call(
            "welfare.statement.wizard", "create", {"fund_id": ids["fund"]}
        )

    browser = Browser()
    try:
        for name, role, path, selector in SCREENS:
            try:
                path = path.format(**ids)
            except KeyError:
                continue
            if "None" in path:
                continue
            browser.shoot_screen(
                f"{args.url}{path}", out / f"{name}.png", sessions[role], selector
            )
            print(f"{name}.png")
        for name, role, report, key in DOCUMENTS:
            if not ids.get(key):
                continue
            pdf = sessions[role].http.get(
                f"{args.url}/report/pdf/{report}/{ids[key]}", timeout=300
            )
            (out / f"{name}.pdf").write_bytes(pdf.content)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(out / f"{name}.pdf"),
                    str(out / name),
                ],
                check=True,
            )
            shrink(out / f"{name}.png")
            (out / f"{name}.pdf").unlink()
            print(f"{name}.png")
        cards = officer.call(
            "welfare.member",
            "search_read",
            [("state", "in", ("active", "suspended"))],
            ["state", "card_url"],
        )
        for state in ("active", "suspended"):
            card = next((c for c in cards if c["state"] == state), None)
            if card:
                name = f"11_card_check_{state}"
                browser.shoot(card["card_url"], out / f"{name}.png", PHONE)
                print(f"{name}.png")
        if cards:
            # a card that is not valid: revoked, replaced or forged cards all
            # get the same page; a scrambled token shows it without changing
            # any card of the demo
            url = cards[0]["card_url"]
            token = url.rsplit("/", 1)[1]
            scrambled = url[: -len(token)] + token[::-1]
            browser.shoot(scrambled, out / "11_card_check_not_valid.png", PHONE)
            print("11_card_check_not_valid.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
