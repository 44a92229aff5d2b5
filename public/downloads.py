"""CSV and JSON downloads of the directory, filtered like the page, with every entry's provenance.

The CSV has one row per list entry (a signatory listed by three copies gives three rows), so each
row carries the exact text printed, where in which file, and that file's sha256 (a one-row-per-
signatory CSV is in `public.signatory_csv`). The JSON has one object per signatory, with its
entries and a table of the sources they cite. A first reading has no similarity score: it is
written empty (null), not 0.
"""

import csv
import json
from collections.abc import Callable

from django.db.models import Prefetch
from django.http import HttpResponse
from django.views.generic import View
from django_filters.views import FilterMixin

from public.csvcells import csv_row
from public.signatory_api import curated_data, pin_data
from public.signatory_views import DirectoryQuerysetMixin
from signatories.models import Alias, ListEntry, Signatory

CSV_COLUMNS = [
    "signatory_slug", "signatory_name", "signatory_kind", "signatory_url",
    "source_slug", "source_title", "source_publisher", "source_file", "source_sha256",
    "ordinal", "number", "text", "line_start", "line_end", "source_url",
    "match_method", "match_score", "curator_pin",
    "signatory_aliases", "signatory_country", "signatory_language", "signatory_note",
]  # fmt: skip


def aliases_cell(signatory: Signatory) -> str:
    """Aliases in one CSV cell: "name (language)", separated by " | "."""
    return " | ".join(
        f"{a.name} ({a.language})" if a.language else a.name for a in signatory.aliases.all()
    )


class DirectoryDownloadMixin(DirectoryQuerysetMixin, FilterMixin):
    """Run the directory's filters and fetch the matching signatories with their entries.

    A download ranks every match of a search, not only the first the page ranks.
    """

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "complete_search": True}

    def signatories(self):
        filterset = self.get_filterset(self.get_filterset_class())
        if filterset.is_bound and not filterset.is_valid():
            return []
        return with_entries(filterset.qs)

    def url(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def attachment(self, response: HttpResponse, extension: str) -> HttpResponse:
        slug = self.letter.slug if self.letter else "letter"
        response["Content-Disposition"] = f'attachment; filename="{slug}-signatories.{extension}"'
        return response


def with_entries(queryset) -> list:
    """The signatories of `queryset` with their entries (their sources and curators' pins) and
    aliases, in 3 queries."""
    entries = ListEntry.objects.select_related("source", "override").defer(
        "source__text", "source__body", "source__raw"
    )
    return list(
        queryset.prefetch_related(
            Prefetch("entries", queryset=entries.order_by("source__position", "ordinal")),
            Prefetch("aliases", queryset=Alias.objects.order_by("name")),
        )
    )


class DirectoryCsvView(DirectoryDownloadMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        write_entries_csv(response, self.signatories(), self.url)
        return self.attachment(response, "csv")


class DirectoryJsonView(DirectoryDownloadMixin, View):
    def get(self, request, *args, **kwargs):
        data = directory_data(self.letter, self.sources, self.signatories(), self.url)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        return self.attachment(response, "json")


def write_entries_csv(out, signatories, url: Callable[[str], str]) -> None:
    """One row per list entry; `url` makes a path absolute."""
    out.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for signatory in signatories:
        for entry in signatory.entries.all():
            source = entry.source
            writer.writerow(
                csv_row(
                    [
                        signatory.slug, signatory.name, signatory.kind,
                        url(signatory.get_absolute_url()),
                        source.slug, source.title, source.publisher, source.file_name,
                        source.sha256, entry.ordinal, entry.number, entry.text,
                        entry.line_start, entry.line_end,
                        url(f"{source.get_absolute_url()}#L{entry.line_start}"),
                        entry.match_method, entry.similarity,
                        entry.override.kind if entry.override else "",
                        aliases_cell(signatory), signatory.country, signatory.name_language,
                        signatory.public_note,
                    ]
                )
            )  # fmt: skip


def directory_data(letter, sources, signatories, url: Callable[[str], str]) -> dict:
    """One object per signatory, with its entries and a table of the sources they cite."""
    return {
        "letter": {
            "title": letter.title if letter else "",
            "date": letter.date.isoformat() if letter and letter.date else None,
            "url": url("/"),
        },
        "granularity": "one object per signatory, with one entry per source that lists it",
        "sources": [
            {
                "slug": s.slug,
                "title": s.title,
                "publisher": s.publisher,
                "kind": s.kind,
                "file": s.file_name,
                "sha256": s.sha256,
                "size": s.size,
                "url": url(s.get_absolute_url()),
                "raw_url": url(s.get_raw_url()),
            }
            for s in sources
        ],
        "count": len(signatories),
        "signatories": [
            {
                "slug": signatory.slug,
                "name": signatory.name,
                "kind": signatory.kind,
                "url": url(signatory.get_absolute_url()),
                **curated_data(signatory),
                "sources": [e.source.slug for e in signatory.entries.all()],
                "entries": [
                    {
                        "source": e.source.slug,
                        "ordinal": e.ordinal,
                        "number": e.number,
                        "text": e.text,
                        "line_start": e.line_start,
                        "line_end": e.line_end,
                        "match_method": e.match_method,
                        "match_score": e.similarity,
                        "curator_pin": pin_data(e),
                    }
                    for e in signatory.entries.all()
                ],
            }
            for signatory in signatories
        ],
    }
