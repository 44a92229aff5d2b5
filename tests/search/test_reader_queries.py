"""Realistic reader queries (tests/search/reader_queries.toml and its generator) through the public
API on the real seed letter: the signatory a reader means comes first, and an organisation that
did not sign is never presented as a match (issue 12). Queries found only through curated aliases
(the English names of signatories printed in another script) are in test_reader_translations.py.
"""

import random

import pytest

from tests.conftest import restore_seed_snapshot
from tests.search.reader_api import (
    check_found_first,
    check_not_presented_as_a_match,
    printed_signatory,
    rolled_back,
)
from tests.search.reader_queries import (
    READER_QUERIES,
    acronym_forms,
    case_changed,
    dropped_or_doubled,
    transposed,
    without_accents,
)

SIGNED = [q for q in READER_QUERIES if q.expect and not q.needs_curation and not q.limit]
# Queries the search cannot answer yet (each says why): it must not present another organisation
# as the one named.
LIMITS = [q for q in READER_QUERIES if q.expect and not q.needs_curation and q.limit]
NOT_SIGNED = [q for q in READER_QUERIES if q.expect is None]


@pytest.fixture(scope="module")
def seed_letter(django_db_setup, django_db_blocker, seed_snapshot):
    """The seed letter, written once for the few hundred queries of this module, which only read."""
    with rolled_back(django_db_blocker):
        with django_db_blocker.unblock():
            restore_seed_snapshot(seed_snapshot)
        yield


@pytest.mark.parametrize("query", SIGNED, ids=[q.id for q in SIGNED])
def test_a_reader_query_brings_the_signatory_it_means_first(seed_letter, db, client, query):
    check_found_first(client, query)


@pytest.mark.parametrize("query", NOT_SIGNED, ids=[q.id for q in NOT_SIGNED])
def test_an_organisation_that_did_not_sign_is_not_presented_as_a_match(
    seed_letter, db, client, query
):
    check_not_presented_as_a_match(client, query)


@pytest.mark.parametrize("query", LIMITS, ids=[q.id for q in LIMITS])
def test_a_query_the_search_cannot_answer_yet_presents_no_other_organisation_as_named(
    seed_letter, db, client, query
):
    check_not_presented_as_a_match(client, query)


def test_every_expected_name_is_printed_by_a_copy_for_one_signatory(seed_letter, db):
    names = {n for q in READER_QUERIES if q.expect for n in (q.expect, *q.also)}
    assert len({printed_signatory(name) for name in names}) >= 120


def test_the_set_has_every_class_and_no_query_twice():
    counts = {}
    for query in READER_QUERIES:
        counts[query.kind] = counts.get(query.kind, 0) + 1
    assert min(counts.values()) >= 10 and len(counts) == 10
    assert len({q.id for q in READER_QUERIES}) == len(READER_QUERIES) >= 200


def test_the_generator_makes_typos_at_both_ends_and_in_the_middle():
    rng = random.Random(0)
    assert transposed("Watch", "start", rng) == "Awtch"
    assert transposed("Watch", "end", rng) == "Wathc"
    assert transposed("Freedom", "middle", rng) in {"Feredom", "Fredeom", "Freedmo", "Freeodm"}
    assert transposed("Jurists", "start", rng) == "Ujrists"
    assert dropped_or_doubled("Tibet", "start", rng)[0] in {"Ibet", "Ttibet"}
    assert dropped_or_doubled("Tibet", "end", rng)[0] in {"Tibe", "Tibett"}


def test_the_generator_spells_acronyms_accents_and_case_as_readers_type_them():
    forms = [acronym_forms("International Commission of Jurists", n) for n in range(3)]
    assert forms == ["ICJ", "icj", "i.c.j."]
    assert without_accents("Liên Đoàn Công Giáo Việt Nam tại Đức") == (
        "Lien Doan Cong Giao Viet Nam tai Duc"
    )
    assert without_accents("Défenseur des droits de l’Homme") == "Defenseur des droits de l'Homme"
    rng = random.Random(0)
    assert [case_changed("SOS TORTURE", n, rng) for n in range(2)] == ["sos torture"] * 2
