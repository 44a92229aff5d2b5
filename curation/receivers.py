"""Curation's answers to the importer's signals (see intake.signals)."""

from pathlib import Path

from django.dispatch import receiver

from curation.models import SourceNote
from curation.shipped import apply_shipped_curation
from intake.signals import letter_loaded, source_curation
from letters.models import Letter


@receiver(source_curation)
def source_notes_of(sender, *, letter, slugs, **kwargs) -> dict[str, list[str]]:
    """The curators' public notes on these sources, kept while a source is away."""
    noted = SourceNote.objects.filter(letter=letter, source_slug__in=slugs)
    return {slug: ["a source note"] for slug in noted.values_list("source_slug", flat=True)}


@receiver(letter_loaded)
def shipped_curation(sender, *, letter: Letter, folder: Path, **kwargs) -> list[str]:
    """Apply the curation shipped in the letter's folder (curation.toml) not applied before."""
    return apply_shipped_curation(letter, folder)
