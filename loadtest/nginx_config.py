"""Variants of deploy/nginx.conf for this machine: TLS for `nginx -t`, loopback for the load test.

Both are generated from the production file by replacing only what differs on this machine (paths,
the upstream address, the listening socket), so they check and measure the documented rules. A
replacement that no longer finds its text fails loudly rather than test something else.
"""

import re
import subprocess
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
PRODUCTION_CONF = DEPLOY / "nginx.conf"


def replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"deploy/nginx.conf changed: expected {old!r} exactly once")
    return text.replace(old, new)


def localized(text: str, *, workdir: Path, upstream: str) -> str:
    """The production config with its paths under `workdir` and its upstream at `upstream`."""
    text = replace_once(text, "pid /tmp/nginx.pid;", f"pid {workdir}/nginx.pid;")
    text = text.replace("/var/log/nginx/", f"{workdir}/logs/")
    text = replace_once(text, "/var/cache/nginx/archive", f"{workdir}/cache")
    text = text.replace("/etc/nginx/tls/", f"{workdir}/tls/")
    text = replace_once(text, "server app:8000", f"server {upstream}")
    text = replace_once(text, "alias /etc/nginx/errors/;", f"alias {DEPLOY}/errors/;")
    text = replace_once(
        text,
        "include nginx-security-headers.conf;",
        f"include {DEPLOY}/nginx-security-headers.conf;",
    )
    return replace_once(
        text, "include nginx-archive.conf;", f"include {DEPLOY}/nginx-archive.conf;"
    )


def loopback(
    text: str,
    *,
    port: int,
    ceiling_port: int | None = None,
    ceiling_root: Path | None = None,
    unlimited: str = "",
) -> str:
    """Plain HTTP on 127.0.0.1:`port`, no redirect server, plus a static 'ceiling' server (when
    `ceiling_port` is given); requests from the address `unlimited` skip the rate limits."""
    if unlimited:
        text = replace_once(
            text,
            "    geo $archive_unlimited {\n        default 0;\n",
            f"    geo $archive_unlimited {{\n        default 0;\n        {unlimited} 1;\n",
        )
    redirect_server = re.compile(r"\n    server \{\n        listen 80;.*?\n    \}\n", re.S)
    text, found = redirect_server.subn("\n", text)
    if found != 1:
        raise ValueError("deploy/nginx.conf changed: expected one port-80 redirect server")
    text = replace_once(
        text, "        listen 443 ssl http2;\n", f"        listen 127.0.0.1:{port};\n"
    )
    text = replace_once(text, "        listen [::]:443 ssl http2;\n", "")
    text = re.sub(r"\n        ssl_[^\n]*", "", text)
    if ceiling_port is None:
        return text
    ceiling = f"""
    # The ceiling: the same pages saved as files, served by nginx without the app.
    server {{
        listen 127.0.0.1:{ceiling_port};
        root {ceiling_root};
        types {{ text/html html; application/json json; }}
        location / {{ try_files $uri =404; }}
    }}
}}
"""
    return text.rstrip().removesuffix("}") + ceiling


def write_checked_tls_variant(workdir: Path) -> Path:
    """The TLS config as deployed, with local paths and a self-signed certificate, for `nginx -t`."""
    for folder in ("logs", "tls"):
        (workdir / folder).mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    text = localized(PRODUCTION_CONF.read_text(), workdir=workdir, upstream="127.0.0.1:8041")
    conf.write_text(text)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=archive.example.org", "-keyout", str(workdir / "tls/privkey.pem")]
        + ["-out", str(workdir / "tls/fullchain.pem")],
        check=True,
        capture_output=True,
    )
    return conf
