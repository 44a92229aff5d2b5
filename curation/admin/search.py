"""Admin search as the public search finds: folded names, readings and aliases (search app)."""

from django.conf import settings
from django.db.models import Q, QuerySet

from search.queries import Tier, ranked_search
from signatories.models import Signatory


def matching_ids(term: str) -> list[int]:
    """Signatories whose names, readings or aliases match `term` as the public search folds it
    (case, accents, scripts, transliteration, lost spaces), or whose address contains it. A term
    in double quotes is a phrase: only names that have it as whole words match."""
    term = term.strip()
    phrase = len(term) > 1 and term.startswith('"') and term.endswith('"')
    term = term.strip('"').strip()
    if not term:
        return []
    result = ranked_search(Signatory.objects.all(), term, settings.SEARCH_RANKED_LIMIT)
    ids = list(result.signatories.values_list("pk", flat=True))
    if phrase:
        ids = [pk for pk in ids if result.values[pk]["search_tier"] <= Tier.WHOLE_WORDS]
    ids += Signatory.objects.filter(slug__icontains=term).values_list("pk", flat=True)
    return list(dict.fromkeys(ids))


def signatory_search(queryset: QuerySet, search_term: str) -> QuerySet:
    """The signatories of `queryset` any |-separated alternative of `search_term` finds."""
    alternatives = [t for t in search_term.split("|") if t.strip()]
    if not alternatives:
        return queryset
    found: list[int] = []
    for term in alternatives:
        found += matching_ids(term)
    return queryset.filter(pk__in=found)


def entry_search(queryset: QuerySet, search_term: str) -> QuerySet:
    """Entries whose text contains the term, or whose signatory the folded search finds."""
    term = search_term.strip()
    if not term:
        return queryset
    return queryset.filter(Q(text__icontains=term) | Q(signatory_id__in=matching_ids(term)))
