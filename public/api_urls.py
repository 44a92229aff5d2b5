"""The read-only JSON API, under /api/."""

from django.urls import path

from public import signatory_api as signatories_api
from public import source_api as letters_api
from public.letter_api import LetterApiView

app_name = "api"
urlpatterns = [
    path("letter", LetterApiView.as_view(), name="letter"),
    path("sources", letters_api.source_list, name="sources"),
    path("signatories", signatories_api.signatory_list, name="signatories"),
    path("signatories/<slug:slug>", signatories_api.signatory_detail, name="signatory"),
]
