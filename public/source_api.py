"""Read-only JSON API for the letter's sources."""

from django.db.models import Count
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from letters.models import SourceVersion


def source_data(request, source: SourceVersion) -> dict:
    return {
        "slug": source.slug,
        "title": source.title,
        "publisher": source.publisher,
        "kind": source.kind,
        "language": source.language,
        "published": source.published.isoformat() if source.published else None,
        "file": source.file_name,
        "sha256": source.sha256,
        "size": source.size,
        "entry_count": source.entry_count,
        "list_style": source.list_style,
        "claimed_total": source.claimed_total,
        "claimed_anonymous": source.claimed_anonymous,
        "diagnostics": source.diagnostics,
        "captured_url": source.captured_url,
        "captured_at": source.captured_at.isoformat() if source.captured_at else None,
        "url": request.build_absolute_uri(source.get_absolute_url()),
    }


@require_safe
def source_list(request):
    sources = SourceVersion.objects.annotate(entry_count=Count("entries")).order_by(
        "letter__slug", "position"
    )
    return JsonResponse(
        {"results": [source_data(request, s) for s in sources]},
        json_dumps_params={"ensure_ascii": False},
    )
