"""The discrepancies page: who is missing from which list, and how the lists overlap."""

from django.db.models import Prefetch
from django.views.generic import TemplateView

from letters.pages import ArchivePageMixin
from signatories.models import ListEntry, Signatory
from signatories.overlap import combinations
from signatories.views import memberships


class DiscrepanciesView(ArchivePageMixin, TemplateView):
    template_name = "signatories/discrepancies.html"
    page_title = "Discrepancies between the lists"
    description = (
        "Which signatories are missing from which copies of the open letter, and how many "
        "signatories each combination of copies lists."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sources = self.list_sources
        listed = memberships(self.letter)
        by_id = {s.pk: s for s in sources}
        slugs = {sid: {by_id[i].slug for i in ids if i in by_id} for sid, ids in listed.items()}
        partial_ids = [sid for sid, ids in listed.items() if len(ids & by_id.keys()) < len(sources)]
        entries = ListEntry.objects.filter(signatory_id__in=partial_ids).order_by(
            "source__position"
        )
        partial = list(
            Signatory.objects.filter(pk__in=partial_ids)
            .prefetch_related(Prefetch("entries", queryset=entries))
            .order_by("sort_key", "pk")
        )
        for signatory in partial:
            by_source = {e.source_id: e for e in signatory.entries.all()}
            signatory.cells = [(source, by_source.get(source.pk)) for source in sources]
        context.update(
            partial=partial,
            signatory_total=len(listed),
            combinations=combinations(slugs, [s.slug for s in sources]),
        )
        return context
