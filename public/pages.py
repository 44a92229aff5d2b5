"""What every public page shares: the letter, its sources, and the page's title and description."""

from django.utils.functional import cached_property

from letters.labels import assign_labels
from letters.models import Letter, SourceVersion
from letters.reference import letter_collation
from public.page_sources import letter_sources

SITE_NAME = "Open letter archive"


class ArchivePageMixin:
    """Puts the letter, its sources (for the footer and the marks) and page metadata in context.

    Every page costs the same query for this (two for a letter without sources), however many
    signatories there are."""

    page_title = ""
    description = ""
    # Whether the page shows how many entries each source lists (`source.entry_count`): counting
    # them costs the shared query a join, which the pages that do not show it are spared.
    source_entry_counts = False
    # Whether the page reads the copies' texts (`public.page_sources.TEXTS`): most pages show
    # only the sources' labels and details, and are spared reading the letter five times over.
    source_texts = False

    @cached_property
    def letter(self) -> Letter | None:
        if self.sources:
            return self.sources[0].letter  # read with the sources
        return Letter.objects.order_by("pk").first()

    @cached_property
    def sources(self) -> list[SourceVersion]:
        """The first letter's sources, with the letter, in one query (`public.page_sources`)."""
        sources = letter_sources(entry_counts=self.source_entry_counts, texts=self.source_texts)
        assign_labels(sources)
        return sources

    @property
    def list_sources(self) -> list[SourceVersion]:
        return [s for s in self.sources if s.has_list]

    def get_page_title(self) -> str:
        return self.page_title

    def get_description(self) -> str:
        return self.description

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            letter=self.letter,
            sources=self.sources,
            list_sources=self.list_sources,
            site_name=SITE_NAME,
            page_title=self.get_page_title(),
            description=self.get_description(),
        )
        return context


class CollationMixin(ArchivePageMixin):
    """Adds the collation of the copies' bodies (cached on their content)."""

    source_texts = True

    @cached_property
    def collation(self):
        return letter_collation(self.sources)

    def labelled(self, slugs) -> list[SourceVersion]:
        by_slug = {s.slug: s for s in self.sources}
        return [by_slug[slug] for slug in slugs if slug in by_slug]
