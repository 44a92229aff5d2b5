# The two set-up commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Python 3.13 through pyenv (.python-version), else whatever python3.13 is on PATH.
PYTHON ?= $(shell pyenv which python 2>/dev/null || command -v python3.13 || echo python3)
PG_URL ?= postgres://postgres@127.0.0.1:5432/archive
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint test-sqlite test-postgres postgres system-deps check-deploy bench loadtest loadtest-tools chaos clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 13), sys.version'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_letter
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Debian's packages the tests drive: Chromium for the browser tests (nothing downloads a browser),
# nginx and openssl to check deploy/nginx.conf, and the fonts the intake tests draw PDFs with.
TEST_PACKAGES := chromium nginx openssl fonts-dejavu-core fonts-droid-fallback
TEST_FONTS := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
system-deps:
	@missing=""; for tool in chromium nginx openssl; do \
	  PATH="$$PATH:/usr/sbin:/sbin" command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	for font in $(TEST_FONTS); do [ -f $$font ] || missing="$$missing $$font"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_PACKAGES) >/dev/null; \
	fi

# Start the local PostgreSQL cluster when it is down (CI machines start it, but be sure).
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -1) main start 2>/dev/null; \
	  for i in $$(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=ci-check-deploy-$$(date +%s)-a-long-random-enough-secret-value-xyz \
	  DJANGO_ALLOWED_HOSTS=archive.example.org DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/db.sqlite3} \
	  $(BIN)/python manage.py check --deploy --fail-level WARNING

test-sqlite: install system-deps
	$(BIN)/pytest -q

test-postgres: install system-deps postgres
	@if pg_isready -q -h 127.0.0.1 -p 5432; then \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -q; \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL is not reachable on 127.0.0.1:5432 and CI=true: failing." >&2; exit 1; \
	else \
	  echo "PostgreSQL is not reachable on 127.0.0.1:5432: skipping the PostgreSQL run." >&2; \
	fi

test: lint check-deploy test-sqlite test-postgres

# Load test on loopback only (loadtest/run.py; a few minutes): wrk against gunicorn with production
# settings, nginx's cache and a static ceiling, and Datasette (pinned, in its own venv) as reference.
DATASETTE_VENV ?= /tmp/archive-loadtest-venv
DATASETTE_VERSION := 0.65.5

$(DATASETTE_VENV)/.datasette-$(DATASETTE_VERSION):
	$(PYTHON) -m venv $(DATASETTE_VENV)
	$(DATASETTE_VENV)/bin/python -m pip install --quiet datasette==$(DATASETTE_VERSION)
	touch $@

loadtest-tools:
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null; fi; }

loadtest: install postgres loadtest-tools $(DATASETTE_VENV)/.datasette-$(DATASETTE_VERSION)
	DATASETTE=$(DATASETTE_VENV)/bin/datasette $(BIN)/python loadtest/run.py

# Fault-and-attack drill (loadtest/chaos.py; a few minutes, loopback only, not part of `make test`):
# worker memory under junk query parameters, the admin lockout behind nginx, a paused PostgreSQL
# (SIGSTOP of the drill database's own backends only, always resumed; needs root or the postgres
# user), admin saves during imports on SQLite. Writes the "Chaos" section of docs/benchmarks.md.
CHAOS_PG_URL ?= postgres://postgres@127.0.0.1:5432/archive_chaos

chaos: install postgres system-deps
	CHAOS_PG_URL=$(CHAOS_PG_URL) $(BIN)/python loadtest/chaos.py

# Search benchmark (bench/search_bench.py; ~15 min on 2 cores): synthetic multilingual names at
# 10k, 100k and 1M in throw-away databases, never the development one; writes the "Search" section
# of docs/benchmarks.md.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/archive_bench
BENCH_SQLITE_URL ?= sqlite:////tmp/archive_bench.sqlite3

bench: install postgres
	BENCH_PG_URL=$(BENCH_PG_URL) BENCH_SQLITE_URL=$(BENCH_SQLITE_URL) $(BIN)/python bench/search_bench.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
