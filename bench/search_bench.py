"""Search benchmark: synthetic multilingual signatories at 10k, 100k and 1M names.

`make bench` runs this file. The driver starts one worker process per backend, each against its
own throw-away database (PostgreSQL `archive_bench`, SQLite `/tmp/archive_bench.sqlite3`, never
the development one), then writes the "Search" section of docs/benchmarks.md. A worker loads the
names size after size (each size extends the previous one), builds their search documents with
the same code the importer uses, and times:

- search: `search_signatories` as the API runs it (count + first page of 50), over a fixed mix of
  queries drawn from the first 10,000 names, so every size answers the same questions (with issue
  12's kinds: typos at either end of a word and in acronyms, extra words, equivalent spellings,
  English names through curated aliases, names that did not sign); p50, p95 and p99;
- the directory's first page: `SignatoryListView` called directly (the public cache middleware
  would otherwise answer from memory), rendered.

A benchmark, not a test: it asserts nothing about timings.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/archive_bench"
DEFAULT_SQLITE_URL = "sqlite:////tmp/archive_bench.sqlite3"
SIZES = [10_000, 100_000, 1_000_000]
QUERY_SOURCE = 10_000  # queries are drawn from the names every size has
PAGE_SIZE = 50
BATCH = 5_000
TARGETS = {  # (backend, size): p95 target in ms, from the brief
    ("postgresql", 1_000_000): 50,
    ("sqlite", 100_000): 100,
}
P99_TARGETS = {("postgresql", 1_000_000): 100}  # issue 12
DIRECTORY_TARGET = (1_000_000, 100)
LOAD_BEFORE = " ".join(f"{n:.2f}" for n in os.getloadavg())


@dataclass
class Query:
    kind: str
    text: str
    source: str = ""  # the one name the query is meant to find; parts of words and broad words
    # are shared by many names and have none


@dataclass
class SizeResult:
    size: int
    load_seconds: float
    search_ms: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    by_query: dict[str, list[float]] = field(default_factory=dict)
    matches: dict[str, int] = field(default_factory=dict)  # ranked: SEARCH_RANKED_LIMIT + 1 at most
    complete: dict[str, int] = field(default_factory=dict)  # every match, counted once, untimed
    first: dict[str, str] = field(default_factory=dict)  # the first result's name
    directory_ms: list[float] = field(default_factory=list)


# --- the query mix ---------------------------------------------------------------------------


def swap_letters(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def capitals(name: str) -> str:
    """The initials of the capitalised words of a name: "Centro de Defensa Pública" -> "CDP"."""
    return "".join(word[0] for word in name.split() if word[0].isupper())


def query_mix(names, seed: int = 7) -> list[Query]:
    """A fixed mix of what readers type, built from real (synthetic) names: 25 queries, then
    `reader_queries`."""
    from names.folding import joined_words

    rng = random.Random(seed)
    by_language: dict[str, list[str]] = {}
    for item in names:
        by_language.setdefault(item.language, []).append(item.name)
    latin = by_language["en"] + by_language["fr"] + by_language["es"] + by_language["de"]
    accented = [n for n in latin if not n.isascii()]
    with_acronym = [n for n in latin if re.search(r"\(([A-Z]{3,})\)$", n)]
    queries: list[Query] = []
    for name in rng.sample(latin, 3):
        queries.append(Query("exact name", name, name))
    for name in rng.sample(accented, 3):
        queries.append(Query("accents dropped", joined_words(name), name))
    for name in rng.sample(with_acronym, 2):
        queries.append(Query("acronym", re.search(r"\(([A-Z]{3,})\)$", name).group(1), name))
    for name in rng.sample(latin, 3):
        words = name.split()
        queries.append(Query("prefix", " ".join(words[:-1] + [words[-1][:3]]), name))
    for name in rng.sample([n for n in latin if max(map(len, n.split())) >= 7], 3):
        words = name.split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        words[longest] = swap_letters(words[longest], rng)
        queries.append(Query("typo", " ".join(words), name))
    for name in rng.sample([n for n in latin if 2 <= len(n.split()) <= 4], 1):
        queries.append(Query("lost spaces", name.replace(" ", ""), name))
    for name in rng.sample(by_language["ru"], 2):
        queries.append(Query("Cyrillic part", max(name.split(), key=len)[:8]))
    for name in rng.sample(by_language["ru"], 1):
        queries.append(Query("Cyrillic in Latin", joined_words(name.split()[0])))
    for name in rng.sample(by_language["zh"] + by_language["ja"], 2):
        start = rng.randrange(0, 2)
        queries.append(Query("CJK part", name.split()[0][start : start + 4]))
    for name in rng.sample(by_language["ar"], 1):
        queries.append(Query("Arabic part", name.split()[1]))
    unbracketed = [n for n in latin if n.isascii() and "(" not in n]
    for name in rng.sample([n for n in unbracketed if len(capitals(n)) >= 3], 1):
        queries.append(Query("unprinted acronym", capitals(name).lower(), name))
    for name, other in [rng.sample(unbracketed, 2)]:
        # A word the name does not have, as a qualifier ("... Germany"): likely no name has all.
        queries.append(Query("extra word", f"{name} {other.split()[-1]}", name))
    queries += [Query("broad word", "tibet"), Query("broad words", "human rights")]
    return queries + reader_queries(names)


# Names that did not sign: real organisations, and a plausible one made of words many names have.
NOT_SIGNED = ["Greenpeace", "Oxfam International", "Doctors Without Borders",
              "Tibet Human Rights Network"]  # fmt: skip
EQUIVALENTS = [("International", "Intl"), ("Centre", "Center")]


def reader_queries(names, seed: int = 12) -> list[Query]:
    """The kinds of query issue 12 added to the mix: typos at either end of a word, in an acronym,
    extra words, equivalent spellings, English names found through a curated alias, and names
    that did not sign. Drawn with their own seed, so the 25 queries above stay as they were."""
    rng = random.Random(seed)
    latin = [n.name for n in names if n.language in ("en", "fr", "es", "de") and n.name.isascii()]
    plain = [n for n in latin if "(" not in n]
    long_word = [n for n in plain if max(map(len, n.split())) >= 6]
    queries: list[Query] = []
    for kind, edit in [
        ("typo at a word's start", lambda w: (w[1] + w[0]).capitalize() + w[2:]),
        ("typo at a word's end", lambda w: w[:-1]),
        ("doubled letter", lambda w: w[:3] + w[2] + w[3:]),
    ]:
        name = rng.choice(long_word)
        words = name.split()
        i = max(range(len(words)), key=lambda i: len(words[i]))
        queries.append(Query(kind, " ".join(words[:i] + [edit(words[i])] + words[i + 1 :]), name))
    four = [n for n in latin if re.search(r"\(([A-Z]{4})\)$", n)]
    name = rng.choice(four)
    letters = re.search(r"\(([A-Z]{4})\)$", name).group(1)
    queries.append(Query("acronym typo", letters[0] + letters[2] + letters[1] + letters[3], name))
    name = rng.choice([n for n in plain if len(capitals(n)) >= 4])
    queries.append(Query("unprinted acronym", ".".join(capitals(name).lower()) + ".", name))
    for extra in ("China", "International"):
        name = rng.choice(plain)
        queries.append(Query("extra words", f"{name} {extra}", name))
    for word, equivalent in EQUIVALENTS:
        name = rng.choice([n for n in plain if word in n and len(n.split()) >= 3])
        queries.append(Query("equivalence", name.replace(word, equivalent), name))
    for language in ("ru", "zh"):
        item = rng.choice([n for n in names if n.language == language and n.aliases])
        queries.append(Query("translation (alias)", item.aliases[0], item.name))
    queries += [Query("not signed", text) for text in NOT_SIGNED]
    return queries


# --- loading -----------------------------------------------------------------------------------


def reset_database(url: str) -> None:
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def write_rows(table: str, columns: list[str], rows) -> None:
    """Bulk-insert plain tuples: COPY on PostgreSQL, executemany on SQLite."""
    from django.db import connection

    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("%s" for _ in columns)
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))


def signatory_template(letter) -> tuple[list[str], list]:
    """Every column of a signatory row and its default value, read from the model, so the bench
    keeps working when other apps add fields; slug, names and id are filled in per row."""
    from django.db import connection

    from signatories.models import Signatory

    example = Signatory(letter=letter, slug="x", name="x", imported_name="x")
    example.name = example.curated_name or example.imported_name
    columns, values = [], []
    for f in Signatory._meta.concrete_fields:
        value = getattr(example, f.attname)
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = f.pre_save(example, add=True)
        columns.append(f.column)
        values.append(f.get_db_prep_save(value, connection))
    return columns, values


def load(letter, names, start: int, counts: Counter) -> None:
    """Insert signatories and their search documents in batches, then file the vocabulary with
    each term's document count (`counts` carries them from one size to the next)."""
    from django.db import connection, transaction

    from search.keys import blocking_keys, build_document, document_keys
    from search.models import SearchTerm

    postgres = connection.vendor == "postgresql"
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX IF EXISTS search_doc_trgm")
            cursor.execute("DROP INDEX IF EXISTS search_compact_trgm")
    columns, template = signatory_template(letter)
    slot = {name: columns.index(name) for name in ("id", "slug", "name", "imported_name")}
    pks = itertools.count(start + 1)
    while True:
        batch = list(itertools.islice(names, BATCH))
        if not batch:
            break
        rows, documents, name_rows, initial_rows, alias_rows = [], [], [], [], []
        for item in batch:
            pk = next(pks)
            row = list(template)
            row[slot["id"]], row[slot["slug"]] = pk, f"bench-{pk}"
            row[slot["name"]] = row[slot["imported_name"]] = item.name
            rows.append(tuple(row))
            # The importer's order: readings, then curated aliases (search/documents.py).
            document = build_document(item.name, item.readings + item.aliases)
            alias_rows.extend((pk, alias, "en", "bench: English name") for alias in item.aliases)
            documents.append(
                (pk, document.doc, document.compact, document.native, document.name,
                 document.initials)
            )  # fmt: skip
            name_rows.extend((pk, k, k.replace(" ", "")) for k in document_keys(document.doc))
            initial_rows.extend((pk, letters) for letters in document.initials.split())
            counts.update(w for w in document.words if len(w) <= 200)
        with transaction.atomic():
            write_rows("signatories_signatory", columns, rows)
            write_rows(
                "search_searchdocument",
                ["signatory_id", "doc", "compact", "native", "name", "initials"],
                documents,
            )
            write_rows("search_searchname", ["document_id", "key", "compact"], name_rows)
            write_rows("search_searchinitialism", ["document_id", "letters"], initial_rows)
            write_rows(
                "signatories_alias", ["signatory_id", "name", "language", "reason"], alias_rows
            )
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        write_rows(
            "search_searchterm",
            ["term", "head_key", "tail_key", "skeleton_key", "documents"],
            ((t, *blocking_keys(t), n) for t, n in sorted(counts.items())),
        )
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('signatories_signatory', 'id'), "
                "(SELECT MAX(id) FROM signatories_signatory))"
            )
            cursor.execute("SET maintenance_work_mem = '512MB'")
            cursor.execute(
                "CREATE INDEX search_doc_trgm ON search_searchdocument USING gin (doc gin_trgm_ops)"
            )
            cursor.execute(
                "CREATE INDEX search_compact_trgm ON search_searchdocument "
                "USING gin (compact gin_trgm_ops)"
            )
        else:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")


# --- timing ------------------------------------------------------------------------------------


def time_search(query: str) -> tuple[float, int]:
    from public.search import SearchPaginator, search_signatories
    from public.signatory_api import api_signatories

    started = time.perf_counter()
    results = search_signatories(api_signatories().order_by("name", "pk"), query)
    page = SearchPaginator(results, PAGE_SIZE).page(1)
    list(page.object_list)
    count = page.paginator.count
    return (time.perf_counter() - started) * 1000, count


def inspect(query: str) -> tuple[str, int]:
    """Untimed: the first result's name, and how many signatories match in all."""
    from public.search import search_signatories
    from public.signatory_api import api_signatories
    from signatories.models import Signatory

    results = search_signatories(api_signatories().order_by("name", "pk"), query)
    first = results.signatories[:1]
    complete = search_signatories(Signatory.objects.all(), query, complete=True).signatories.count()
    return (first[0].name if first else ""), complete


def time_directory() -> float:
    from django.test import RequestFactory

    from public.signatory_views import SignatoryListView

    request = RequestFactory().get("/signatories/")
    started = time.perf_counter()
    response = SignatoryListView.as_view()(request)
    response.render()
    assert response.status_code == 200
    return (time.perf_counter() - started) * 1000


def measure(result: SizeResult, queries: list[Query], rounds: int) -> None:
    for query in queries:  # warm-up: caches, the vocabulary, the plan cache
        time_search(query.text)
    for _ in range(rounds):
        for query in queries:
            elapsed, count = time_search(query.text)
            result.search_ms.append(elapsed)
            result.by_kind.setdefault(query.kind, []).append(elapsed)
            result.by_query.setdefault(query.text, []).append(elapsed)
            result.matches[query.text] = count
    for query in queries:
        result.first[query.text], result.complete[query.text] = inspect(query.text)
    time_directory()
    result.directory_ms = [time_directory() for _ in range(max(rounds, 5))]


def worker(sizes: list[int], rounds: int, out: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    reset_database(os.environ["DATABASE_URL"])
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench.names import synthetic_names
    from letters.models import Letter

    setup_test_environment()
    call_command("migrate", verbosity=0)
    letter = Letter.objects.create(slug="bench", title="Benchmark letter")
    queries = query_mix(list(synthetic_names(QUERY_SOURCE)))
    names = synthetic_names(max(sizes))
    results, loaded, counts = [], 0, Counter()
    for size in sizes:
        started = time.perf_counter()
        load(letter, itertools.islice(names, size - loaded), loaded, counts)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
                # Flush the load's writes now, not in the background during the timings.
                cursor.execute("CHECKPOINT")
        loaded = size
        result = SizeResult(size=size, load_seconds=time.perf_counter() - started)
        measure(result, queries, rounds)
        results.append(result)
        print(f"  {connection.vendor} {size:>9,}: {summary(result.search_ms)}", flush=True)
    payload = {
        "backend": connection.vendor,
        "version": server_version(connection),
        "queries": [asdict(q) for q in queries],
        "results": [asdict(r) for r in results],
    }
    out.write_text(json.dumps(payload))


def server_version(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0].split()[0]
        cursor.execute("SELECT sqlite_version()")
        return "SQLite " + cursor.fetchone()[0]


# --- report ------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: list[float]) -> str:
    return (
        f"p50 {percentile(values, 50):.1f} ms, p95 {percentile(values, 95):.1f} ms, "
        f"p99 {percentile(values, 99):.1f} ms"
    )


def report(runs: list[dict], elapsed: float) -> str:
    lines = [
        "## Search",
        "",
        "Generated by `make bench` (bench/search_bench.py) on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} CPUs, "
        f"in {elapsed / 60:.1f} min, load average {LOAD_BEFORE} before the run (the machine is "
        "shared). Synthetic signatories (bench/names.py: English, French, "
        "Spanish, Portuguese, German, Vietnamese, Polish, Russian, Chinese, Japanese and Arabic "
        "names, 15% with a second, damaged reading, a third of the Russian and purely Chinese "
        "ones with a curated English alias) with their search documents. A search is "
        "`search_signatories` as the API runs it: count plus the first page of 50, ranking at "
        f"most {ranked_limit():,} matches (`SEARCH_RANKED_LIMIT`: the first found, those of the "
        "query as typed first, plus every exact name). The directory is `SignatoryListView` (no "
        "query) called directly and rendered, without the page cache. Timings from one run; "
        "targets from the brief and issue 12 (p99 at 1M on PostgreSQL).",
        "",
        "| backend | names | search p50 | p95 | p99 | targets | p50 vs 10k "
        "| directory p50 | directory p95 | load |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for run in runs:
        base = None
        for r in run["results"]:
            p50 = statistics.median(r["search_ms"])
            base = base or p50
            verdict = target_verdict(run["backend"], r)
            directory = ""
            if r["size"] == DIRECTORY_TARGET[0]:
                d95 = percentile(r["directory_ms"], 95)
                directory = f" (≤ {DIRECTORY_TARGET[1]} ms: {'met' if d95 <= DIRECTORY_TARGET[1] else 'missed'})"
            lines.append(
                f"| {run['version']} | {r['size']:,} | {p50:.1f} ms | {percentile(r['search_ms'], 95):.1f} ms "
                f"| {percentile(r['search_ms'], 99):.1f} ms | {verdict} | ×{p50 / base:.1f} "
                f"| {statistics.median(r['directory_ms']):.1f} ms "
                f"| {percentile(r['directory_ms'], 95):.1f} ms{directory} | {r['load_seconds']:.0f} s |"
            )
    lines += ["", "Median search time by kind of query, in ms, at each backend's largest size:", ""]
    header = (
        "| kind | queries | "
        + " | ".join(f"{run['version'].split()[0]} {run['results'][-1]['size']:,}" for run in runs)
        + " |"
    )
    lines += [header, "|---|---:|" + "---:|" * len(runs)]
    kinds = list(dict.fromkeys(q["kind"] for q in runs[0]["queries"]))
    for kind in kinds:
        count = sum(1 for q in runs[0]["queries"] if q["kind"] == kind)
        cells = [f"{statistics.median(run['results'][-1]['by_kind'][kind]):.1f}" for run in runs]
        lines.append(f"| {kind} | {count} | " + " | ".join(cells) + " |")
    for run in runs:
        for r in run["results"]:
            target = TARGETS.get((run["backend"], r["size"]))
            if target is None:
                continue
            slow = sorted(
                ((statistics.median(t), q) for q, t in r["by_query"].items()
                 if statistics.median(t) > target),
                reverse=True,
            )  # fmt: skip
            over = "; ".join(f"`{q}` {ms:.0f} ms ({mix_counts(r, q)} matches)" for ms, q in slow)
            lines += [
                "",
                f"{run['version']} at {r['size']:,} names: {len(slow)} of {len(r['by_query'])} "
                f"queries have a median over the {target} ms target"
                + (f": {over}." if slow else "."),
            ]
    for run in runs:
        largest = run["results"][-1]
        made = [q for q in run["queries"] if q.get("source")]
        missed = [q for q in made if largest["first"][q["text"]] != q["source"]]
        lines += [
            "",
            f"{run['version']} at {largest['size']:,} names: the first result is the name the "
            f"query was made from for {len(made) - len(missed)} of the {len(made)} queries meant "
            "to find one name"
            + (
                "; otherwise: "
                + "; ".join(f"`{q['text']}` → {largest['first'][q['text']]}" for q in missed)
                if missed
                else ""
            )
            + ".",
        ]
    lines += not_signed_lines(runs)
    largest = runs[0]["results"][-1]
    lines += [
        "",
        "The query mix (at "
        f"{largest['size']:,} names on {runs[0]['version'].split()[0]}: matches in all, and "
        "how many were ranked where that is fewer): "
        + "; ".join(f"`{q['text']}` ({mix_counts(largest, q['text'])})" for q in runs[0]["queries"])
        + ".",
        "",
    ]
    return "\n".join(lines)


def target_verdict(backend: str, result: dict) -> str:
    """ "p95 ≤ 50 ms: met; p99 ≤ 100 ms: missed", for the targets set at this backend and size."""
    verdicts = []
    for name, p, targets in (("p95", 95, TARGETS), ("p99", 99, P99_TARGETS)):
        target = targets.get((backend, result["size"]))
        if target is not None:
            met = percentile(result["search_ms"], p) <= target
            verdicts.append(f"{name} ≤ {target} ms: {'met' if met else 'missed'}")
    return "; ".join(verdicts)


def not_signed_lines(runs: list[dict]) -> list[str]:
    """What each backend's largest size answers for the names that did not sign."""
    lines = []
    for run in runs:
        largest = run["results"][-1]
        answers = [
            f"`{q['text']}` → {mix_counts(largest, q['text'])} matches"
            + (f", first {largest['first'][q['text']]}" if largest["first"][q["text"]] else "")
            for q in run["queries"]
            if q["kind"] == "not signed"
        ]
        if answers:
            lines += ["", f"{run['version']} at {largest['size']:,} names, names that did not "
                      "sign (the API must not present these as matches): " + "; ".join(answers)
                      + "."]  # fmt: skip
    return lines


def mix_counts(result: dict, text: str) -> str:
    complete, ranked = result["complete"][text], result["matches"][text]
    return f"{complete:,}" if ranked >= complete else f"{complete:,}, {ranked:,} ranked"


def ranked_limit() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings

    return settings.SEARCH_RANKED_LIMIT


def write_section(path: Path, section: str) -> None:
    """Replace the "## Search" section of the file (up to the next "## " heading), or append it."""
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Search\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text)


def driver(args) -> None:
    started = time.perf_counter()
    plans = [("postgresql", args.pg, args.pg_sizes), ("sqlite", args.sqlite, args.sqlite_sizes)]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for backend, url, sizes in plans:
            if not sizes:
                continue
            out = Path(tmp) / f"{backend}.json"
            print(f"{backend}: {', '.join(f'{s:,}' for s in sizes)} names", flush=True)
            # No statement timeout: indexing a million names takes longer than any page may.
            subprocess.run(
                [sys.executable, __file__, "--worker", "--sizes", ",".join(map(str, sizes)),
                 "--rounds", str(args.rounds), "--out", str(out)],
                env={**os.environ, "DATABASE_URL": url, "DJANGO_DB_STATEMENT_TIMEOUT": "0"},
                check=True,
            )  # fmt: skip
            runs.append(json.loads(out.read_text()))
    section = report(runs, time.perf_counter() - started)
    write_section(args.output, section)
    print(section)


def sizes_arg(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG_URL))
    parser.add_argument("--sqlite", default=os.environ.get("BENCH_SQLITE_URL", DEFAULT_SQLITE_URL))
    parser.add_argument("--pg-sizes", type=sizes_arg, default=SIZES)
    parser.add_argument("--sqlite-sizes", type=sizes_arg, default=SIZES)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=sizes_arg, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.sizes, args.rounds, args.out)
    else:
        driver(args)


if __name__ == "__main__":
    main()
