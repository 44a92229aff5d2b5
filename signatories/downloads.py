"""CSV and JSON downloads of the directory, filtered like the page, with every entry's provenance.

The CSV has one row per list entry (a signatory listed by three copies gives three rows), so each
row carries the exact text printed, where in which file, and that file's sha256. The JSON has one
object per signatory, with its entries and a table of the sources they cite.
"""

import json

from django.db.models import Prefetch
from django.http import HttpResponse
from django.views.generic import View
from django_filters.views import FilterMixin

from signatories.models import ListEntry
from signatories.spreadsheet import SpreadsheetSafeWriter
from signatories.views import DirectoryQuerysetMixin

CSV_COLUMNS = [
    "signatory_slug", "signatory_name", "signatory_kind", "signatory_url",
    "source_slug", "source_title", "source_publisher", "source_file", "source_sha256",
    "ordinal", "number", "text", "line_start", "line_end", "source_url",
    "match_method", "match_score",
]  # fmt: skip


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
        queryset = filterset.qs
        entries = ListEntry.objects.select_related("source").defer("source__text", "source__body")
        return list(
            queryset.prefetch_related(
                Prefetch("entries", queryset=entries.order_by("source__position", "ordinal"))
            )
        )

    def url(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def attachment(self, response: HttpResponse, extension: str) -> HttpResponse:
        slug = self.letter.slug if self.letter else "letter"
        response["Content-Disposition"] = f'attachment; filename="{slug}-signatories.{extension}"'
        return response


class DirectoryCsvView(DirectoryDownloadMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        writer = SpreadsheetSafeWriter(response)
        writer.writerow(CSV_COLUMNS)
        for signatory in self.signatories():
            for entry in signatory.entries.all():
                source = entry.source
                writer.writerow(
                    [
                        signatory.slug, signatory.name, signatory.kind,
                        self.url(signatory.get_absolute_url()),
                        source.slug, source.title, source.publisher, source.file_name,
                        source.sha256, entry.ordinal, entry.number or "", entry.text,
                        entry.line_start, entry.line_end,
                        self.url(f"{source.get_absolute_url()}#L{entry.line_start}"),
                        entry.match_method, entry.match_score,
                    ]
                )  # fmt: skip
        return self.attachment(response, "csv")


class DirectoryJsonView(DirectoryDownloadMixin, View):
    def get(self, request, *args, **kwargs):
        signatories = self.signatories()
        data = {
            "letter": {
                "title": self.letter.title if self.letter else "",
                "date": self.letter.date.isoformat() if self.letter and self.letter.date else None,
                "url": self.url("/"),
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
                    "url": self.url(s.get_absolute_url()),
                }
                for s in self.sources
            ],
            "count": len(signatories),
            "signatories": [
                {
                    "slug": signatory.slug,
                    "name": signatory.name,
                    "kind": signatory.kind,
                    "url": self.url(signatory.get_absolute_url()),
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
                            "match_score": e.match_score,
                        }
                        for e in signatory.entries.all()
                    ],
                }
                for signatory in signatories
            ],
        }
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        return self.attachment(response, "json")
