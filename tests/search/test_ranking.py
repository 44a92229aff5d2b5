"""A page ranks its sample of the matches in Python; a download ranks every match in the database.
Both follow one `Ranking`, and must give the same order and the same values, on either backend."""

from search.queries import Match, ranked_search
from search.ranking import Document, Has, every, holds, one_of
from signatories.models import Signatory
from tests.search.reader_queries import READER_QUERIES

# Besides every reader query: short words a close match need not have, initials, other scripts,
# words no name has, a word in most names.
MORE_QUERIES = [
    "human rights", "hrw", "hk watch", "freedom now", "of the", "台灣", "日本", "uyghur",
    "campaign for tibet", "zzzz", "rights", "the", "fidh international federation human rights",
    "saint petersburg human rights council", "ICCR", "amnesty internatonal", "Défenseurs",
]  # fmt: skip
ROW = Document(
    pk=1,
    doc="/ human rights watch /",
    compact="/humanrightswatch/",
    initials=" hrw ",
    native="human rights watch",
    name="Human Rights Watch",
)


def test_a_condition_is_every_group_of_alternatives_as_sql_like_reads_them():
    assert holds(one_of([Has("doc", "/ human", start=True)]), ROW)
    assert not holds(one_of([Has("doc", "human", start=True)]), ROW)
    assert holds(one_of([Has("doc", "zzz"), Has("initials", " hrw ")]), ROW)
    assert holds(
        every(one_of([Has("doc", " rights")]), one_of([Has("compact", "rightswatch")])), ROW
    )
    assert not holds(every(one_of([Has("doc", " rights")]), one_of([Has("doc", "%")])), ROW)
    assert not holds(one_of([Has("doc", "h_man")]), ROW)  # no wildcards: "_" is a character


def ranked_both_ways(q: str) -> tuple[list[tuple], list[tuple]]:
    """(database, Python): each result's id, how it matched, the words it lacks and its values."""
    everyone = Signatory.objects.count()
    database = ranked_search(Signatory.objects.all(), q)
    python = ranked_search(Signatory.objects.all(), q, limit=everyone)  # every match sampled
    rows = []
    for result in (database, python):
        found = []
        for signatory in result.signatories:
            names = (python.values or {}).get(signatory.pk, {})
            values = {name: result.value(signatory, name) for name in sorted(names)}
            found.append((signatory.pk, result.match(signatory), result.missing(signatory), values))
        rows.append(found)
    return rows[0], rows[1]


def test_a_page_ranks_its_sample_as_the_database_ranks_every_match(shipped_curation):
    queries = sorted({r.q for r in READER_QUERIES} | set(MORE_QUERIES))
    differ, matches = {}, set()
    for q in queries:
        database, python = ranked_both_ways(q)
        if database != python:
            differ[q] = (database[:5], python[:5])
        matches.update(match for _, match, _, _ in database)
    assert not differ
    # Not vacuous: the queries reach every way of matching, so every value and tie-break counts.
    assert matches == set(Match.CHOICES)
