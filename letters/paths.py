"""Paths of the archive's pages, resolved once per URL configuration and script prefix.

Every page links the same named pages (header, footer) and a page per source or signatory by
slug, and `reverse` resolves a name anew on each call. The URL configuration does not change
while a process runs, so a name's path, or its head and tail around a slug, is resolved once for
each configuration and script prefix and reused. Slugs match `<slug:...>` (ASCII letters, digits,
hyphens and underscores), which `reverse` leaves as they are: gluing one between head and tail
gives the text reversing it would.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

PLACEHOLDER = "__slug__"


def named_path(view_name: str) -> str:
    """`reverse(view_name)`."""
    return resolved(view_name, False, get_script_prefix(), current_urlconf())[0]


def slug_path(view_name: str, slug: str) -> str:
    """`reverse(view_name, args=[slug])`."""
    head, tail = resolved(view_name, True, get_script_prefix(), current_urlconf())
    return f"{head}{slug}{tail}"


def current_urlconf() -> str:
    return get_urlconf() or settings.ROOT_URLCONF


@functools.lru_cache(maxsize=256)
def resolved(view_name: str, with_slug: bool, prefix: str, urlconf: str) -> tuple[str, str]:
    # `prefix` is in the key only: reverse() reads the same script prefix itself.
    if not with_slug:
        return reverse(view_name, urlconf=urlconf), ""
    head, _, tail = reverse(view_name, args=[PLACEHOLDER], urlconf=urlconf).rpartition(PLACEHOLDER)
    return head, tail
