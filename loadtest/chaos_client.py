"""What the fault-and-attack drill (loadtest/chaos.py) uses to act and to measure: an HTTP client
with cookies, CSRF and a chosen source address, and a process's resident memory."""

from __future__ import annotations

import http.client
import re
import time
from pathlib import Path
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    """A browser-like client of one server: keeps its cookies, sends the form's CSRF token, and
    connects from `source` (any 127.x.y.z on Linux), so that nginx sees another address."""

    def __init__(self, host: str, port: int, *, source: str = "127.0.0.1", headers=None):
        self.host, self.port, self.source = host, port, source
        self.cookies: dict[str, str] = {}
        self.headers = dict(headers or {})

    def request(self, method: str, path: str, body: dict | None = None, headers=None):
        """(status, headers, body text, seconds); redirects are not followed."""
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=60, source_address=(self.source, 0)
        )
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), text, time.monotonic() - started

    def get(self, path: str, headers=None):
        return self.request("GET", path, headers=headers)

    def submit(self, path: str, fields: dict, headers=None, *, token: str = ""):
        """POST `fields` to the form at `path`, with its CSRF token (read from the form unless
        given: a locked-out login page has no form)."""
        if not token:
            status, _, page, _ = self.get(path, headers=headers)
            found = CSRF_FIELD.search(page)
            if found is None:
                raise RuntimeError(f"no CSRF token in {path} (status {status})")
            token = found.group(1)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **fields}, headers)

    def form_token(self, path: str) -> str:
        found = CSRF_FIELD.search(self.get(path)[2])
        if found is None:
            raise RuntimeError(f"no CSRF token in {path}")
        return found.group(1)

    def login(self, username: str, password: str, *, token: str = "") -> int:
        fields = {"username": username, "password": password, "next": "/admin/"}
        return self.submit("/admin/login/?next=/admin/", fields, token=token)[0]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def children(pid: int) -> list[int]:
    """The child processes of `pid` (gunicorn's workers of its master)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found
