"""Keep the search documents and vocabulary in step with signatories, entries and aliases."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import F

from search.keys import SEPARATOR, Document, build_document, document_keys
from search.models import SearchDocument, SearchInitialism, SearchName, SearchTerm
from signatories.models import Alias, ListEntry, Signatory

BATCH_SIZE = 2000
MAX_TERM_LENGTH = SearchTerm._meta.get_field("term").max_length


def refresh_search_documents(signatory_ids: Iterable[int] | None = None) -> int:
    """Rebuild the search documents of these signatories (of all when None); return how many changed.

    Call it after anything that changes what a signatory can be found by: the importer calls it at
    the end of `intake.importer.import_letter`; curation code must call it after saving a curated
    name, adding, editing or deleting an alias, or moving entries between signatories (merge,
    split, match override), with the ids of every signatory touched, e.g.
    `refresh_search_documents(signatory_ids=[keep.pk, drop.pk])`. Ids of deleted signatories are
    ignored (their documents go with them). Only documents whose text changed are written.
    """
    full = signatory_ids is None
    ids = None if full else sorted(set(signatory_ids))
    changed = 0
    counts: Counter[str] = Counter()  # full: documents per term; else: the change in it
    with transaction.atomic():
        for batch in signatory_batches(ids):
            documents = documents_for(batch)
            if full:
                for document in documents.values():
                    counts.update(terms_of(document.doc))
            batch_changed, delta = save_documents(documents)
            changed += batch_changed
            if not full:
                counts.update(delta)
        if full:
            sync_vocabulary(counts)
        else:
            adjust_vocabulary(counts)
    return changed


def terms_of(doc: str) -> set[str]:
    return {w for w in doc.replace(SEPARATOR, " ").split() if len(w) <= MAX_TERM_LENGTH}


def signatory_batches(ids: list[int] | None) -> Iterator[dict[int, str]]:
    """{pk: display name} of the signatories, BATCH_SIZE at a time, in pk order."""
    if ids is not None:
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            rows = Signatory.objects.filter(pk__in=chunk).values_list("pk", "name")
            yield dict(rows)
        return
    last = 0
    while True:
        rows = list(
            Signatory.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "name")[:BATCH_SIZE]
        )
        if not rows:
            return
        last = rows[-1][0]
        yield dict(rows)


def documents_for(names: dict[int, str]) -> dict[int, Document]:
    """The documents of a batch of signatories: display name, then readings, then aliases."""
    others: dict[int, list[str]] = defaultdict(list)
    readings = ListEntry.objects.filter(signatory_id__in=names).order_by(
        "signatory_id", "source__position", "ordinal"
    )
    for signatory_id, text in readings.values_list("signatory_id", "text"):
        others[signatory_id].append(text)
    aliases = Alias.objects.filter(signatory_id__in=names).order_by("signatory_id", "pk")
    for signatory_id, name in aliases.values_list("signatory_id", "name"):
        others[signatory_id].append(name)
    return {pk: build_document(name, others[pk]) for pk, name in names.items()}


def save_documents(documents: dict[int, Document]) -> tuple[int, Counter[str]]:
    """Write the documents whose text changed, and their names; return how many, and the change in
    each term's document count."""
    existing = {
        pk: Document(doc, compact, native, name, initials)
        for pk, doc, compact, native, name, initials in SearchDocument.objects.filter(
            signatory_id__in=documents
        ).values_list("signatory_id", "doc", "compact", "native", "name", "initials")
    }
    delta: Counter[str] = Counter()
    rows = []
    for pk, document in documents.items():
        before = existing.get(pk)
        if before == document:
            continue
        rows.append(
            SearchDocument(
                signatory_id=pk,
                doc=document.doc,
                compact=document.compact,
                native=document.native,
                name=document.name,
                initials=document.initials,
            )
        )
        old_terms = terms_of(before.doc) if before else set()
        new_terms = terms_of(document.doc)
        delta.update(new_terms - old_terms)
        delta.subtract(old_terms - new_terms)
    SearchDocument.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["signatory"],
        update_fields=["doc", "compact", "native", "name", "initials"],
        batch_size=500,
    )
    file_names(rows)
    return len(rows), delta


def names_of(document: SearchDocument) -> list[SearchName]:
    return [
        SearchName(document_id=document.signatory_id, key=key, compact=key.replace(" ", ""))
        for key in document_keys(document.doc)
    ]


def initialisms_of(document: SearchDocument) -> list[SearchInitialism]:
    return [
        SearchInitialism(document_id=document.signatory_id, letters=letters)
        for letters in document.initials.split()
    ]


def file_names(documents: list[SearchDocument]) -> None:
    """Refile the names and initialisms of these (just written) documents for exact lookups."""
    ids = [d.signatory_id for d in documents]
    SearchName.objects.filter(document_id__in=ids).delete()
    SearchName.objects.bulk_create(
        [name for document in documents for name in names_of(document)], batch_size=1000
    )
    SearchInitialism.objects.filter(document_id__in=ids).delete()
    SearchInitialism.objects.bulk_create(
        [row for document in documents for row in initialisms_of(document)], batch_size=1000
    )


def sync_vocabulary(counts: Counter[str]) -> None:
    """Make the vocabulary exactly the terms counted, with their document counts."""
    known = dict(SearchTerm.objects.values_list("term", "documents"))
    SearchTerm.objects.bulk_create(
        [SearchTerm.filed(t, counts[t]) for t in sorted(counts.keys() - known.keys())],
        batch_size=1000,
    )
    stale = sorted(known.keys() - counts.keys())
    for start in range(0, len(stale), 500):
        SearchTerm.objects.filter(term__in=stale[start : start + 500]).delete()
    by_count: dict[int, list[str]] = defaultdict(list)
    for term, documents in known.items():
        if term in counts and counts[term] != documents:
            by_count[counts[term]].append(term)
    update_counts(by_count, lambda n: n)


def adjust_vocabulary(delta: Counter[str]) -> None:
    """Add the change in document counts; file new terms, drop those no document has any more."""
    delta = Counter({t: n for t, n in delta.items() if n})
    if not delta:
        return
    wanted, known = sorted(delta), set()
    for start in range(0, len(wanted), 500):
        present = SearchTerm.objects.filter(term__in=wanted[start : start + 500])
        known.update(present.values_list("term", flat=True))
    SearchTerm.objects.bulk_create(
        [SearchTerm.filed(t, delta[t]) for t in wanted if t not in known and delta[t] > 0],
        batch_size=1000,
        ignore_conflicts=True,
    )
    by_change: dict[int, list[str]] = defaultdict(list)
    for term in known:
        by_change[delta[term]].append(term)
    update_counts(by_change, lambda n: F("documents") + n)
    for start in range(0, len(wanted), 500):
        SearchTerm.objects.filter(term__in=wanted[start : start + 500], documents__lte=0).delete()


def update_counts(terms_by_value: dict[int, list[str]], expression) -> None:
    for value, terms in terms_by_value.items():
        for start in range(0, len(terms), 500):
            SearchTerm.objects.filter(term__in=terms[start : start + 500]).update(
                documents=expression(value)
            )
