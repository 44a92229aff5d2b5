"""URLs of the signatory directory, its downloads and the discrepancies between the lists."""

from django.urls import path

from letters.citation_views import CitationDownloadView
from letters.citations import FORMATS
from signatories import discrepancy_views, downloads, signatory_csv, views
from web.caching import not_cached

app_name = "signatories"
urlpatterns = [
    path("signatories/", views.SignatoryListView.as_view(), name="list"),
    path("signatories.csv", downloads.DirectoryCsvView.as_view(), name="csv"),
    path("signatories.json", downloads.DirectoryJsonView.as_view(), name="json"),
    path(
        "signatories-one-row-each.csv",
        signatory_csv.SignatoryTableCsvView.as_view(),
        name="csv-one-row-each",
    ),
    path("signatories/<slug:slug>/", views.SignatoryDetailView.as_view(), name="detail"),
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
