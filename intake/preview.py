"""What an import decided for each new or changed entry, for `load_letter --dry-run` and for
whoever reviews the doubtful matches: the signatory each entry joins, how, with what score, and
the signatories the import creates."""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.matching import is_doubtful
from letters.models import Letter, SourceVersion
from signatories.models import ListEntry, MatchMethod


@dataclass(frozen=True)
class EntryDecision:
    source: str
    ordinal: int
    text: str
    place: str
    signatory: str
    created: bool  # the signatory is one this import creates
    method: str
    score: float
    doubtful: bool


@dataclass
class Preview:
    decisions: list[EntryDecision] = field(default_factory=list)
    created: list[str] = field(default_factory=list)  # names of the signatories created

    @property
    def doubtful(self) -> list[EntryDecision]:
        return [d for d in self.decisions if d.doubtful]


def collect_preview(
    letter: Letter, pending: set[tuple[int, int]], created_ids: set[int]
) -> Preview:
    """The decisions taken for the (source id, ordinal) entries matched by this import."""
    first_list = SourceVersion.objects.with_lists().filter(letter=letter).order_by("position")
    first_id = first_list.values_list("pk", flat=True).first()
    rows = (
        ListEntry.objects.filter(source__letter=letter)
        .order_by("source__position", "ordinal")
        .values_list(
            "source_id", "source__slug", "ordinal", "text", "place", "signatory_id",
            "signatory__name", "match_method", "match_score",
        )
    )  # fmt: skip
    preview = Preview()
    for source_id, slug, ordinal, text, place, signatory_id, name, method, score in rows:
        if (source_id, ordinal) not in pending:
            continue
        preview.decisions.append(
            EntryDecision(
                source=slug, ordinal=ordinal, text=text, place=place, signatory=name,
                created=signatory_id in created_ids, method=method, score=score,
                doubtful=is_doubtful(method, score, first_list=source_id == first_id),
            )
        )  # fmt: skip
    preview.created = sorted(
        {d.signatory for d in preview.decisions if d.created and d.method == MatchMethod.NEW}
    )
    return preview
