"""Which request paths are public reading pages, as opposed to the admin and curation."""

from django.conf import settings


def is_public_path(path: str) -> bool:
    """Whether `path` is part of the read-only public archive (pages, API, health)."""
    return not any(path.startswith(prefix) for prefix in settings.NON_PUBLIC_PATH_PREFIXES)


def is_api_path(path: str) -> bool:
    return path.startswith("/api/")
