"""URLs of the letter, its sources, their collation, and the archive's own pages."""

from django.urls import path

from public import collation_views, download_views, letter_views, originals, site_views
from public.citation_views import CitationDownloadView
from public.citations import FORMATS
from public.sitemaps import SITEMAPS
from web.caching import not_cached

app_name = "letters"
urlpatterns = [
    path("", letter_views.LetterView.as_view(), name="letter"),
    path("sources/", letter_views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", letter_views.SourceDetailView.as_view(), name="source-detail"),
    path("sources/<slug:slug>/raw", originals.source_raw, name="source-raw"),
    path("collation/", collation_views.CollationView.as_view(), name="collation"),
    path("about/", site_views.AboutView.as_view(), name="about"),
    path("downloads/archive-bag.zip", download_views.ArchiveBagView.as_view(), name="archive-bag"),
    path("robots.txt", site_views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", site_views.sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    *(
        path(
            f"citation.{fmt}",
            not_cached(CitationDownloadView.as_view(subject="letter")),
            {"fmt": fmt},
            name=f"citation-{fmt}",
        )
        for fmt in FORMATS
    ),
    *(
        path(
            f"sources/<slug:slug>/citation.{fmt}",
            not_cached(CitationDownloadView.as_view(subject="source")),
            {"fmt": fmt},
            name=f"source-citation-{fmt}",
        )
        for fmt in FORMATS
    ),
]
