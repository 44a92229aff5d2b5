"""URLs of the signatory directory."""

from django.urls import path

from signatories import views

app_name = "signatories"
urlpatterns = [
    path("signatories/", views.SignatoryListView.as_view(), name="list"),
    path("signatories/<slug:slug>/", views.SignatoryDetailView.as_view(), name="detail"),
]
