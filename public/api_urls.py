"""The read-only JSON API, under /api/ (a trailing slash is tolerated: see web.api)."""

from django.urls import path

from public import api_views
from public import signatory_api as signatories_api
from public import source_api as letters_api
from public.correction_views import correction_list_json
from public.letter_api import LetterApiView

app_name = "api"
urlpatterns = [
    path("", api_views.index, name="index"),
    path("openapi.json", api_views.openapi, name="openapi"),
    path("letter", LetterApiView.as_view(), name="letter"),
    path("sources", letters_api.source_list, name="sources"),
    path("sources/<slug:slug>", letters_api.source_detail, name="source"),
    path("signatories", signatories_api.signatory_list, name="signatories"),
    path("signatories/<slug:slug>", signatories_api.signatory_detail, name="signatory"),
    path("corrections", correction_list_json, name="corrections"),
]
