"""Public pages of the signatory directory."""

from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from signatories.models import ListEntry, Signatory


class SignatoryListView(ListView):
    template_name = "signatories/signatory_list.html"
    context_object_name = "signatories"
    paginate_by = 50

    def get_queryset(self):
        return Signatory.objects.order_by("name", "pk")


class SignatoryDetailView(DetailView):
    template_name = "signatories/signatory_detail.html"
    context_object_name = "signatory"

    def get_queryset(self):
        entries = ListEntry.objects.select_related("source").order_by("source__position")
        return Signatory.objects.prefetch_related(Prefetch("entries", queryset=entries))
