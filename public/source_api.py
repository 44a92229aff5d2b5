"""Read-only JSON API for the letter's sources: the list and one source."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from curation.models import SourceNote
from letters.models import Letter, SourceVersion
from web.api_json import api_json, api_list


def source_data(request, source: SourceVersion, notes: dict[tuple[int, str], str]) -> dict:
    absolute = request.build_absolute_uri
    return {
        "type": "source",
        "api_url": absolute(reverse("api:source", args=[source.slug])),
        "url": absolute(source.get_absolute_url()),
        "slug": source.slug,
        "title": source.title,
        "publisher": source.publisher,
        "kind": source.kind,
        "language": source.language,
        "published": source.published.isoformat() if source.published else None,
        # Where the copy came from, as letter.toml records it (null when no document says).
        "original_url": source.url or None,
        "retrieved": source.retrieved.isoformat() if source.retrieved else None,
        "archived_url": source.archived_url or None,
        "file": source.file_name,
        "sha256": source.sha256,
        "size": source.size,
        "raw_url": absolute(source.get_raw_url()),
        "entry_count": source.entry_count,
        "list_style": source.list_style,
        "claimed_total": source.claimed_total,
        "claimed_anonymous": source.claimed_anonymous,
        "diagnostics": source.diagnostics,
        # A web-archive capture's own provenance: the URL captured and when (else empty).
        "captured_url": source.captured_url or None,
        "captured_at": source.captured_at.isoformat() if source.captured_at else None,
        # The curators' public note on the source (see /corrections/), or null.
        "note": notes.get((source.letter_id, source.slug)),
    }


def sources():
    return (
        SourceVersion.objects.filter(letter__in=Letter.objects.order_by("pk").values("pk")[:1])
        .defer("text", "body", "raw")
        .with_entry_counts()
        .order_by("position")
    )


def source_notes() -> dict[tuple[int, str], str]:
    """The curators' notes on sources, by (letter, source slug): they outlive a source's removal."""
    return {
        (n.letter_id, n.source_slug): n.text
        for n in SourceNote.objects.only("letter_id", "source_slug", "text")
    }


@require_safe
def source_list(request):
    notes = source_notes()
    return api_json(api_list([source_data(request, s, notes) for s in sources()]))


@require_safe
def source_detail(request, slug: str):
    source = get_object_or_404(sources(), slug=slug)
    return api_json(source_data(request, source, source_notes()))
