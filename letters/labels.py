"""Short labels for sources, for the compact marks of the directory and the overlap picture."""

import re
from collections import Counter

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


def assign_labels(sources: list[SourceVersion]) -> None:
    """Give each source a `label` and a one-character `mark`, both unique among `sources`.

    Labels that would repeat get their position ('Web 1', 'Web 3'); marks are the labels' first
    letters when those differ, else the sources' positions in the list."""
    labels = [short_label(s) for s in sources]
    repeated = {label for label, n in Counter(labels).items() if n > 1}
    for source, label in zip(sources, labels, strict=True):
        source.label = f"{label} {source.position}" if label in repeated else label
    initials = [s.label[:1].upper() for s in sources]
    distinct = len(set(initials)) == len(initials)
    for index, source in enumerate(sources, start=1):
        source.mark = initials[index - 1] if distinct else str(index)
