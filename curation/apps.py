"""Configuration of the curation app."""

from django.apps import AppConfig


class CurationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "curation"
    verbose_name = "Curation"

    def ready(self):
        from curation import receivers  # noqa: F401 (connects the importer's signals)
