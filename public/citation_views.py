"""Citation downloads (BibTeX, RIS, CSL-JSON) of the letter, a copy and a signatory, and the
citation every page shows. The access date is today's, so downloads are never cached."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import View

from public.citations import (
    FORMATS,
    RENDERERS,
    as_text,
    letter_citation,
    signatory_citation,
    source_citation,
)
from public.pages import SITE_NAME, ArchivePageMixin
from signatories.models import Signatory


class CitationMixin(ArchivePageMixin):
    """`citation_of(obj)`: the Citation of the letter, a source or a signatory, accessed today."""

    def citation_of(self, obj=None):
        url = self.request.build_absolute_uri
        accessed = timezone.localdate()
        if obj is None:
            witnesses = sum(1 for s in self.sources if s.body.strip())
            return letter_citation(
                self.letter, site=SITE_NAME, url=url(reverse("letters:letter")),
                accessed=accessed, witnesses=witnesses,
            )  # fmt: skip
        if isinstance(obj, Signatory):
            return signatory_citation(
                obj, self.letter, site=SITE_NAME, url=url(obj.get_absolute_url()),
                accessed=accessed,
            )  # fmt: skip
        return source_citation(
            obj, self.letter, site=SITE_NAME, url=url(obj.get_absolute_url()), accessed=accessed
        )

    def citation_context(self, obj=None, *, names: tuple[str, dict]) -> dict:
        """The text to show and the three download links (url name, its arguments)."""
        name, kwargs = names
        return {
            "citation_text": as_text(self.citation_of(obj)),
            "citation_downloads": [
                (label, reverse(f"{name}-{fmt}", kwargs=kwargs))
                for label, fmt in (("BibTeX", "bib"), ("RIS", "ris"), ("CSL-JSON", "json"))
            ],
        }


class CitationDownloadView(CitationMixin, View):
    """One citation file; `subject` is "letter", "source" or "signatory", `fmt` a FORMATS key."""

    http_method_names = ["get", "head", "options"]
    subject = "letter"

    @property
    def source_texts(self) -> bool:
        """Only the letter's citation reads the copies' texts (it counts those with one)."""
        return self.subject == "letter"

    def get(self, request, *args, fmt: str, slug: str = "", **kwargs):
        if self.letter is None:
            raise Http404("No letter loaded.")
        obj = None
        if self.subject == "source":
            obj = next((s for s in self.sources if s.slug == slug), None)
            if obj is None:
                raise Http404("No such copy.")
        elif self.subject == "signatory":
            obj = get_object_or_404(Signatory, letter=self.letter, slug=slug)
        citation = self.citation_of(obj)
        content_type, extension = FORMATS[fmt]
        response = HttpResponse(RENDERERS[fmt](citation), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{citation.key}.{extension}"'
        add_never_cache_headers(response)  # the access date is today's
        return response
