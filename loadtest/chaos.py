"""`make chaos`: the fault-and-attack drill of issue 14, replayed on loopback with bounded loops.

Against gunicorn with production settings (and nginx with deploy/nginx.conf where the attack
goes through it): worker memory over 2,000 junk-parameter requests; the curator's login after an
attacker's five failures from another address; the time to an answer with PostgreSQL paused (only
the chaos database's own backends, always resumed); admin saves during imports on SQLite, and
imports at once. Writes the "Chaos" section of docs/benchmarks.md; exits 1 when a target is missed.
Every process it starts is stopped by its own id.
"""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loadtest import chaos_report, nginx_config  # noqa: E402
from loadtest.chaos_client import Client, children, rss_mb  # noqa: E402
from loadtest.chaos_database import ImportLoop, PausedBackends, imports_at_once  # noqa: E402
from loadtest.load_database import ensure_postgres_database  # noqa: E402
from loadtest.run import (  # noqa: E402
    HOST,
    Processes,
    closed_port,
    manage,
    production_env,
    wait_until_up,
)

WORK = Path(os.environ.get("CHAOS_WORKDIR", "/tmp/archive-chaos"))
PG_URL = os.environ.get("CHAOS_PG_URL", "postgres://postgres@127.0.0.1:5432/archive_chaos")
GUNICORN = [str(Path(sys.executable).parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py"]
PAGES = ["/", "/signatories/", "/signatories/?q=tibet", "/api/signatories?q=tibet", "/sources/"]
JUNK_REQUESTS = 2_000
MEMORY_TARGET_MB = 30
ANSWER_TARGET_SECONDS = 5
PASSWORD = "chaos drill password 1234567"
ATTACKER, CURATOR = "127.0.0.2", "127.0.0.3"


def log(message: str) -> None:
    print(f"[chaos] {message}", flush=True)


def environment(db_url: str, **extra: str) -> dict:
    return production_env(db_url, DJANGO_STATIC_ROOT=str(WORK / "static"), **extra)


def start_gunicorn(processes: Processes, env: dict, name: str, **extra: str):
    port = closed_port()
    env = {**env, "GUNICORN_BIND": f"{HOST}:{port}", **extra}
    app = processes.start(
        [*GUNICORN, "config.wsgi"], WORK / f"gunicorn-{name}.log", cwd=ROOT, env=env
    )
    wait_until_up(f"http://{HOST}:{port}/healthz", app)
    return app, port


def start_nginx(processes: Processes, app_port: int, name: str, unlimited: str = ""):
    folder = WORK / f"nginx-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "logs").mkdir(parents=True)
    port = closed_port()
    text = nginx_config.localized(
        nginx_config.PRODUCTION_CONF.read_text(), workdir=folder, upstream=f"{HOST}:{app_port}"
    )
    (folder / "nginx.conf").write_text(nginx_config.loopback(text, port=port, unlimited=unlimited))
    nginx = processes.start(
        ["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
        WORK / f"nginx-{name}.log",
    )
    wait_until_up(f"http://{HOST}:{port}/healthz", nginx)
    return nginx, port


def shell(env: dict, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    # The shell may say what it imported first: the code's own output is the last line.
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def create_curator(env: dict) -> None:
    shell(
        env,
        "from django.contrib.auth.models import User, Group;"
        "User.objects.filter(username='curator').delete();"
        f"u = User.objects.create_user('curator', password='{PASSWORD}', is_staff=True);"
        "u.groups.add(Group.objects.get(name='Curators'))",
    )


def memory(processes: Processes, env: dict) -> dict:
    """One worker's resident memory before and after junk parameters, then distinct pages."""
    app, port = start_gunicorn(
        processes, env, "memory", GUNICORN_WORKERS="1", GUNICORN_MAX_REQUESTS="1000000"
    )
    (worker,) = children(app.pid)
    client = Client(HOST, port)
    for path in [*PAGES, "/signatories.json"] * 3:
        client.get(path)
    before = rss_mb(worker)
    junk = [client.get(f"/signatories.json?junk={n}")[0] for n in range(JUNK_REQUESTS)]
    after_junk = rss_mb(worker)
    distinct = [
        client.get(f"/api/signatories?page_size={20 + n % 40}&page={1 + n // 40}")[0]
        for n in range(JUNK_REQUESTS)
    ]
    after_distinct = rss_mb(worker)
    nginx, nginx_port = start_nginx(processes, port, "memory", unlimited=HOST)
    front = Client(HOST, nginx_port)
    cache = [
        front.get(f"/signatories/?junk={n}")[1].get("X-Cache-Status") for n in range(JUNK_REQUESTS)
    ]
    processes.stop(nginx)
    processes.stop(app)
    return {
        "before": before,
        "after_junk": after_junk,
        "after_distinct": after_distinct,
        "junk_statuses": sorted(set(junk)),
        "distinct_statuses": sorted(set(distinct)),
        "nginx_cache": {status: cache.count(status) for status in sorted(set(cache), key=str)},
    }


def lockout(processes: Processes, env: dict) -> list[dict]:
    """Five wrong passwords from the attacker's address (claiming the curator's in
    X-Forwarded-For), then the curator's login from another, through nginx."""
    create_curator(env)
    runs = []
    for count in ("0", "1"):
        manage(env, "axes_reset", "--verbosity", "0")
        app, port = start_gunicorn(
            processes, env, f"lockout-{count}", DJANGO_TRUSTED_PROXY_COUNT=count
        )
        nginx, nginx_port = start_nginx(processes, port, f"lockout-{count}")
        attacker = Client(HOST, nginx_port, source=ATTACKER, headers={"X-Forwarded-For": CURATOR})
        token = attacker.form_token("/admin/login/?next=/admin/")
        failures = [attacker.login("curator", "wrong password", token=token) for _ in range(5)]
        attacker_right = attacker.login("curator", PASSWORD, token=token)
        curator = Client(HOST, nginx_port, source=CURATOR)
        runs.append(
            {
                "proxy_count": count,
                "failures": failures,
                "attacker_with_the_password": attacker_right,
                "curator": curator.login("curator", PASSWORD),
            }
        )
        processes.stop(nginx)
        processes.stop(app)
    return runs


def hung_database(processes: Processes, env: dict, static: str) -> dict:
    """Every request answered, and how fast, while the chaos database's backends are paused."""
    app, port = start_gunicorn(processes, env, "hung", GUNICORN_WORKERS="2", GUNICORN_THREADS="2")
    targets = [*PAGES, "/healthz", static, "/no-such-page/"]

    def timed(path: str) -> tuple[str, int, float]:
        try:
            status, _, _, seconds = Client(HOST, port).get(path)
        except OSError:
            return path, 0, 60.0
        return path, status, seconds

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(timed, targets * 4))  # every worker thread holds a database connection
        with PausedBackends(PG_URL) as paused:
            time.sleep(0.5)
            answers = list(pool.map(timed, targets * 4))
            stopped = len(paused.stopped)
    resumed = time.monotonic()
    wait_until_up(f"http://{HOST}:{port}/healthz", app, seconds=30)
    recovery = time.monotonic() - resumed
    processes.stop(app)
    return {"answers": answers, "backends_paused": stopped, "recovery": recovery}


def make_variant(folder: Path) -> Path:
    """The seed letter plus one more copy, so that each import between the two writes rows."""
    variant = WORK / "variant" / folder.name
    shutil.rmtree(variant.parent, ignore_errors=True)
    shutil.copytree(folder, variant)
    text = next(folder.glob("002_*.txt")).read_bytes().replace(b"FORUM-ASIA", b"Mirror")
    (variant / "mirror.txt").write_bytes(text)
    with (variant / "letter.toml").open("a") as toml:
        toml.write(
            '\n[[sources]]\nslug = "mirror"\nfile = "mirror.txt"\n'
            f'sha256 = "{hashlib.sha256(text).hexdigest()}"\ntitle = "Mirror"\n'
            'publisher = "A mirror"\nkind = "web-page"\n'
        )
    return variant


def sqlite_writes(processes: Processes, seed: Path, variant: Path, pg_env: dict) -> dict:
    """Admin saves while imports run on SQLite; then imports started together, on both."""
    database = WORK / "chaos.sqlite3"
    for path in WORK.glob("chaos.sqlite3*"):
        path.unlink()
    env = environment(f"sqlite:///{database}")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_letter", str(seed), "--verbosity", "0")
    create_curator(env)
    note = shell(
        env,
        "from curation import services; from letters.models import SourceVersion as S;"
        "services.source_set_note(source=S.objects.get(slug='pdf-text'), note='Start',"
        " reason='Chaos drill', user=None);"
        "from curation.models import SourceNote; print(SourceNote.objects.get().pk)",
    )
    app, port = start_gunicorn(processes, env, "sqlite", GUNICORN_WORKERS="2", GUNICORN_THREADS="2")
    curator = Client(HOST, port)
    assert curator.login("curator", PASSWORD) == 302, "the curator could not log in"
    change = f"/admin/curation/sourcenote/{note}/change/"
    saves = []
    with ImportLoop(env, [variant, seed]) as imports:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(imports.finished) < 6:
            n = len(saves)
            status, _, _, seconds = curator.submit(
                change, {"text": f"Chaos note {n}", "reason": f"Chaos save {n}", "evidence_url": ""}
            )
            saves.append((status, seconds))
    processes.stop(app)
    kept = json.loads(
        shell(
            env,
            "import json; from curation.models import Correction as C;"
            "print(json.dumps(list(C.objects.filter(reason__startswith='Chaos save ')"
            ".values_list('reason', flat=True))))",
        )
    )
    # The loop began with the variant: start each pair from the other folder, so it writes.
    loaded, other = (variant, seed) if len(imports.finished) % 2 else (seed, variant)
    return {
        "saves": saves,
        "kept": len(kept),
        "imports": imports.finished,
        "at_once_sqlite": imports_at_once(env, other),
        "at_once_sqlite_short_wait": imports_at_once(
            {**env, "DJANGO_DB_LOCK_TIMEOUT": "0.2"}, loaded
        ),
        "at_once_postgresql": imports_at_once(pg_env, variant),
    }


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # finally blocks resume and stop all
    WORK.mkdir(parents=True, exist_ok=True)
    if not shutil.which("nginx"):
        log("nginx is not installed (apt-get install nginx)")
        return 2
    ensure_postgres_database(PG_URL)
    env = environment(PG_URL)
    log(f"PostgreSQL database: {PG_URL.rsplit('/', 1)[1]}; work folder {WORK}")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_letter", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    hashed = json.loads((WORK / "static" / "staticfiles.json").read_text())["paths"]["css/site.css"]
    seed = ROOT / "fixtures" / "global-call-china-2020"
    processes = Processes()
    try:
        results = {"memory": memory(processes, env)}
        log("memory: done")
        results["lockout"] = lockout(processes, env)
        log("lockout: done")
        results["hung"] = hung_database(processes, env, f"/static/{hashed}")
        log("hung database: done")
        results["sqlite"] = sqlite_writes(processes, seed, make_variant(seed), env)
        log("SQLite writes: done")
    finally:
        processes.stop_all()
    section, missed = chaos_report.markdown(
        results, memory_target=MEMORY_TARGET_MB, answer_target=ANSWER_TARGET_SECONDS
    )
    chaos_report.write(ROOT / "docs" / "benchmarks.md", section)
    print(section)
    for problem in missed:
        log(f"MISSED: {problem}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
