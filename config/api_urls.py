"""The read-only JSON API, under /api/."""

from django.urls import path

from letters import api as letters_api
from letters.letter_api import LetterApiView
from signatories import api as signatories_api

app_name = "api"
urlpatterns = [
    path("letter", LetterApiView.as_view(), name="letter"),
    path("sources", letters_api.source_list, name="sources"),
    path("signatories", signatories_api.signatory_list, name="signatories"),
    path("signatories/<slug:slug>", signatories_api.signatory_detail, name="signatory"),
]
