"""Public pages about the letter and its sources."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, TemplateView

from curation.models import SourceNote
from intake.parsing import split_lines
from letters.models import SourceVersion
from letters.reference import majority, signature_count
from public.citation_views import CitationMixin
from public.originals import ends_without_line_break, line_count
from public.pages import ArchivePageMixin, CollationMixin
from signatories.list_checks import (
    count_in_every_list,
    differences_by_source,
    gaps_of_source,
    list_memberships,
)
from signatories.models import Signatory


class LetterView(CitationMixin, CollationMixin, TemplateView):
    template_name = "letters/letter.html"

    def get_page_title(self) -> str:
        return self.letter.title if self.letter else "No letter loaded"

    def get_description(self) -> str:
        return self.letter.summary if self.letter else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.letter is None:
            return context
        collation = self.collation
        signatories = Signatory.objects.filter(letter=self.letter)
        # The lists' entries read once: each list's count, and who some lists leave out.
        lists = list_memberships(self.list_sources)
        count = signature_count(
            self.sources,
            distinct=signatories.count(),
            in_every_list=count_in_every_list(self.letter, self.list_sources, lists),
            entry_counts=lists.entries,
        )
        differences = differences_by_source(self.letter, self.list_sources, lists)
        # Each list against its note, and how its names differ from the other lists'.
        checks = [(*row, differences[row[0].pk]) for row in count.listed]
        request = self.request
        context.update(
            # Each paragraph's permalink: this address, resolved once for them all.
            letter_url=f"{request.scheme}://{request.get_host()}{reverse('letters:letter')}",
            paragraphs=collation.paragraphs(),
            witnesses=self.labelled(collation.sources),
            wording_variants=sum(1 for v in collation.variants if v.kind == "wording"),
            typographic_variants=sum(1 for v in collation.variants if v.kind == "typographic"),
            closing=majority([s.closing for s in self.sources]),
            count=count,
            checks=checks,
            differing=[row for row in checks if row[3].only_here or row[3].left_out],
            **self.citation_context(names=("letters:citation", {})),
            without_closing=[
                s
                for s in self.labelled(collation.sources)
                if any(d["code"] == "no-closing-formula" for d in s.diagnostics)
            ],
        )
        return context


class SourceListView(ArchivePageMixin, TemplateView):
    template_name = "letters/source_list.html"
    source_entry_counts = True
    page_title = "Sources"
    description = "The copies of the open letter the archive is built from, with their provenance."


class SourceDetailView(CitationMixin, CollationMixin, DetailView):
    template_name = "letters/source_detail.html"
    context_object_name = "source"

    def get_object(self, queryset=None):
        if self.letter is None:
            raise Http404("No letter loaded.")
        return get_object_or_404(
            SourceVersion.objects.all(),
            letter=self.letter,
            slug=self.kwargs["slug"],
        )

    def get_page_title(self) -> str:
        return f"{self.object.title} ({self.object.publisher})"

    def get_description(self) -> str:
        return (
            f"A copy of the open letter: {self.object.get_kind_display().lower()} published by "
            f"{self.object.publisher}, its full text as received and what the archive read in it."
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        entries = list(source.entries.select_related("signatory").order_by("ordinal"))
        collation = self.collation
        raw = bytes(source.raw)
        gaps = iter(gaps_of_source(source, entries))
        context.update(
            notes=[
                {**note, "gap": next(gaps, None) if note["code"] == "numbering-gap" else None}
                for note in source.diagnostics
            ],
            lines=split_lines(source.text),
            line_count=line_count(raw),
            last_line_unbroken=ends_without_line_break(raw),
            entries=entries,
            label=next((s.label for s in self.sources if s.pk == source.pk), source.slug),
            in_collation=source.slug in collation.sources,
            differences=collation.differences(source.slug),
            **self.citation_context(
                source, names=("letters:source-citation", {"slug": source.slug})
            ),
            source_note=SourceNote.objects.of(source).first(),
        )
        return context
