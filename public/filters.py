"""The directory's search box, filters and sorting, shared by its page and its downloads."""

import string

import django_filters
from django import forms
from django.db.models import Count, Exists, OuterRef, Q

from letters.models import SourceVersion
from names.sorting import initial_range, latin_range
from public.search import search_signatories
from public.widgets import InlineSelect
from search.queries import SearchResult
from signatories.models import ListEntry, SignatoryKind

SORTS = [
    ("name", "Name, A to Z"),
    ("-name", "Name, Z to A"),
    ("sources", "Fewest lists first"),
    ("-sources", "Most lists first"),
]
COVERAGE = [("all", "In every list"), ("some", "Missing from some list")]
OTHER_INITIAL = "other"
MAX_QUERY_LENGTH = 200
INITIALS = [*string.ascii_uppercase, OTHER_INITIAL]


def initial_q(initial: str) -> Q:
    """Names filed under `initial` by their sort key: "É" and "e" under E, "Ł" under L."""
    lower, upper = initial_range(initial)
    return Q(sort_key__gte=lower, sort_key__lt=upper)


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search names",
        method="search",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    listed_in = django_filters.ChoiceFilter(
        label="Listed in", method="filter_listed_in", empty_label="Any source", widget=InlineSelect
    )
    missing_from = django_filters.ChoiceFilter(
        label="Missing from",
        method="filter_missing_from",
        empty_label="No filter",
        widget=InlineSelect,
    )
    coverage = django_filters.ChoiceFilter(
        label="Lists",
        choices=COVERAGE,
        method="filter_coverage",
        empty_label="Any",
        widget=InlineSelect,
    )
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=SignatoryKind.choices, empty_label="Any", widget=InlineSelect
    )
    initial = django_filters.ChoiceFilter(
        label="Initial",
        choices=[(i, i) for i in INITIALS],
        method="filter_initial",
        widget=forms.HiddenInput,
    )
    sort = django_filters.ChoiceFilter(
        label="Sort",
        choices=SORTS,
        method="filter_sort",
        empty_label="Relevance or name",
        widget=InlineSelect,
    )

    def __init__(
        self,
        *args,
        sources: list[SourceVersion] = (),
        complete_search: bool = False,
        shown_fields: tuple[str, ...] = (),
        **kwargs,
    ):
        """`complete_search`: rank every match (for downloads); `shown_fields`: the signatory
        fields a page shows, read with a search's matches (`SearchResult.rows`)."""
        super().__init__(*args, **kwargs)
        self.complete_search = complete_search
        self.shown_fields = shown_fields
        self.search_result: SearchResult | None = None  # set when `q` is searched
        choices = [(s.slug, f"{s.label}: {s.get_kind_display()}") for s in sources]
        self.filters["listed_in"].extra["choices"] = choices
        self.filters["missing_from"].extra["choices"] = choices

    def filter_queryset(self, queryset):
        """Apply the search after the other filters (it may rank only some matches, which must
        be of the filtered set) and the sort last (it replaces the ranking)."""
        last = ("q", "sort")
        order = [n for n in self.form.cleaned_data if n not in last] + list(last)
        for name in order:
            if name not in self.form.cleaned_data:
                continue
            queryset = self.filters[name].filter(queryset, self.form.cleaned_data[name])
        return queryset

    def search(self, queryset, name, value):
        self.search_result = search_signatories(
            queryset, value, complete=self.complete_search, fields=self.shown_fields
        )
        return self.search_result.signatories

    def filter_listed_in(self, queryset, name, value):
        return queryset.filter(
            Exists(ListEntry.objects.filter(signatory=OuterRef("pk"), source__slug=value))
        )

    def filter_missing_from(self, queryset, name, value):
        return queryset.filter(
            ~Exists(ListEntry.objects.filter(signatory=OuterRef("pk"), source__slug=value))
        )

    def filter_coverage(self, queryset, name, value):
        return queryset.in_every_list() if value == "all" else queryset.missing_from_some_list()

    def filter_initial(self, queryset, name, value):
        if value == OTHER_INITIAL:
            lower, upper = latin_range()
            return queryset.filter(Q(sort_key__lt=lower) | Q(sort_key__gte=upper))
        return queryset.filter(initial_q(value))

    def filter_sort(self, queryset, name, value):
        if value.lstrip("-") == "sources":
            queryset = queryset.annotate(list_count=Count("entries__source", distinct=True))
            return queryset.order_by(value.replace("sources", "list_count"), "sort_key", "pk")
        return queryset.order_by(value.replace("name", "sort_key"), "pk")

    @property
    def searching(self) -> bool:
        return bool(self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("q"))

    @property
    def sorting(self) -> bool:
        return bool(self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("sort"))
