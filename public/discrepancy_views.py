"""The discrepancies page: who is missing from which list, and how the lists overlap."""

from django.db.models import Prefetch
from django.views.generic import TemplateView

from public.pages import ArchivePageMixin
from signatories.list_checks import gaps_by_source, list_differences, list_memberships
from signatories.models import ListEntry, Signatory
from signatories.overlap import combinations


class DiscrepanciesView(ArchivePageMixin, TemplateView):
    template_name = "signatories/discrepancies.html"
    source_entry_counts = True
    page_title = "Discrepancies between the lists"
    description = (
        "Which signatories are missing from which copies of the open letter, and how many "
        "signatories each combination of copies lists."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sources = self.list_sources
        listed = list_memberships(sources).listed
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
        # A signatory missing where a list skips a number: that gap is where it would be.
        skipped = {
            (source_id, signatory_id): gap
            for source_id, gaps in gaps_by_source(self.letter, sources).items()
            for gap in gaps
            for signatory_id in gap.left_out
        }
        for signatory in partial:
            by_source = {e.source_id: e for e in signatory.entries.all()}
            signatory.cells = [
                (source, by_source.get(source.pk), skipped.get((source.pk, signatory.pk)))
                for source in sources
            ]
        by_pk = {s.pk: s for s in partial}
        differences = list_differences(listed, [s.pk for s in sources])
        for source in sources:
            difference = differences[source.pk]
            source.only_here = [by_pk[i] for i in difference.only_here]
            source.left_out = [by_pk[i] for i in difference.left_out]
        context.update(
            partial=partial,
            signatory_total=len(listed),
            combinations=combinations(slugs, [s.slug for s in sources]),
        )
        return context
