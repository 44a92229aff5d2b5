"""`make loadtest`: wrk on loopback against the app, nginx's cache, a static ceiling and Datasette.

Everything listens on 127.0.0.1 only, every wrk run is short, and every process this script starts
is stopped by its own id when it ends. The table goes into the "Load" section of docs/benchmarks.md;
the exit status is 1 when any request failed (non-2xx included) or a target ratio was missed.
"""

import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loadtest import datasette_db, nginx_config, report  # noqa: E402
from loadtest.load_database import analyze, database_url, ensure_postgres_database  # noqa: E402

HOST = "127.0.0.1"
APP_PORT, CACHE_PORT, CEILING_PORT, DATASETTE_PORT, UNCACHED_PORT = 8041, 8042, 8043, 8044, 8045
DEAD_DATABASE_PORT = 8046
WORK = Path(os.environ.get("LOADTEST_WORKDIR", "/tmp/archive-loadtest"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "10"))
# Rounds of the fresh pages and Datasette, in turns: on a shared machine a busy moment can spoil
# two rounds in three of one page, and the median of five outlasts that.
ROUNDS = int(os.environ.get("LOADTEST_ROUNDS", "5"))
THREADS, CONNECTIONS = 2, 32
GUNICORN_WORKERS = os.environ.get("LOADTEST_GUNICORN_WORKERS", "4")
GUNICORN_THREADS = os.environ.get("LOADTEST_GUNICORN_THREADS", "2")
DATASETTE = Path(os.environ.get("DATASETTE", "/tmp/archive-loadtest-venv/bin/datasette"))
BIN = Path(sys.executable).parent

# (name, path on the app, file name of its saved copy for the ceiling); the signatory page's
# path is the first signatory's, found when the app is up.
PAGES = [
    ("letter", "/", "letter.html"),
    ("directory", "/signatories/", "directory.html"),
    ("search page", "/signatories/?q=tibet", "search.html"),
    ("signatory page", "", "signatory.html"),
    ("search API", "/api/signatories?q=tibet", "search.json"),
]
DATASETTE_PAGES = [
    ("table page", "/archive/signatories"),
    ("search JSON", "/archive/signatories.json?_search=tibet*&_searchmode=raw"),
]


@dataclass
class Run:
    target: str
    server: str
    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def log(message: str) -> None:
    print(f"[loadtest] {message}", flush=True)


def production_env(db_url: str, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=db_url,
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback
        APP_RELEASE="loadtest",
        GUNICORN_ACCESS_LOG="",
        GUNICORN_WORKERS=GUNICORN_WORKERS,
        GUNICORN_THREADS=GUNICORN_THREADS,
        # Recycling a worker drops wrk's keep-alive connections (a read error): not mid-run.
        GUNICORN_MAX_REQUESTS=os.environ.get("LOADTEST_GUNICORN_MAX_REQUESTS", "1000000"),
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def wait_until_up(url: str, process: subprocess.Popen, seconds: int = 60, status: int = 200):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            if get(url)[0] == status:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer {status} within {seconds} s")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


class Processes:
    """The servers this run started; each is stopped by its own process id."""

    def __init__(self):
        self.started: list[subprocess.Popen] = []

    def start(self, args: list, log_name: str, **kwargs) -> subprocess.Popen:
        output = open(WORK / log_name, "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT, **kwargs)
        self.started.append(process)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        process.terminate()
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in reversed(self.started):
            if process.poll() is None:
                process.terminate()
        for process in self.started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wrk(target: str, server: str, url: str, expect: int | None = None, seconds=SECONDS) -> Run:
    args = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    args += ["-s", str(ROOT / "loadtest" / "status.lua"), url]
    if expect is not None:
        args += ["--", str(expect)]
    output = subprocess.run(args, capture_output=True, text=True, check=True, timeout=seconds + 60)
    match = re.search(r"^RESULT (.*)$", output.stdout, re.M)
    if not match:
        raise RuntimeError(f"wrk printed no result for {url}:\n{output.stdout}{output.stderr}")
    fields = {k: int(v) for k, v in (pair.split("=") for pair in match.group(1).split())}
    errors = sum(fields[k] for k in ("unexpected", "connect", "read", "write", "timeout"))
    run = Run(
        target=target,
        server=server,
        url=urlunsplit(("", "", *urlsplit(url)[2:])),
        requests_per_second=fields["requests"] / (fields["duration_us"] / 1e6),
        p50_ms=fields["p50_us"] / 1000,
        p99_ms=fields["p99_us"] / 1000,
        errors=errors,
    )
    log(f"{server:<28} {target:<12} {run.requests_per_second:9.0f} req/s  errors {errors}")
    return run


def request(url: str, method: str = "GET", headers: dict | None = None):
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, method=method, headers=headers or {}), timeout=30
        ) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def check_front(front: str) -> list[str]:
    """What the cache in front must do, checked through it; returns what went wrong."""
    problems = []
    status, headers = request(front + "/signatories/")
    etag = headers.get("ETag", "")
    status, _ = request(front + "/signatories/", headers={"If-None-Match": etag})
    if status != 304:
        problems.append(f"If-None-Match with the page's ETag answered {status}, not 304")
    for method in ("POST", "PUT", "DELETE"):
        status, headers = request(front + "/signatories/", method=method)
        if status != 405 or headers.get("X-Cache-Status") == "HIT":
            problems.append(f"{method} answered {status} ({headers.get('X-Cache-Status')})")
    for _ in range(2):
        status, headers = request(front + "/admin/login/")
    if status != 200 or headers.get("X-Cache-Status") == "HIT":
        problems.append(f"the admin was served from the cache ({status})")
    if "no-store" not in headers.get("Cache-Control", ""):
        problems.append("the admin's answer is not no-store")
    status, headers = request(front + "/signatories/", method="HEAD")
    if status != 200 or "Content-Security-Policy" not in headers:
        problems.append(f"HEAD answered {status} or lost the security headers")
    return problems


def check_tls_config() -> None:
    """`nginx -t` on deploy/nginx.conf as deployed (TLS), with a throwaway self-signed cert."""
    workdir = WORK / "nginx-tls-check"
    conf = nginx_config.write_checked_tls_variant(workdir)
    subprocess.run(["nginx", "-t", "-q", "-p", str(workdir), "-c", str(conf)], check=True)
    log("deploy/nginx.conf passes nginx -t (TLS variant, self-signed certificate)")


def main() -> int:
    WORK.mkdir(parents=True, exist_ok=True)
    for tool in ("wrk", "nginx", "openssl"):
        if not shutil.which(tool):
            log(f"{tool} is not installed (apt-get install {tool})")
            return 2
    if not DATASETTE.exists():
        log(f"Datasette is not at {DATASETTE} (make loadtest installs it)")
        return 2
    check_tls_config()

    db_url = database_url(WORK)
    if db_url.startswith("postgres"):
        ensure_postgres_database(db_url)
    env = production_env(db_url)
    log(f"database: {db_url.split('@')[-1]}")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_letter", "--verbosity", "0")
    if db_url.startswith("postgres"):
        analyze(db_url)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")

    processes = Processes()
    try:
        return measure(processes, db_url)
    finally:
        processes.stop_all()


def measure(processes: Processes, db_url: str) -> int:
    started = report.start()
    app_url = f"http://{HOST}:{APP_PORT}"
    gunicorn = [str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "config.wsgi"]
    app = processes.start(
        gunicorn,
        "gunicorn.log",
        cwd=ROOT,
        env=production_env(db_url, GUNICORN_BIND=f"{HOST}:{APP_PORT}"),
    )
    uncached = processes.start(
        gunicorn,
        "gunicorn-uncached.log",
        cwd=ROOT,
        env=production_env(
            db_url, GUNICORN_BIND=f"{HOST}:{UNCACHED_PORT}", DJANGO_RESPONSE_CACHE="0"
        ),
    )
    wait_until_up(f"{app_url}/healthz", app)
    wait_until_up(f"http://{HOST}:{UNCACHED_PORT}/healthz", uncached)
    first = urlsplit(datasette_db.fetch_signatories(app_url, first_only=True)[0]["url"]).path
    pages = [(name, path or first, file) for name, path, file in PAGES]

    ceiling_root = WORK / "ceiling"
    ceiling_root.mkdir(exist_ok=True)
    for name, path, file_name in pages:
        status, body, _ = get(app_url + path)
        if status != 200:
            log(f"{name} ({path}) answered {status}: not measuring")
            return 1
        (ceiling_root / file_name).write_bytes(body)

    nginx_dir = WORK / "nginx"
    shutil.rmtree(nginx_dir, ignore_errors=True)
    (nginx_dir / "logs").mkdir(parents=True)
    text = nginx_config.localized(
        nginx_config.PRODUCTION_CONF.read_text(),
        workdir=nginx_dir,
        upstream=f"{HOST}:{APP_PORT}",
    )
    # wrk measures throughput from one address: the per-client rate limits would measure them.
    text = nginx_config.loopback(
        text, port=CACHE_PORT, ceiling_port=CEILING_PORT, ceiling_root=ceiling_root, unlimited=HOST
    )
    conf = nginx_dir / "nginx.conf"
    conf.write_text(text)
    nginx = processes.start(
        ["nginx", "-p", str(nginx_dir), "-c", str(conf), "-g", "daemon off;"], "nginx.log"
    )
    wait_until_up(f"http://{HOST}:{CEILING_PORT}/letter.html", nginx)
    for name, path, _ in pages:
        get(f"http://{HOST}:{CACHE_PORT}{path}")
        status, _, headers = get(f"http://{HOST}:{CACHE_PORT}{path}")
        if status != 200 or headers.get("X-Cache-Status") != "HIT":
            log(
                f"{name} is not served from nginx's cache ({status}, {headers.get('X-Cache-Status')})"
            )
            return 1

    problems = check_front(f"http://{HOST}:{CACHE_PORT}")
    for problem in problems:
        log(f"FAIL through nginx: {problem}")
    if problems:
        return 1
    log("through nginx: 304s, GET/HEAD only, admin and refusals never cached")

    count = datasette_db.build(WORK / "archive.db", datasette_db.fetch_signatories(app_url))
    datasette = processes.start(
        [str(DATASETTE), "serve", "--immutable", str(WORK / "archive.db")]
        + ["-h", HOST, "-p", str(DATASETTE_PORT), "--setting", "default_page_size", "50"],
        "datasette.log",
    )
    datasette_url = f"http://{HOST}:{DATASETTE_PORT}"
    wait_until_up(datasette_url + DATASETTE_PAGES[0][1], datasette)
    log(f"Datasette serves {count} signatories with full-text search")

    runs = []
    for name, path, file_name in pages:
        runs.append(
            wrk(name, "nginx, saved copy (ceiling)", f"http://{HOST}:{CEILING_PORT}/{file_name}")
        )
        runs.append(wrk(name, "nginx cache → gunicorn", f"http://{HOST}:{CACHE_PORT}{path}"))
        runs.append(wrk(name, "gunicorn (Django)", app_url + path))
    # Fresh rendering and Datasette in turns, ROUNDS times: a busy moment on a shared machine
    # then slows one round of each, and the median round is kept (the errors of all counted).
    compared = [(n, report.FRESH, f"http://{HOST}:{UNCACHED_PORT}{p}") for n, p, _ in pages]
    compared += [(name, "Datasette", datasette_url + path) for name, path in DATASETTE_PAGES]
    seconds = max(SECONDS // 2, 1)
    rounds = [[wrk(*c, seconds=seconds) for c in compared] for _ in range(ROUNDS)]
    runs += report.median_runs(rounds)
    runs += measure_faults(processes, gunicorn, app, pages)

    ratios = report.ratios(runs, rounds)
    environment = report.environment(
        started,
        seconds=SECONDS,
        rounds=ROUNDS,
        round_seconds=max(SECONDS // 2, 1),
        threads=THREADS,
        connections=CONNECTIONS,
        workers=GUNICORN_WORKERS,
        gunicorn_threads=GUNICORN_THREADS,
        database=db_url.split(":", 1)[0],
        signatories=count,
        machine=f"{platform.machine()}, {os.cpu_count()} cores",
    )
    report.write_section(
        ROOT / "docs" / "benchmarks.md", report.markdown(runs, ratios, environment)
    )
    log("wrote the Load section of docs/benchmarks.md")

    failed = [r for r in runs if r.errors]
    missed = [r for r in ratios if not r.met]
    for run in failed:
        log(f"FAIL: {run.errors} failed requests on {run.server} {run.url}")
    for ratio in missed:
        rounds = f"; rounds {report.described_rounds(ratio)}" if ratio.rounds else ""
        log(f"FAIL: {ratio.name} is {ratio.value:.2f}, target ≥ {ratio.target}{rounds}")
    if failed or missed:
        return 1
    log("zero errors; every target ratio met")
    return 0


def measure_faults(
    processes: Processes, gunicorn: list[str], app: subprocess.Popen, pages: list
) -> list[Run]:
    """The database down (the app must answer 503, fast), then the app down (the cache answers)."""
    dead_database = f"postgres://archive@{HOST}:{closed_port()}/archive"
    broken = processes.start(
        gunicorn,
        "gunicorn-dead-database.log",
        cwd=ROOT,
        env=production_env(dead_database, GUNICORN_BIND=f"{HOST}:{DEAD_DATABASE_PORT}"),
    )
    wait_until_up(f"http://{HOST}:{DEAD_DATABASE_PORT}/healthz", broken, status=503)
    runs = [
        wrk(name, "gunicorn, database down (503)", f"http://{HOST}:{DEAD_DATABASE_PORT}{path}", 503)
        for name, path, _ in pages[:2]
    ]
    processes.stop(app)
    runs += [
        wrk(name, "nginx cache, app stopped", f"http://{HOST}:{CACHE_PORT}{path}")
        for name, path, _ in pages
    ]
    return runs


if __name__ == "__main__":
    sys.exit(main())
