"""Public pages of the signatory directory: the directory and one signatory."""

from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch
from django.template.defaulttags import querystring
from django.template.loader import get_template
from django.views.generic import DetailView
from django_filters.views import FilterView

from curation.log import alias_additions, alias_change
from curation.models import Correction
from public.citation_views import CitationMixin
from public.citations import entry_citation
from public.directory_rows import rows_html
from public.filters import INITIALS, OTHER_INITIAL, DirectoryFilter
from public.links import SlugLink
from public.page_details import page_memberships
from public.pages import ArchivePageMixin
from public.search import SearchPaginator, cut_short
from search.queries import Match
from signatories.models import Alias, ListEntry, Signatory

MARKS_TEMPLATE = "signatories/signatory_list.html#marks"


def mark_sources(signatories, sources, listed: dict[int, set[int]]) -> None:
    """Give each signatory `marks_html`: a mark for every source with a list, saying whether it
    lists the signatory. A page has few patterns of marks: each is rendered once."""
    template = get_template(MARKS_TEMPLATE)
    rendered: dict[tuple[bool, ...], str] = {}
    for signatory in signatories:
        ids = listed.get(signatory.pk, set())
        pattern = tuple(source.pk in ids for source in sources)
        if pattern not in rendered:
            marks = list(zip(sources, pattern, strict=True))
            rendered[pattern] = template.render(
                {
                    "marks": marks,
                    "listed_labels": [s.label for s, on in marks if on],
                    "missing_labels": [s.label for s, on in marks if not on],
                }
            )
        signatory.marks_html = rendered[pattern]


def initial_links(request) -> list[tuple[str, str, str]]:
    """(initial, label, query) of each A-Z link: what `{% querystring initial=… page=None %}`
    gives, built once for the page with a placeholder for the initial."""
    placeholder = "INITIAL"
    query = querystring(SimpleNamespace(request=request), initial=placeholder, page=None)
    return [
        (
            initial,
            "Digits and other scripts" if initial == OTHER_INITIAL else initial,
            query.replace(f"initial={placeholder}", f"initial={initial}"),
        )
        for initial in INITIALS
    ]


class DirectoryQuerysetMixin(ArchivePageMixin):
    """The directory's signatories, filtered as the request asks (page and downloads alike)."""

    filterset_class = DirectoryFilter
    # The filters' names: read by the page and its downloads (see web/parameters.py).
    query_parameters = frozenset(DirectoryFilter.base_filters)

    def get_queryset(self):
        return Signatory.objects.filter(letter=self.letter).order_by("sort_key", "pk")

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["sources"] = self.list_sources
        return kwargs


class SignatoryListView(DirectoryQuerysetMixin, FilterView):
    template_name = "signatories/signatory_list.html"
    context_object_name = "signatories"
    paginate_by = 50
    query_parameters = DirectoryQuerysetMixin.query_parameters | {"page"}
    # What a row shows (`name_language`: the name's lang attribute), not the whole signatory.
    shown_fields = ("slug", "name", "kind", "name_language")
    page_title = "Signatories"
    description = (
        "Directory of the organisations and people who signed the open letter, with the copies "
        "of the letter that list each one."
    )

    def get_queryset(self):
        return super().get_queryset().only(*self.shown_fields)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["shown_fields"] = self.shown_fields  # read with a search's matches
        return kwargs

    def get_paginator(self, queryset, per_page, **kwargs):
        """A search's matches in its own order are paged as it read them (`SearchPaginator`).
        Count the whole directory once per data version: every import and correction bumps
        it, and counting a million signatories costs more than the rest of the page."""
        searched = self.filterset.search_result
        if searched is not None and queryset is searched.signatories:  # no sort followed
            return SearchPaginator(searched, per_page, **kwargs)
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if searched is not None and searched.ranked is not None:
            # A sort may follow the search, but nothing filters after it: its count stands.
            paginator.count = searched.ranked
        elif self.letter is not None and not self.narrowed():
            key = f"directory-total:{self.letter.pk}:{self.letter.data_version}"
            paginator.count = cache.get_or_set(key, queryset.count)
        return paginator

    def narrowed(self) -> bool:
        """Whether a search or filter leaves out some signatories (sorting leaves none out)."""
        form = self.filterset.form
        if not self.filterset.is_bound:
            return False
        if not form.is_valid():
            return True  # invalid filters show nothing
        return any(value for name, value in form.cleaned_data.items() if name != "sort")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = list(context["signatories"])
        sources = self.list_sources
        listed = page_memberships([s.pk for s in page], [s.pk for s in self.sources])
        mark_sources(page, sources, listed)
        path = SlugLink(None, "signatories:detail")
        for signatory in page:
            signatory.path = path(signatory.slug)
        form = self.filterset.form
        data = form.cleaned_data if self.filterset.is_bound and form.is_valid() else {}
        result_count = context["paginator"].count if context.get("paginator") else len(page)
        searched = bool(data.get("q"))
        result = self.filterset.search_result
        left_out = result.left_out if result else ()
        searched_for = result.searched if left_out else ""
        if result is not None:
            for signatory in page:
                signatory.search_match = result.match(signatory)
                signatory.search_missing = result.missing(signatory)
        page_obj = context.get("page_obj")
        best = page[0] if page and (page_obj is None or page_obj.number == 1) else None
        highlight_q = searched_for or data.get("q", "")
        context.update(
            signatories=page,
            rows_html=rows_html(page, searched, highlight_q),
            q=data.get("q", ""),
            current_initial=data.get("initial", ""),
            initials=initial_links(self.request),
            result_count=result_count,
            cut_short=searched and cut_short(result_count),
            left_out=left_out,
            searched_for=searched_for,
            # The best result is not named as typed (words left out, or spelled otherwise):
            # the page must not say that any signatory matches.
            closest=searched
            and result is not None
            and not self.filterset.sorting
            and (bool(left_out) or (best is not None and best.search_match not in Match.NAMED)),
            named_none=searched and not page,
            ranked_limit=f"{settings.SEARCH_RANKED_LIMIT:,}",
            filtered=any(data.get(k) for k in form.fields),
            refined=any(data.get(k) for k in form.fields if k not in ("q", "initial")),
        )
        return context


class SignatoryDetailView(CitationMixin, DetailView):
    template_name = "signatories/signatory_detail.html"
    context_object_name = "signatory"

    def get_queryset(self):
        # Each entry's source is one of the page's sources (`self.sources`, read anyway): it is
        # attached in get_context_data rather than read again with every entry.
        entries = ListEntry.objects.select_related("override").order_by(
            "source__position", "ordinal"
        )
        # Most signatories have no alias and no correction: whether they have any is asked with
        # the signatory, and their rows only then (two queries fewer for most pages).
        return Signatory.objects.annotate(
            has_aliases=Exists(Alias.objects.filter(signatory=OuterRef("pk"))),
            has_corrections=Exists(
                Correction.signatories.through.objects.filter(signatory=OuterRef("pk"))
            ),
        ).prefetch_related(Prefetch("entries", queryset=entries))

    def get_page_title(self) -> str:
        return self.object.name

    def get_description(self) -> str:
        count = len({e.source_id for e in self.object.entries.all()})
        return (
            f"{self.object.name}: signatory of the open letter, listed in {count} of its copies, "
            "with each reading exactly as printed."
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = list(self.object.entries.all())
        sources = {s.pk: s for s in self.sources}
        for entry in entries:
            if entry.source_id in sources:
                entry.source = sources[entry.source_id]
                entry.source_label = entry.source.label
            else:  # a signatory of another letter than the first
                entry.source_label = entry.source.slug
            entry.citation = entry_citation(entry.source_label, entry.source.diagnostics, entry)
        listed = {e.source_id for e in entries}
        signatory = self.object
        aliases = list(signatory.aliases.order_by("name")) if signatory.has_aliases else []
        added = alias_additions(self.object) if aliases else {}
        for alias in aliases:
            # The log entry that added it, shown on this page (see curation/_correction.html).
            alias.correction = added.get(alias_change(alias.name, alias.language))
        context.update(
            aliases=aliases,
            corrections=list(signatory.corrections.all()) if signatory.has_corrections else [],
            entries=entries,
            listed_in=len(listed),
            missing_from=[s for s in self.list_sources if s.pk not in listed],
            permalink=self.request.build_absolute_uri(self.object.get_absolute_url()),
            **self.citation_context(
                self.object, names=("signatories:citation", {"slug": self.object.slug})
            ),
        )
        return context
