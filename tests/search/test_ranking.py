"""A page ranks its sample of the matches in Python; a download ranks every match in the database.
Both follow one `Ranking`, and must give the same order and the same values, on either backend."""

from search.conditions import ANY, COLUMNS, Document, Holds, all_of, document
from search.queries import Match, ranked_search
from search.reading import first_matches
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


def test_a_condition_reads_its_texts_as_sql_like_reads_them_without_wildcards():
    assert Holds("doc", "/ human", start=True).holds(ROW)
    assert not Holds("doc", "human", start=True).holds(ROW)
    assert (Holds("doc", "zzz") | Holds("initials", " hrw ")).holds(ROW)
    assert (Holds("doc", " rights") & Holds("compact", "rightswatch", recheck=True)).holds(ROW)
    assert not (Holds("doc", " rights") & Holds("doc", "%")).holds(ROW)
    assert not Holds("doc", "h_man").holds(ROW)  # "_" is a character, not a wildcard
    assert all_of([]) == ANY and ANY.holds(ROW)  # no condition


def test_a_condition_reads_the_same_as_sql_and_in_python(shipped_curation):
    conditions = [
        Holds("doc", "/ human", start=True),
        Holds("doc", " rights") & Holds("initials", " h"),
        Holds("compact", "watch", recheck=True) | Holds("native", "香港"),
        Holds("doc", "%") | Holds("doc", "h_man"),
    ]
    documents = [document(row) for row in Signatory.objects.values_list(*COLUMNS)]
    for condition in conditions:
        expected = {d.pk for d in documents if condition.holds(d)}
        found = Signatory.objects.filter(condition.q()).values_list("pk", flat=True)
        [sampled] = first_matches(Signatory.objects.all(), [reading_of(condition)], 10**6)
        assert set(found) == {d.pk for d in sampled} == expected, condition
    assert all(any(c.holds(d) for d in documents) for c in conditions[:3])


def reading_of(condition):
    return lambda tables: condition.sql(tables.connection, tables.documents)


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
