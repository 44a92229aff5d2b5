"""Reader queries of the class "translation": the established English name of a signatory the
copies print only in another script ("Moscow Helsinki Group" for Московская Хельсинкская группа),
and the few other queries marked `curated` (a name spelt out for an acronym no copy expands).

They pass only with the curated aliases shipped with the letter (issue 12, item 1:
fixtures/global-call-china-2020/curation.toml, loaded by a fresh `load_letter` run), so this module
loads the letter the way `make run` does, and fails, never skips, while the file is not shipped.
"""

import pytest
from django.core.management import call_command

from tests.conftest import SEED_FOLDER
from tests.search.reader_api import check_found_first, rolled_back
from tests.search.reader_queries import READER_QUERIES

CURATION = SEED_FOLDER / "curation.toml"
TRANSLATIONS = [q for q in READER_QUERIES if q.needs_curation]


@pytest.fixture(scope="module")
def letter_with_its_curation(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_letter", str(SEED_FOLDER), verbosity=0)
        yield


@pytest.mark.parametrize("query", TRANSLATIONS, ids=[q.id for q in TRANSLATIONS])
def test_the_english_name_of_a_signatory_printed_in_another_script_finds_it_first(
    letter_with_its_curation, db, client, query
):
    assert CURATION.is_file(), f"{query.id}: {CURATION.name} is not shipped yet (issue 12)"
    check_found_first(client, query)
