"""List filters of the curation admin: by source, by list coverage, corrected, pinned."""

from django.contrib import admin
from django.db.models import Exists, OuterRef

from curation.models import Correction
from letters.models import SourceVersion
from signatories.models import MatchMethod, Signatory


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
        return [("yes", "Pinned"), ("no", "Matched by the importer")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(match_method=MatchMethod.OVERRIDE)
        if self.value() == "no":
            return queryset.exclude(match_method=MatchMethod.OVERRIDE)
        return queryset
