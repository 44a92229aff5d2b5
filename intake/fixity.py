"""Fixity: do the files on disk and the copies stored in the database still hash to the sha256
recorded for them? Reads letter.toml on its own (not through the importer), so that one damaged
file is reported beside every other one instead of stopping the check."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from intake.manifest import MANIFEST_NAME
from letters.models import SourceVersion


@dataclass(frozen=True)
class Mismatch:
    where: str  # a file path, or "database: <letter>/<source>"
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


@dataclass
class FixityReport:
    files_checked: int = 0
    copies_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recorded_files(folder: Path) -> tuple[str, list[tuple[str, Path, str]]]:
    """The letter slug and (source slug, path, sha256) for every source letter.toml lists."""
    data = tomllib.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    files = [
        (str(raw.get("slug", "?")), folder / str(raw.get("file", "")), str(raw.get("sha256", "")))
        for raw in data.get("sources", [])
        if isinstance(raw, dict)
    ]
    return str(data.get("slug", folder.name)), files


def check_folders(folders: list[Path], report: FixityReport) -> dict[tuple[str, str], str]:
    """Hash every source file on disk against letter.toml; return (letter, source) -> sha256."""
    recorded: dict[tuple[str, str], str] = {}
    for folder in folders:
        try:
            letter, files = recorded_files(folder)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            report.mismatches.append(Mismatch(str(folder / MANIFEST_NAME), f"unreadable: {exc}"))
            continue
        for slug, path, expected in files:
            recorded[letter, slug] = expected.lower()
            report.files_checked += 1
            try:
                actual = sha256_of(path.read_bytes())
            except OSError as exc:
                report.mismatches.append(Mismatch(str(path), f"cannot be read ({exc.strerror})"))
                continue
            if actual != expected.lower():
                report.mismatches.append(
                    Mismatch(str(path), f"sha256 is {actual}, letter.toml records {expected}")
                )
    return recorded


def check_database(recorded: dict[tuple[str, str], str], report: FixityReport) -> None:
    """Hash every copy stored in the database against its recorded sha256 (and letter.toml's)."""
    for letter, slug, sha, raw in SourceVersion.objects.values_list(
        "letter__slug", "slug", "sha256", "raw"
    ).order_by("letter__slug", "position"):
        where = f"database: {letter}/{slug}"
        report.copies_checked += 1
        data = bytes(raw)
        if not data:
            report.mismatches.append(Mismatch(where, "no bytes stored (load_letter again)"))
            continue
        actual = sha256_of(data)
        if actual != sha:
            report.mismatches.append(Mismatch(where, f"sha256 is {actual}, recorded {sha}"))
        on_disk = recorded.get((letter, slug))
        if on_disk is not None and on_disk != sha:
            report.mismatches.append(
                Mismatch(where, f"records sha256 {sha}, letter.toml {on_disk} (not reloaded?)")
            )


def verify_fixity(folders: list[Path]) -> FixityReport:
    report = FixityReport()
    recorded = check_folders(folders, report)
    check_database(recorded, report)
    return report
