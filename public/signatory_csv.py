"""The directory as a CSV with one row per signatory and a column per copy's list.

The per-entry CSV (public.downloads) has a row for each line of each list; a reader who
wants the signatories once each would have to pivot it. Here each copy's column holds the name
exactly as that copy prints it, and is empty where the copy does not list the signatory.
"""

import csv
from collections.abc import Callable

from django.http import HttpResponse
from django.views.generic import View

from public.csvcells import csv_row
from public.downloads import DirectoryDownloadMixin

LEADING_COLUMNS = ["slug", "name", "kind", "url", "listed_in", "missing_from"]


def write_signatories_csv(out, signatories, sources, url: Callable[[str], str]) -> None:
    """`sources` are the copies with a list, in order; `signatories` carry their entries."""
    out.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(out)
    writer.writerow([*LEADING_COLUMNS, *(source.slug for source in sources)])
    for signatory in signatories:
        printed: dict[int, list[str]] = {}
        for entry in signatory.entries.all():
            printed.setdefault(entry.source_id, []).append(entry.text)
        missing = [s.slug for s in sources if s.pk not in printed]
        writer.writerow(
            csv_row(
                [
                    signatory.slug,
                    signatory.name,
                    signatory.kind,
                    url(signatory.get_absolute_url()),
                    len(sources) - len(missing),
                    " ".join(missing),
                    *(" | ".join(printed.get(source.pk, [])) for source in sources),
                ]
            )
        )


class SignatoryTableCsvView(DirectoryDownloadMixin, View):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        write_signatories_csv(response, self.signatories(), self.list_sources, self.url)
        slug = self.letter.slug if self.letter else "letter"
        response["Content-Disposition"] = (
            f'attachment; filename="{slug}-signatories-one-row-each.csv"'
        )
        return response
