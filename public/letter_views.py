"""Public pages about the letter and its sources."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from curation.models import SourceNote
from intake.parsing import split_lines
from letters.models import SourceVersion
from letters.reference import majority, signature_count
from public.pages import ArchivePageMixin, CollationMixin
from signatories.models import Signatory


class LetterView(CollationMixin, TemplateView):
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
        context.update(
            paragraphs=collation.paragraphs(),
            witnesses=self.labelled(collation.sources),
            wording_variants=sum(1 for v in collation.variants if v.kind == "wording"),
            typographic_variants=sum(1 for v in collation.variants if v.kind == "typographic"),
            closing=majority([s.closing for s in self.sources]),
            count=signature_count(
                self.sources,
                distinct=signatories.count(),
                in_every_list=signatories.in_every_list().count(),
            ),
        )
        return context


class SourceListView(ArchivePageMixin, TemplateView):
    template_name = "letters/source_list.html"
    page_title = "Sources"
    description = "The copies of the open letter the archive is built from, with their provenance."


class SourceDetailView(CollationMixin, DetailView):
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
        context.update(
            lines=split_lines(source.text),
            entries=entries,
            label=next((s.label for s in self.sources if s.pk == source.pk), source.slug),
            in_collation=source.slug in collation.sources,
            differences=collation.differences(source.slug),
            source_note=SourceNote.objects.of(source).first(),
        )
        return context
