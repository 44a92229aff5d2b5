"""URLs of the public corrections log."""

from django.urls import path

from curation import feeds, views

app_name = "curation"
urlpatterns = [
    path("corrections/", views.CorrectionListView.as_view(), name="list"),
    path("corrections.json", views.correction_list_json, name="list-json"),
    path("corrections.atom", feeds.CorrectionsFeed(), name="feed"),
]
