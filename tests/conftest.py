"""Shared fixtures: the real seed letter loaded through the one import path.

Loading the seeds takes about a second; hundreds of tests need them. So the seeds are loaded once
per test session through `load_letters` (inside a transaction that is rolled back), every row that
load wrote is kept in memory, and `seeded` writes those rows back for each test that asks for it:
the same data, in a fraction of the time. Tests of the importer itself call `load_letters`.

The curation shipped with the letter (its folder's curation.toml, which `load_letter` applies as
logged corrections) is left out of every load unless a test asks for it (`with_shipped_curation`,
or `shipped_curation` for the seed letter with it applied):
most tests, curators' above all, start from the letter as imported, with an empty corrections log.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connection, transaction
from factory.django import mute_signals

from curation.shipped import apply_shipped_curation
from intake.importer import ImportReport, load_letters
from intake.signals import letter_loaded
from letters.models import Letter
from letters.reference import stored_hyphenated_words

SEED_FOLDER = Path(settings.LETTER_FIXTURES_DIR) / "global-call-china-2020"


@dataclass
class SeedSnapshot:
    reports: list[ImportReport]
    rows: list[tuple[type, list[dict]]]  # models in an order that satisfies foreign keys


def dependency_order(models: list[type]) -> list[type]:
    """Models sorted so that each comes after the models its foreign keys point to."""
    pending = {
        m: {f.related_model for f in m._meta.concrete_fields if f.is_relation} for m in models
    }
    ordered: list[type] = []
    while pending:
        ready = [m for m, deps in pending.items() if not (deps & set(pending)) - {m}]
        if not ready:  # a cycle: deferred constraints let any order through inside a transaction
            ready = list(pending)
        for model in ready:
            ordered.append(model)
            del pending[model]
    return ordered


def take_seed_snapshot() -> SeedSnapshot:
    models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
    before = {m: set(m._default_manager.values_list("pk", flat=True)) for m in models}
    with transaction.atomic(), mute_signals(letter_loaded):
        reports = load_letters([SEED_FOLDER])
        written = {}
        for model in models:
            rows = [
                row
                for row in model._default_manager.order_by("pk").values()
                if row[model._meta.pk.attname] not in before[model]
            ]
            if rows:
                written[model] = rows
        transaction.set_rollback(True)
    return SeedSnapshot(reports, [(m, written[m]) for m in dependency_order(list(written))])


def restore_seed_snapshot(snapshot: SeedSnapshot) -> None:
    for model, rows in snapshot.rows:
        model._default_manager.bulk_create([model(**row) for row in rows], batch_size=500)
    # Rows came with their primary keys: move sequences past them (PostgreSQL).
    statements = connection.ops.sequence_reset_sql(no_style(), [m for m, _ in snapshot.rows])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


@pytest.fixture(scope="session")
def seed_snapshot(django_db_setup, django_db_blocker) -> SeedSnapshot:
    with django_db_blocker.unblock():
        return take_seed_snapshot()


@pytest.fixture(autouse=True)
def without_shipped_curation(request):
    """Loads leave out the letter's curation.toml unless the test uses `with_shipped_curation`."""
    if "with_shipped_curation" in request.fixturenames:
        yield
        return
    with mute_signals(letter_loaded):
        yield


@pytest.fixture
def with_shipped_curation():
    """Every load in the test applies the curation shipped with the letter, as `make run` does."""


@pytest.fixture(autouse=True)
def fresh_default_cache():
    """Each test starts with an empty default cache: what it holds is keyed by the letter's data
    version, which tests that write rows directly do not bump. Likewise what the process
    remembers per source file, keyed by a row id that SQLite hands out again after a rollback."""
    caches["default"].clear()
    stored_hyphenated_words.cache_clear()


@pytest.fixture
def seed_folder() -> Path:
    return SEED_FOLDER


@pytest.fixture
def seeded(db, seed_snapshot):
    """The five seed sources as `make run` loads them; returns the import reports."""
    restore_seed_snapshot(seed_snapshot)
    return seed_snapshot.reports


@pytest.fixture
def shipped_curation(seeded, with_shipped_curation) -> list[str]:
    """The seed letter with the curation shipped in its folder applied, as `make run` has it (and
    every load in the test applies it too); returns what was applied."""
    return apply_shipped_curation(Letter.objects.get(slug=SEED_FOLDER.name), SEED_FOLDER)
