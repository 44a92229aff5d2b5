"""Searching signatories. For now a plain containment filter; ranking comes with the search issue."""

from django.db.models import Q, QuerySet

from signatories.models import ListEntry


def search_signatories(queryset: QuerySet, q: str) -> QuerySet:
    """Signatories whose display name or any printed reading contains `q` (case-insensitive)."""
    q = q.strip()
    if not q:
        return queryset
    matching = ListEntry.objects.filter(text__icontains=q).values("signatory_id")
    return queryset.filter(Q(name__icontains=q) | Q(pk__in=matching))
