"""Keep the search documents and vocabulary in step with signatories, entries and aliases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import transaction

from search.keys import Document, build_document
from search.models import SearchDocument, SearchTerm
from signatories.models import Alias, ListEntry, Signatory

BATCH_SIZE = 2000
MAX_TERM_LENGTH = SearchTerm._meta.get_field("term").max_length


def refresh_search_documents(signatory_ids: Iterable[int] | None = None) -> int:
    """Rebuild the search documents of these signatories (of all when None); return how many changed.

    Call it after anything that changes what a signatory can be found by: the importer calls it at
    the end of `letters.importers.import_letter`; curation code must call it after saving a curated
    name, adding, editing or deleting an alias, or moving entries between signatories (merge,
    split, match override), with the ids of every signatory touched, e.g.
    `refresh_search_documents(signatory_ids=[keep.pk, drop.pk])`. Ids of deleted signatories are
    ignored (their documents go with them). Only documents whose text changed are written.
    """
    full = signatory_ids is None
    ids = None if full else sorted(set(signatory_ids))
    changed = 0
    vocabulary: set[str] = set()
    with transaction.atomic():
        for batch in signatory_batches(ids):
            documents = documents_for(batch)
            for document in documents.values():
                vocabulary.update(w for w in document.words if len(w) <= MAX_TERM_LENGTH)
            changed += save_documents(documents)
        sync_vocabulary(vocabulary, prune=full)
    return changed


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


def save_documents(documents: dict[int, Document]) -> int:
    existing = {
        pk: Document(doc, compact, native)
        for pk, doc, compact, native in SearchDocument.objects.filter(
            signatory_id__in=documents
        ).values_list("signatory_id", "doc", "compact", "native")
    }
    rows = [
        SearchDocument(signatory_id=pk, doc=d.doc, compact=d.compact, native=d.native)
        for pk, d in documents.items()
        if existing.get(pk) != d
    ]
    SearchDocument.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["signatory"],
        update_fields=["doc", "compact", "native"],
        batch_size=500,
    )
    return len(rows)


def sync_vocabulary(terms: set[str], *, prune: bool) -> None:
    """Add the new terms; with `prune`, also drop the terms no document has any more."""
    if prune:
        known = set(SearchTerm.objects.values_list("term", flat=True))
    else:
        wanted, known = sorted(terms), set()
        for start in range(0, len(wanted), 500):
            present = SearchTerm.objects.filter(term__in=wanted[start : start + 500])
            known.update(present.values_list("term", flat=True))
    SearchTerm.objects.bulk_create(
        [SearchTerm.filed(t) for t in sorted(terms - known)], ignore_conflicts=True, batch_size=1000
    )
    if prune:
        stale = sorted(known - terms)
        for start in range(0, len(stale), 500):
            SearchTerm.objects.filter(term__in=stale[start : start + 500]).delete()
