"""URLs of the signatory directory, its downloads and the discrepancies between the lists."""

from django.urls import path

from public import discrepancy_views, downloads, signatory_csv, signatory_views
from public.citation_views import CitationDownloadView
from public.citations import FORMATS
from web.caching import not_cached

app_name = "signatories"
urlpatterns = [
    path("signatories/", signatory_views.SignatoryListView.as_view(), name="list"),
    path("signatories.csv", downloads.DirectoryCsvView.as_view(), name="csv"),
    path("signatories.json", downloads.DirectoryJsonView.as_view(), name="json"),
    path(
        "signatories-one-row-each.csv",
        signatory_csv.SignatoryTableCsvView.as_view(),
        name="csv-one-row-each",
    ),
    path("signatories/<slug:slug>/", signatory_views.SignatoryDetailView.as_view(), name="detail"),
    path("discrepancies/", discrepancy_views.DiscrepanciesView.as_view(), name="discrepancies"),
    *(
        path(
            f"signatories/<slug:slug>/citation.{fmt}",
            not_cached(CitationDownloadView.as_view(subject="signatory")),
            {"fmt": fmt},
            name=f"citation-{fmt}",
        )
        for fmt in FORMATS
    ),
]
