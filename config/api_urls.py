"""The read-only JSON API, under /api/ (a trailing slash is tolerated: see web.api)."""

from django.urls import path

from config import api_views
from curation.views import correction_list_json
from letters import api as letters_api
from letters.letter_api import LetterApiView
from signatories import api as signatories_api

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
