"""Curation's answers to the importer's signals (see intake.signals)."""

from django.dispatch import receiver

from curation.models import SourceNote
from intake.signals import source_curation


@receiver(source_curation)
def source_notes_of(sender, *, letter, slugs, **kwargs) -> dict[str, list[str]]:
    """The curators' public notes on these sources, kept while a source is away."""
    noted = SourceNote.objects.filter(letter=letter, source_slug__in=slugs)
    return {slug: ["a source note"] for slug in noted.values_list("source_slug", flat=True)}
