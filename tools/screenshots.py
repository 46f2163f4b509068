#!/usr/bin/env python3
"""Take a picture of the printed documents and the public pages of a running demo.

  tools/screenshots.py [--url http://127.0.0.1:8069] [--db welfare_demo] [--out DIR]

Logs in as the demo roles, downloads the PDFs as the web client's Print menu
does (member cards, a receipt, the receipts and payments statement) and turns
their first page into a PNG with pdftoppm; takes the public card check page
of a valid and of a suspended card on a phone-sized screen in headless
Chromium (driven through its DevTools protocol). A reviewer can then look at
what people see without running the product. Needs: a server started by
bin/run, chromium, pdftoppm (poppler-utils), and the Python packages requests
and websocket-client.
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

PHONE = (390, 844)

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

    def first(self, model, domain):
        ids = self.call(model, "search", domain, limit=1)
        return ids[0] if ids else None


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

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


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
    ids = {
        "member": officer.first("welfare.member", [("state", "=", "active")]),
        "collection": officer.first("welfare.collection", []),
        "claim": officer.first("welfare.claim", []),
        "payment": officer.first("welfare.contribution", [("state", "=", "confirmed")]),
        "fund": admin.first("welfare.fund", []),
    }
    if ids["fund"]:
        ids["statement"] = admin.call(
            "welfare.statement.wizard", "create", {"fund_id": ids["fund"]}
        )

    browser = Browser()
    try:
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
                    "60",
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
    finally:
        browser.close()


if __name__ == "__main__":
    main()
