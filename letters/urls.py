"""URLs of the letter and its sources."""

from django.urls import path

from letters import views

app_name = "letters"
urlpatterns = [
    path("", views.LetterView.as_view(), name="letter"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source-detail"),
]
