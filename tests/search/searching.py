"""The public search as the search tests call it: the names found, best first."""

from public.search import search_signatories
from signatories.models import Signatory


def search(q: str):
    return search_signatories(Signatory.objects.all(), q)


def found(q: str) -> list[str]:
    return [s.name for s in search(q).signatories]


def first(q: str) -> str | None:
    names = found(q)
    return names[0] if names else None
