"""App config for the public archive: pages, JSON API and downloads."""

from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Public archive"
