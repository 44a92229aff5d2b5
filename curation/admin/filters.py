"""List filters of the curation admin: by source, list coverage, corrected, pinned, artefacts."""

from collections import defaultdict

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q

from curation.models import Correction
from letters.models import SourceVersion
from names.typos import typos, word_counts
from signatories.models import ListEntry, Signatory


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(s.slug, f"{s.slug}: {s.publisher}") for s in SourceVersion.objects.with_lists()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(entries__source__slug=self.value()).distinct()
        return queryset


class InEverySourceFilter(admin.SimpleListFilter):
    title = "in every list"
    parameter_name = "in_every_list"

    def lookups(self, request, model_admin):
        return [("yes", "In every list"), ("no", "Missing from some list")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.in_every_list()
        if self.value() == "no":
            return queryset.missing_from_some_list()
        return queryset


def with_curation_flags(queryset):
    """Annotate `is_corrected`: curated (`Signatory.objects.curated`) or named in the corrections
    log, which also keeps the signatories whose curation was since withdrawn."""
    return queryset.annotate(
        is_corrected=Exists(Signatory.objects.curated().filter(pk=OuterRef("pk")))
        | Exists(Correction.signatories.through.objects.filter(signatory=OuterRef("pk")))
    )


class CorrectedFilter(admin.SimpleListFilter):
    title = "corrected"
    parameter_name = "corrected"

    def lookups(self, request, model_admin):
        return [("yes", "Corrected by a curator"), ("no", "As imported")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return with_curation_flags(queryset).filter(is_corrected=True)
        if self.value() == "no":
            return with_curation_flags(queryset).filter(is_corrected=False)
        return queryset


class PinnedFilter(admin.SimpleListFilter):
    title = "pinned by a curator"
    parameter_name = "pinned"

    def lookups(self, request, model_admin):
        return [
            ("yes", "Pinned"),
            ("confirmed", "Confirmed where the importer put it"),
            ("placed", "Placed by a curator"),
            ("no", "As the importer matched it"),
            ("review", "Awaiting review"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "yes":
            return queryset.pinned()
        if value in ("confirmed", "placed"):
            return queryset.filter(override__kind=value)
        if value == "no":
            return queryset.filter(override__isnull=True)
        if value == "review":
            return queryset.awaiting_review()
        return queryset


ARTEFACTS = {
    "extraction": "Extraction artefacts (the name rule's)",
    "stray-punctuation": "Stray punctuation",
    "doubled-letters": "Doubled letters",
    "wrong-layout": "Typed on the wrong keyboard layout",
}


def signatories_with_typos() -> dict[str, set[int]]:
    """{kind of slip: ids of signatories with a reading that has it} (names.typos), judged
    against the words every copy of the letter prints."""
    rows = list(ListEntry.objects.values_list("signatory_id", "text", "source__letter_id"))
    counts = defaultdict(lambda: None)
    texts_by_letter = defaultdict(list)
    for _, text, letter_id in rows:
        texts_by_letter[letter_id].append(text)
    for letter_id, texts in texts_by_letter.items():
        counts[letter_id] = word_counts(texts)
    found: dict[str, set[int]] = defaultdict(set)
    for signatory_id, text, letter_id in rows:
        for kind in typos(text, counts[letter_id]):
            found[kind].add(signatory_id)
    return found


class ArtefactFilter(admin.SimpleListFilter):
    """Signatories with a reading that extraction or typing damaged."""

    title = "name artefacts"
    parameter_name = "artefact"

    def lookups(self, request, model_admin):
        return [("any", "Any"), *ARTEFACTS.items()]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        damaged = ~Q(name_artefacts=[])
        if value == "extraction":
            return queryset.filter(damaged)
        found = signatories_with_typos()
        if value == "any":
            return queryset.filter(damaged | Q(pk__in=set().union(set(), *found.values())))
        return queryset.filter(pk__in=found.get(value, set()))
