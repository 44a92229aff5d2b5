"""The seed letter loaded once per test module, for the production tests that only read it.

Loading the five sources takes seconds; the production tests make hundreds of requests against
the same data. `seeded_once` loads it inside a module-wide transaction that is rolled back at the
end, and every test still runs in its own savepoint (pytest-django's `db`), as Django's
`TestCase.setUpTestData` does.
"""

import pytest
from django.db import transaction

from letters.importers import load_letters
from letters.models import Letter
from signatories.models import Signatory
from tests.conftest import SEED_FOLDER


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_letters([SEED_FOLDER])
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def seeded_db(seeded_once, db):
    """Per-test access to the module's seed data; a test's writes are undone after it."""


def test_a_test_sees_the_seed_letter(seeded_db):
    assert Letter.objects.count() == 1
    assert Signatory.objects.count() > 100


@pytest.mark.parametrize("attempt", [1, 2])
def test_changes_made_by_a_test_do_not_leak_into_the_next(seeded_db, attempt):
    assert not Signatory.objects.filter(name="Leaked").exists()

    Signatory.objects.filter(pk=Signatory.objects.order_by("pk").first().pk).update(name="Leaked")
