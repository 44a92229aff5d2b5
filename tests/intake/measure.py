"""Loading a generated copy beside the seeds and measuring it: entries parsed, attached to the
right signatory, signatories invented (this module holds no tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from intake.importer import ImportReport, load_letters
from letters.models import SourceVersion
from signatories.models import ListEntry
from tests.intake.generators import GeneratedCopy
from tests.intake.helpers import add_source


@dataclass(frozen=True)
class Figures:
    printed: int
    parsed: int
    right: int
    invented: int

    @property
    def right_share(self) -> float:
        return self.right / self.printed if self.printed else 0.0

    def __str__(self) -> str:
        return (
            f"{self.parsed}/{self.printed} parsed, {self.right} right "
            f"({100 * self.right_share:.1f}%), {self.invented} invented"
        )


def seed_list(slug: str) -> tuple[list[str], list[int], str]:
    """A loaded seed copy's entries as printed, the signatory each joined, and its letter body."""
    rows = list(
        ListEntry.objects.filter(source__slug=slug)
        .order_by("ordinal")
        .values_list("text", "signatory_id")
    )
    body = SourceVersion.objects.get(slug="cihrs-web").body
    return [t for t, _ in rows], [s for _, s in rows], body


def load_generated(
    folder: Path, slug: str, copy: GeneratedCopy, signatories: list[int], **extra
) -> tuple[Figures, ImportReport]:
    add_source(folder, slug, copy.text, **extra)
    (report,) = load_letters([folder])
    got = list(
        ListEntry.objects.filter(source__slug=slug)
        .order_by("ordinal")
        .values_list("signatory_id", flat=True)
    )
    want = [signatories[i] for i in copy.sources]
    right = (
        sum(1 for g, w in zip(got, want, strict=False) if g == w) if len(got) == len(want) else 0
    )
    figures = Figures(len(want), len(got), right, report.signatories_created)
    return figures, report
