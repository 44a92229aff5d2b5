"""Short labels for sources, for the compact marks of the directory and the overlap picture."""

import re

from letters.models import SourceKind, SourceVersion

ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9&-]{1,15})\)")
LEADING_NAME_RE = re.compile(r"^([A-Z][A-Z0-9&-]{1,15})\s+[-–—]\s")
KIND_LABELS = {
    SourceKind.PDF_TEXT: "PDF",
    SourceKind.WEB_PAGE: "Web",
    SourceKind.PRESS_RELEASE: "Press",
    SourceKind.NEWS_REPORT: "News",
}


def short_label(source: SourceVersion) -> str:
    """The publisher's acronym ('CIHRS', 'FORUM-ASIA', 'MINBYUN'), else a word for the kind."""
    if m := ACRONYM_RE.search(source.publisher) or LEADING_NAME_RE.match(source.publisher):
        return m.group(1)
    return KIND_LABELS.get(source.kind, source.slug)
