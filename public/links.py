"""Absolute links to objects by slug, with the URL resolved once, not once per link.

A JSON page of fifty signatories carries some four hundred links; reversing and making each one
absolute on its own was most of the page's cost. Slugs match `<slug:...>` (ASCII letters, digits,
hyphens and underscores), which neither `reverse` nor `build_absolute_uri` changes, so gluing one
into the resolved address gives the same text as resolving it with the slug (letters.paths).
"""

from letters.paths import PLACEHOLDER, slug_path


class SlugLink:
    """`link(slug)` == `request.build_absolute_uri(reverse(view_name, args=[slug]))`, or
    `reverse(view_name, args=[slug])` when `request` is None."""

    def __init__(self, request, view_name: str):
        address = slug_path(view_name, PLACEHOLDER)
        if request is not None:
            address = request.build_absolute_uri(address)
        self.head, _, self.tail = address.rpartition(PLACEHOLDER)

    def __call__(self, slug: str) -> str:
        return f"{self.head}{slug}{self.tail}"
