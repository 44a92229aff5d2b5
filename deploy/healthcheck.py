"""Container health check: GET /healthz on the local gunicorn, exit 0 only on HTTP 200.

Uses the standard library (the slim image has no curl) and sends a Host the app accepts and the
X-Forwarded-Proto the proxy would send, so that neither ALLOWED_HOSTS nor the HTTPS redirect
interferes.
"""

import http.client
import os
import sys

port = int(os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[1])
host = (os.environ.get("DJANGO_ALLOWED_HOSTS") or "localhost").split(",")[0].strip().lstrip(".")
if host == "*":
    host = "localhost"

try:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=4)
    connection.request("GET", "/healthz", headers={"Host": host, "X-Forwarded-Proto": "https"})
    status = connection.getresponse().status
except OSError as exc:
    print(f"unhealthy: {exc}", file=sys.stderr)
    sys.exit(1)
print(f"/healthz answered {status}")
sys.exit(0 if status == 200 else 1)
