"""A copy's original bytes as received: served for download, counted, and described.

The archive shows a sha256 for every copy; these are the bytes it is the sha256 of. They are
served exactly as stored, whatever they are (text today, PDFs or web-archive captures later), as
an attachment, with a `Repr-Digest` header (RFC 9530) that lets a client check them.
"""

import base64
import hashlib
import mimetypes

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from letters.models import Letter, SourceVersion

# Types for the kinds of copy the archive keeps or will keep, whatever the local mime.types says.
KNOWN_TYPES = {
    ".txt": "text/plain",
    ".md": "text/plain",
    ".html": "text/plain",
    ".htm": "text/plain",
    ".pdf": "application/pdf",
    ".warc": "application/warc",
    ".gz": "application/gzip",
}


def decodes_as_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def content_type_for(file_name: str, data: bytes) -> str:
    """The type the original is served as.

    Text of any kind (plain, Markdown, a saved web page) is served as text/plain, never rendered
    from this site's origin; it says charset=utf-8 only when the bytes decode as UTF-8."""
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    guessed = KNOWN_TYPES.get(suffix) or mimetypes.guess_type(file_name)[0]
    if guessed is None or guessed.startswith("text/"):
        if guessed is None and not decodes_as_utf8(data):
            return "application/octet-stream"
        guessed = "text/plain"
    if guessed == "text/plain" and decodes_as_utf8(data):
        return "text/plain; charset=utf-8"
    return guessed


def repr_digest(data: bytes) -> str:
    """The RFC 9530 `Repr-Digest` field value: sha-256 as a structured-field byte sequence."""
    return f"sha-256=:{base64.b64encode(hashlib.sha256(data).digest()).decode('ascii')}:"


def line_count(data: bytes) -> int:
    """Lines in the file: each line break ends one, and text after the last break is one more.

    `wc -l` counts only the breaks, so it says one fewer for a file whose last line has none."""
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def ends_without_line_break(data: bytes) -> bool:
    return bool(data) and not data.endswith(b"\n")


@require_safe
def source_raw(request, slug: str):
    first_letter = Letter.objects.order_by("pk").values("pk")[:1]
    source = get_object_or_404(
        SourceVersion.objects.only("slug", "file_name", "raw"), letter__in=first_letter, slug=slug
    )
    data = bytes(source.raw)
    if not data:
        raise Http404("The original bytes of this copy are not stored; run load_letter again.")
    response = HttpResponse(data, content_type=content_type_for(source.file_name, data))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=source.file_name
    )
    response["Repr-Digest"] = repr_digest(data)
    return response
