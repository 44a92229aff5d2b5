"""Downloads of the whole archive: the BagIt bag, zipped."""

from django.http import Http404, HttpResponse
from django.views.generic import View

from public.bag import BagError, SiteLinks, bag_zip
from public.pages import ArchivePageMixin
from web.errors import error_response


class ArchiveBagView(ArchivePageMixin, View):
    http_method_names = ["get", "head", "options"]
    source_texts = True  # letter.toml as read

    def get(self, request, *args, **kwargs):
        if self.letter is None:
            raise Http404("No letter loaded.")
        links = SiteLinks(request.build_absolute_uri("/").rstrip("/"))
        try:
            data = bag_zip(self.letter, links)
        except BagError as exc:
            return error_response(
                request,
                status=503,
                template="400.html",
                title="Archive package unavailable",
                message=f"The archive package cannot be made truthfully just now: {exc}.",
            )
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{self.letter.slug}-bag.zip"'
        return response
