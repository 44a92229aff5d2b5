"""A real nginx running deploy/nginx.conf on loopback, in front of a stand-in for the app.

The stand-in answers every request 200 with `Cache-Control: public` and the request target as
its body, and remembers what it was asked, so that tests see what nginx passed on, what it
cached and under which key. Used by tests/test_nginx_front.py.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from loadtest import nginx_config

NGINX = shutil.which("nginx", path="/usr/sbin:/usr/bin:/sbin:/bin")


class StandInApp(BaseHTTPRequestHandler):
    requests: list[str]  # set on the server's handler class

    def do_GET(self):
        self.requests.append(self.path)
        body = self.path.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Cache-Control", "public, max-age=300")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NginxFront:
    """nginx on 127.0.0.1:`port` with deploy/nginx.conf's rules; `upstream_alive=False` points
    it at a port where nothing listens, as when the app is down."""

    def __init__(self, workdir: Path, *, upstream_alive: bool = True):
        self.workdir = workdir
        self.port = free_port()
        self.requests: list[str] = []
        handler = type("Handler", (StandInApp,), {"requests": self.requests})
        self.app = ThreadingHTTPServer(("127.0.0.1", 0), handler) if upstream_alive else None
        upstream_port = self.app.server_address[1] if self.app else free_port()
        (workdir / "logs").mkdir(parents=True, exist_ok=True)
        text = nginx_config.localized(
            nginx_config.PRODUCTION_CONF.read_text(),
            workdir=workdir,
            upstream=f"127.0.0.1:{upstream_port}",
        )
        self.conf = workdir / "nginx.conf"
        self.conf.write_text(nginx_config.loopback(text, port=self.port))

    def __enter__(self) -> NginxFront:
        if self.app:
            threading.Thread(target=self.app.serve_forever, daemon=True).start()
        # As root, nginx's workers would run as nobody, who cannot enter pytest's folders.
        globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.workdir), "-c", str(self.conf), "-g", globals_],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError(f"nginx did not start: {self.process.communicate()[1].decode()}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        if self.app:
            self.app.shutdown()
            self.app.server_close()

    def get(self, target: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
        """GET `target` exactly as written (no encoding): status, headers, body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest("GET", target, skip_accept_encoding=True)
            for name, value in (headers or {}).items():
                connection.putheader(name, value)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()
