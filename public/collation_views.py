"""The collation page: the reference text with every variant marked, and two copies side by side."""

from django.views.generic import TemplateView

from letters.collation import compare
from letters.models import SourceVersion
from public.pages import CollationMixin


class CollationView(CollationMixin, TemplateView):
    """The reference text with every variant place marked, or two copies side by side."""

    template_name = "letters/collation.html"
    query_parameters = frozenset({"typography", "a", "b"})
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
