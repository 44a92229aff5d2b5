"""URLs of the letter, its sources, their collation, and the archive's own pages."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from public import collation_views, letter_views, site_views
from public.sitemaps import SITEMAPS

app_name = "letters"
urlpatterns = [
    path("", letter_views.LetterView.as_view(), name="letter"),
    path("sources/", letter_views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", letter_views.SourceDetailView.as_view(), name="source-detail"),
    path("collation/", collation_views.CollationView.as_view(), name="collation"),
    path("about/", site_views.AboutView.as_view(), name="about"),
    path("robots.txt", site_views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
