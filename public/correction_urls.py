"""URLs of the public corrections log."""

from django.urls import path

from public import correction_views, feeds

app_name = "curation"
urlpatterns = [
    path("corrections/", correction_views.CorrectionListView.as_view(), name="list"),
    path("corrections.json", correction_views.correction_list_json, name="list-json"),
    path("corrections.atom", feeds.CorrectionsFeed(), name="feed"),
]
