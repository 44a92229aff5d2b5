"""App config for search: the precomputed search documents behind the directory's search box."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search import signals  # noqa: F401 (connects the receivers)
