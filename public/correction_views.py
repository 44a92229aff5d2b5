"""The public corrections log, as a page and as JSON."""

from django.views.decorators.http import require_safe
from django.views.generic import ListView

from curation.models import Correction
from web.api_json import api_json, api_list


def public_corrections():
    return (
        Correction.objects.select_related("source")
        .defer("source__text", "source__body")
        .prefetch_related("signatories")
    )


class CorrectionListView(ListView):
    template_name = "curation/correction_list.html"
    context_object_name = "corrections"
    paginate_by = 50
    query_parameters = frozenset({"page"})
    extra_context = {
        "page_title": "Corrections",
        "description": "Every correction curators made to the archive, with its reason.",
    }

    def get_queryset(self):
        return public_corrections()


def correction_data(request, correction: Correction) -> dict:
    """A correction as the public may see it: no curator data beyond a display name."""
    return {
        "type": "correction",
        "id": str(correction.key),
        "date": correction.created_at.isoformat(),
        "action": correction.action,
        "action_label": correction.get_action_display(),
        "summary": correction.summary,
        "changes": correction.changes,
        "reason": correction.reason,
        "evidence_url": correction.evidence_url or None,
        "curator": correction.curator_name or None,
        "signatories": [
            {
                "slug": s.slug,
                "name": s.name,
                "url": request.build_absolute_uri(s.get_absolute_url()),
            }
            for s in correction.signatories.all()
        ],
        "source": correction.source.slug if correction.source else None,
    }


@require_safe
def correction_list_json(request):
    return api_json(api_list([correction_data(request, c) for c in public_corrections()]))
