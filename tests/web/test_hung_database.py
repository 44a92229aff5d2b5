"""A database that stops answering costs each request seconds: pages and /healthz answer 503 in
time, static files and 404s do not need the database, and gunicorn ends a request that hangs.

The database is tests/hung_postgres.py: a server that lets clients connect, then never answers.
"""

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.db import connection as django_connection
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from tests.web.hung_postgres import HungPostgres
from tests.web.test_settings import ROOT, manage, production_env
from web.database_deadline import DeadlineConnection, database_deadline, hung_database

PAGES = ["/", "/signatories/", "/signatories/?q=tibet", "/api/signatories?q=tibet", "/sources/"]

TIMED_REQUESTS = """
import json, sys, time
import django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(raise_request_exception=False)
client.get("/no-such-page/", headers={"X-Forwarded-Proto": "https"})  # untimed: loads the code
out = []
for url in json.loads(sys.argv[1]):
    if url == "STATIC":
        manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())
        url = "/static/" + manifest["paths"]["css/site.css"]
    started = time.monotonic()
    response = client.get(url, headers={"X-Forwarded-Proto": "https"})
    out.append({"url": url, "status": response.status_code, "seconds": time.monotonic() - started})
print(json.dumps(out))
"""


def timed_requests(env: dict, urls: list[str]) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-c", TIMED_REQUESTS, json.dumps(urls)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("hung")
    result = manage(production_env(tmp_path), "collectstatic", "--noinput", "--verbosity", "0")
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_a_query_the_database_never_answers_ends_at_the_deadline(hung_state):
    with HungPostgres() as server:
        connection = DeadlineConnection.connect(
            host="127.0.0.1", port=server.port, user="archive", dbname="archive"
        )
        started = time.monotonic()
        with database_deadline(0.5), pytest.raises(psycopg.OperationalError):
            connection.execute("SELECT 1")

        assert 0.4 <= time.monotonic() - started < 2
        assert connection.closed


@pytest.fixture
def hung_state():
    """This process's idea of whether the database is hung, reset around the test."""
    hung_database.settle("answered")
    yield hung_database
    hung_database.settle("answered")


def connect(server: HungPostgres) -> DeadlineConnection:
    return DeadlineConnection.connect(
        host="127.0.0.1", port=server.port, user="archive", dbname="archive"
    )


def probe(connection: DeadlineConnection) -> None:
    with database_deadline(1), pytest.raises(psycopg.OperationalError):
        connection.execute("SELECT 1")


def test_once_the_database_hung_one_request_checks_and_the_others_give_up_at_once(hung_state):
    with HungPostgres() as server:
        first, other = connect(server), connect(server)
        with database_deadline(0.3), pytest.raises(psycopg.OperationalError):
            first.execute("SELECT 1")  # runs out: the database counts as hung
        probing = threading.Thread(target=probe, args=(connect(server),))
        probing.start()
        time.sleep(0.2)

        started = time.monotonic()
        with database_deadline(5), pytest.raises(psycopg.OperationalError, match="checking"):
            other.execute("SELECT 1")
        gave_up_after = time.monotonic() - started
        probing.join()

    assert gave_up_after < 0.2
    assert hung_state.hung  # the probe ran out too


@pytest.mark.parametrize(
    "answer_startup", [True, False], ids=["hangs-on-queries", "hangs-on-connect"]
)
def test_every_request_is_answered_in_time_while_the_database_hangs(
    collected_static, answer_startup
):
    with HungPostgres(answer_startup=answer_startup) as server:
        env = production_env(
            collected_static,
            DATABASE_URL=server.url,
            DJANGO_DB_REQUEST_TIMEOUT="1",
            DJANGO_DB_CONNECT_TIMEOUT="2",
        )
        answers = timed_requests(env, [*PAGES, "/healthz", "STATIC", "/no-such-page/"])

    *pages, health, static, missing = answers
    # The 1 s budget, or libpq's 2 s connect timeout, and room for a loaded machine: far from the
    # pause itself, which the requests never see the end of.
    budget = 2.0 if answer_startup else 3.5
    for page in pages:
        assert (page["status"], page["url"]) == (503, page["url"])
        assert page["seconds"] < budget, page
    assert health["status"] == 503 and health["seconds"] < budget
    assert static["status"] == 200 and static["seconds"] < 0.5
    assert missing["status"] == 404 and missing["seconds"] < 0.5
    if answer_startup:
        assert server.queries_received >= 1  # the pages did reach the database, which hung


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_ends_a_request_that_hangs_and_keeps_serving(collected_static):
    """With the app's own deadline off, gunicorn's request timeout is the backstop."""
    port = free_port()
    with HungPostgres() as server:
        env = production_env(
            collected_static,
            DATABASE_URL=server.url,
            DJANGO_DB_REQUEST_TIMEOUT="0",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS="1",
            GUNICORN_THREADS="2",
            GUNICORN_REQUEST_TIMEOUT="2",
            GUNICORN_ACCESS_LOG="",
        )
        gunicorn = Path(sys.executable).parent / "gunicorn"
        process = subprocess.Popen(
            [str(gunicorn), "--config", "deploy/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        unanswered = None
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(lambda: get(base + "/no-such-page/") == 404, process)
            started = time.monotonic()
            with pytest.raises((urllib.error.URLError, ConnectionError, OSError)):
                get(base + "/signatories/", timeout=20)
            ended_after = time.monotonic() - started
            wait_for(lambda: get(base + "/no-such-page/") == 404, process)
        except NoAnswer as error:
            unanswered = error  # reported below, with what gunicorn printed
        finally:
            process.terminate()
            try:
                output = process.communicate(timeout=40)[0]
            except subprocess.TimeoutExpired:
                process.kill()
                output = process.communicate()[0]

    assert unanswered is None, f"{unanswered}; gunicorn printed:\n{output}"
    assert 2 <= ended_after < 8, output
    assert "A request has run for more than 2 s" in output


def get(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoAnswer(AssertionError):
    pass


def wait_for(condition, process: subprocess.Popen | None = None, seconds: float = 30) -> None:
    """Until `condition()` holds; fails after `seconds`, or at once when `process` has exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        if process is not None and process.poll() is not None:
            raise NoAnswer(f"gunicorn exited with status {process.returncode}")
        time.sleep(0.2)
    raise NoAnswer(f"gunicorn did not answer in {seconds:g} s")


def computes_then_queries(request):
    time.sleep(0.4)  # a password hash, a long render: time that is not spent waiting
    with django_connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return HttpResponse(str(cursor.fetchone()[0]))


urlpatterns = [path("slow/", computes_then_queries)]


@pytest.mark.skipif(django_connection.vendor != "postgresql", reason="the PostgreSQL backend")
@pytest.mark.urls(__name__)
@override_settings(DATABASE_REQUEST_TIMEOUT=0.2)
def test_only_time_spent_waiting_on_the_database_counts(client, db, hung_state):
    response = client.get("/slow/")

    assert (response.status_code, response.content) == (200, b"1")
