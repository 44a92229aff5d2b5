"""Public pages about the letter, its sources, their collation, and the archive itself."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from letters.collation import compare
from letters.models import SourceVersion
from letters.pages import ArchivePageMixin
from letters.parsing import split_lines
from letters.reference import letter_collation, majority, signature_count
from signatories.models import Signatory


class CollationMixin(ArchivePageMixin):
    @property
    def collation(self):
        return letter_collation(self.sources)

    def labelled(self, slugs) -> list[SourceVersion]:
        by_slug = {s.slug: s for s in self.sources}
        return [by_slug[slug] for slug in slugs if slug in by_slug]


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
                in_every_list=signatories.in_every_source(self.letter).count(),
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
        return get_object_or_404(SourceVersion, letter=self.letter, slug=self.kwargs["slug"])

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
        )
        return context


class CollationView(CollationMixin, TemplateView):
    """The reference text with every variant place marked, or two copies side by side."""

    template_name = "letters/collation.html"
    page_title = "Collation of the copies"
    description = (
        "The body of the open letter with every place where its copies differ marked, and any "
        "two copies side by side."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        collation = self.collation
        witnesses = self.labelled(collation.sources)
        show_typographic = self.request.GET.get("typography") != "hide"
        apparatus = [
            (variant, [(reading, self.labelled(reading.sources)) for reading in variant.readings])
            for variant in collation.variants
            if show_typographic or variant.kind != "typographic"
        ]
        context.update(
            witnesses=witnesses,
            paragraphs=collation.paragraphs(),
            apparatus=apparatus,
            shown={variant.number for variant, _ in apparatus},
            show_typographic=show_typographic,
            wording_count=sum(1 for v in collation.variants if v.kind == "wording"),
            typographic_count=sum(1 for v in collation.variants if v.kind == "typographic"),
            **self.side_by_side(witnesses),
        )
        return context

    def side_by_side(self, witnesses: list[SourceVersion]) -> dict:
        by_slug = {s.slug: s for s in witnesses}
        a, b = self.request.GET.get("a"), self.request.GET.get("b")
        if not (a or b):
            return {"a": None, "b": None}
        left, right = by_slug.get(a), by_slug.get(b)
        if left is None or right is None:
            return {"a": left, "b": right, "compare_error": True}
        pair = compare((left.slug, left.body), (right.slug, right.body))
        rows = []
        for paragraph in pair.paragraphs():
            cells = []
            for segment in paragraph:
                if segment.variant is None:
                    cells.append((segment.text, segment.text, False))
                else:
                    cells.append(
                        (
                            segment.variant.reading_of(left.slug).text,
                            segment.variant.reading_of(right.slug).text,
                            True,
                        )
                    )
            rows.append(cells)
        return {"a": left, "b": right, "rows": rows, "pair_differences": len(pair.variants)}


class AboutView(ArchivePageMixin, TemplateView):
    template_name = "pages/about.html"
    page_title = "About this archive"
    description = (
        "Where the copies of the open letter come from and how the archive reconciles their "
        "lists of signatories, in plain words."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.letter is not None:
            signatories = Signatory.objects.filter(letter=self.letter)
            context["signatory_count"] = signatories.count()
            context["in_every_list"] = signatories.in_every_source(self.letter).count()
            context["count"] = signature_count(
                self.sources,
                distinct=context["signatory_count"],
                in_every_list=context["in_every_list"],
            )
        return context


class RobotsView(TemplateView):
    template_name = "pages/robots.txt"
    content_type = "text/plain; charset=utf-8"
