"""App config for signatories: who signed, and which line of which copy says so."""

from django.apps import AppConfig


class SignatoriesConfig(AppConfig):
    name = "signatories"
    verbose_name = "Signatories"
