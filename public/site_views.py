"""Pages about the archive itself: the about page and robots.txt."""

from django.contrib.sitemaps.views import sitemap
from django.views.generic import TemplateView

from letters.reference import signature_count
from public.pages import ArchivePageMixin
from signatories.list_checks import count_in_every_list
from signatories.models import Signatory


class AboutView(ArchivePageMixin, TemplateView):
    template_name = "pages/about.html"
    source_entry_counts = True
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
            context["in_every_list"] = count_in_every_list(self.letter, self.list_sources)
            context["count"] = signature_count(
                self.sources,
                distinct=context["signatory_count"],
                in_every_list=context["in_every_list"],
            )
        return context


class RobotsView(TemplateView):
    template_name = "pages/robots.txt"
    content_type = "text/plain; charset=utf-8"


def sitemap_view(request, **kwargs):
    """Django's sitemap, which reads its page number from `p`."""
    return sitemap(request, **kwargs)


sitemap_view.query_parameters = frozenset({"p"})
