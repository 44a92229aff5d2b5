"""Public pages about the letter and its sources."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from letters.models import Letter, SourceVersion


class LetterView(TemplateView):
    template_name = "letters/letter.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letter"] = Letter.objects.order_by("pk").first()
        context["sources"] = SourceVersion.objects.annotate(entry_count=Count("entries"))
        return context


class SourceListView(ListView):
    template_name = "letters/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return SourceVersion.objects.annotate(entry_count=Count("entries"))


class SourceDetailView(DetailView):
    template_name = "letters/source_detail.html"
    context_object_name = "source"

    def get_object(self, queryset=None):
        return get_object_or_404(SourceVersion, slug=self.kwargs["slug"])
