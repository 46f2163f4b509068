"""A small client of Odoo's external API (``/jsonrpc``), standard library only."""

import json
import urllib.error
import urllib.request


class RpcError(Exception):
    """The province answered with an error, or could not be reached."""


class JsonRpcClient:
    """Logs in with an API key and reads records; counts the bytes it moves."""

    def __init__(self, url, database, login, key, timeout=60):
        self.url = url.rstrip("/") + "/jsonrpc"
        self.database = database
        self.login = login
        self.key = key
        self.timeout = timeout
        self.uid = None
        self.bytes_sent = 0
        self.bytes_received = 0
        self._id = 0

    def _call(self, service, method, *args):
        self._id += 1
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "id": self._id,
                "params": {"service": service, "method": method, "args": list(args)},
            }
        ).encode("utf-8")
        request = urllib.request.Request(
            self.url,
            data=body,
            headers={"Content-Type": "application/json", "Accept-Encoding": "identity"},
        )
        self.bytes_sent += len(body)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read()
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise RpcError(str(getattr(error, "reason", error))) from error
        self.bytes_received += len(raw)
        try:
            answer = json.loads(raw)
        except ValueError as error:
            raise RpcError("not a JSON-RPC answer") from error
        if answer.get("error"):
            data = answer["error"].get("data") or {}
            raise RpcError(data.get("message") or answer["error"].get("message"))
        return answer.get("result")

    def authenticate(self):
        self.uid = self._call(
            "common", "authenticate", self.database, self.login, self.key, {}
        )
        if not self.uid:
            raise RpcError("login refused")
        return self.uid

    def execute(self, model, method, args, kwargs=None):
        return self._call(
            "object",
            "execute_kw",
            self.database,
            self.uid,
            self.key,
            model,
            method,
            args,
            kwargs or {},
        )

    def search_read_all(self, model, domain, fields, order, page=2000):
        """Every matching record, ``page`` at a time."""
        rows, offset = [], 0
        while True:
            batch = self.execute(
                model,
                "search_read",
                [domain],
                {
                    "fields": list(fields),
                    "order": order,
                    "offset": offset,
                    "limit": page,
                },
            )
            rows.extend(batch)
            if len(batch) < page:
                return rows
            offset += page
