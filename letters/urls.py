"""URLs of the letter, its sources, their collation, and the archive's own pages."""

from django.urls import path

from letters import collation_views, site_views, views
from letters.sitemaps import SITEMAPS

app_name = "letters"
urlpatterns = [
    path("", views.LetterView.as_view(), name="letter"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("collation/", collation_views.CollationView.as_view(), name="collation"),
    path("about/", site_views.AboutView.as_view(), name="about"),
    path("robots.txt", site_views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", site_views.sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
]
