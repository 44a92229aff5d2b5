"""JSON twin of the letter page: the reference text and every variant reading with its sources."""

from django.http import Http404
from django.urls import reverse
from django.views.generic import View

from letters.reference import letter_collation, majority
from public.pages import ArchivePageMixin
from web.api_json import api_json


class LetterApiView(ArchivePageMixin, View):
    http_method_names = ["get", "head", "options"]
    source_texts = True  # the collation and the closing

    def get(self, request, *args, **kwargs):
        letter = self.letter
        if letter is None:
            raise Http404("No letter loaded.")
        collation = letter_collation(self.sources)
        data = {
            "type": "letter",
            "api_url": request.build_absolute_uri(reverse("api:letter")),
            "url": request.build_absolute_uri(reverse("letters:letter")),
            "title": letter.title,
            "date": letter.date.isoformat() if letter.date else None,
            "addressees": letter.addressees,
            "text": collation.text,
            "closing": majority([s.closing for s in self.sources]),
            "witnesses": list(collation.sources),
            "variants": [
                {
                    "number": v.number,
                    "kind": v.kind,
                    "context_before": v.before,
                    "context_after": v.after,
                    "readings": [
                        {"text": r.text, "sources": list(r.sources), "reference": i == 0}
                        for i, r in enumerate(v.readings)
                    ],
                }
                for v in collation.variants
            ],
            "collation_url": request.build_absolute_uri(reverse("letters:collation")),
            # Each paragraph of the reference text has an anchor on the letter page.
            "paragraph_urls": [
                request.build_absolute_uri(reverse("letters:letter") + f"#p{n}")
                for n in range(1, len(collation.paragraphs()) + 1)
            ],
            "sources_url": request.build_absolute_uri(reverse("api:sources")),
            "signatories_url": request.build_absolute_uri(reverse("api:signatories")),
        }
        return api_json(data)
