"""Reading a letter folder: letter.toml, the source files it names, their checksums and parses.

Everything here happens before the database is touched, so bad input changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from intake import limits
from intake.annotations import settle_places
from intake.elsewhere import PrintedByOthers
from intake.formats import UnreadableCopy
from intake.formats.pdf import pdf_text
from intake.formats.web_archive import capture
from intake.lists import rejoin_across_copies
from intake.parsing import ParsedSource, ParseError, parse_source
from letters.models import SourceKind, SourceVersion
from names.folding import compact_key
from names.places import name_part
from signatories.models import Signatory

MANIFEST_NAME = "letter.toml"
LETTER_REQUIRED = {"slug", "title"}
LETTER_OPTIONAL = {"date", "addressees", "summary"}
SOURCE_REQUIRED = {"slug", "file", "sha256", "title", "publisher", "kind"}
# `url`: where the copy was found (http or https); for a web archive, it also picks the record
# to read.
SOURCE_OPTIONAL = {"language", "published", "notes", "url", "retrieved", "archived_url"}
DATE_KEYS = {"date", "published", "retrieved"}
URL_KEYS = {"url", "archived_url"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class LoadError(Exception):
    """Input the loader refuses, with a message that says which file and what is wrong."""


@dataclass
class SourceSpec:
    slug: str
    file_name: str
    sha256: str
    title: str
    publisher: str
    kind: str
    position: int
    language: str = ""
    published: dt.date | None = None
    notes: str = ""
    url: str = ""
    retrieved: dt.date | None = None
    archived_url: str = ""
    size: int = 0
    # A web-archive capture's own provenance: the URL captured and when.
    captured_url: str = ""
    captured_at: dt.datetime | None = None
    text: str = ""
    content: bytes = b""
    parsed: ParsedSource = field(default_factory=ParsedSource)
    # What the operator should know although the source was accepted.
    warnings: list[str] = field(default_factory=list)


@dataclass
class LetterSpec:
    folder: Path
    slug: str
    title: str
    date: dt.date | None
    addressees: list[str]
    summary: str
    sources: list[SourceSpec]
    manifest: str = ""


def read_letter_folder(folder: Path) -> LetterSpec:
    """Read, verify and parse one letter folder; raise LoadError on anything wrong."""
    try:
        return read_checked_folder(folder)
    except limits.LimitError as exc:
        raise LoadError(str(exc)) from exc


def read_checked_folder(folder: Path) -> LetterSpec:
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        raise LoadError(f"{manifest}: no such file")
    limits.check_file_size(str(manifest), manifest.stat().st_size, limits.MAX_MANIFEST_BYTES)
    try:
        manifest_text = manifest.read_text(encoding="utf-8")
        data = tomllib.loads(manifest_text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LoadError(f"{manifest}: malformed TOML: {exc}") from exc

    letter = {k: v for k, v in data.items() if k != "sources"}
    check_keys(manifest, "the letter", letter, LETTER_REQUIRED, LETTER_OPTIONAL)
    limits.check_letter_fields(f"{manifest}: the letter", letter)
    check_slug(manifest, letter["slug"])
    raw_sources = data.get("sources")
    if not isinstance(raw_sources, list) or not raw_sources:
        raise LoadError(f"{manifest}: no [[sources]] tables")
    limits.check_source_count(str(manifest), len(raw_sources))

    sources: list[SourceSpec] = []
    seen_slugs: set[str] = set()
    seen_sha: set[str] = set()
    for position, raw in enumerate(raw_sources, start=1):
        where = f"source #{position}"
        if not isinstance(raw, dict):
            raise LoadError(f"{manifest}: {where} is not a table")
        check_keys(manifest, where, raw, SOURCE_REQUIRED, SOURCE_OPTIONAL)
        columns = {"file_name": raw["file"], **{k: v for k, v in raw.items() if k != "file"}}
        limits.check_columns(f"{manifest}: {where}", SourceVersion, columns)
        spec = SourceSpec(
            slug=raw["slug"],
            file_name=raw["file"],
            sha256=raw["sha256"].lower(),
            title=raw["title"],
            publisher=raw["publisher"],
            kind=raw["kind"],
            position=position,
            language=raw.get("language", ""),
            published=as_date(manifest, f"{where} published", raw.get("published")),
            notes=raw.get("notes", ""),
            url=as_url(manifest, f"{where} url", raw.get("url")),
            retrieved=as_date(manifest, f"{where} retrieved", raw.get("retrieved")),
            archived_url=as_url(manifest, f"{where} archived_url", raw.get("archived_url")),
        )
        check_slug(manifest, spec.slug)
        if spec.slug in seen_slugs:
            raise LoadError(f"{manifest}: source slug {spec.slug!r} appears twice")
        seen_slugs.add(spec.slug)
        if spec.kind not in SourceKind.values:
            raise LoadError(
                f"{manifest}: source {spec.slug!r} has unknown kind {spec.kind!r}; "
                f"expected one of {', '.join(SourceKind.values)}"
            )
        if not re.fullmatch(r"[0-9a-f]{64}", spec.sha256):
            raise LoadError(f"{manifest}: source {spec.slug!r}: sha256 must be 64 hex digits")
        if spec.sha256 in seen_sha:
            raise LoadError(f"{manifest}: source {spec.slug!r}: the same file is listed twice")
        seen_sha.add(spec.sha256)
        read_source_file(folder, spec)
        sources.append(spec)

    letter_title = letter["title"]
    name_limit = limits.column_limit(Signatory, "imported_name")
    for spec in sources:
        spec.parsed = parse_copy(folder, spec, letter_title)
        if warning := limits.set_aside_news_report_list(spec.kind, spec.parsed):
            spec.warnings.append(warning)

    # What the other copies print is evidence for reading each one: which commas of a list in
    # running text end a name, how wrapped lines join, and which entries end in a place. Each
    # name's copies are counted once, so that this stays linear in the number of copies.
    texts = PrintedByOthers([{e.text for e in spec.parsed.entries} for spec in sources])
    for index, spec in enumerate(sources):
        if spec.parsed.list_style == "running-text":
            spec.parsed = parse_copy(folder, spec, letter_title, known=texts.of(index))
    rejoin_across_copies([spec.parsed for spec in sources], compact_key)
    names = PrintedByOthers(
        [{n for e in spec.parsed.entries for n in (e.text, name_part(e.text, e.place))}
         for spec in sources]
    )  # fmt: skip
    for index, spec in enumerate(sources):
        if settle_places(spec.parsed, names.of(index)):
            names.update(index, {n for e in spec.parsed.entries
                                 for n in (e.text, name_part(e.text, e.place))})  # fmt: skip
        limits.check_parsed(str(folder / spec.file_name), spec.parsed, name_limit=name_limit)

    addressees = letter.get("addressees", [])
    if not isinstance(addressees, list) or not all(isinstance(a, str) for a in addressees):
        raise LoadError(f"{manifest}: addressees must be a list of strings")
    return LetterSpec(
        folder=folder,
        slug=letter["slug"],
        title=letter_title,
        date=as_date(manifest, "date", letter.get("date")),
        addressees=addressees,
        summary=letter.get("summary", ""),
        sources=sources,
        manifest=manifest_text,
    )


def parse_copy(folder: Path, spec: SourceSpec, title: str, known: set[str] | None = None):
    try:
        return parse_source(
            spec.text, title=title, expect_list=spec.kind != SourceKind.NEWS_REPORT, known=known
        )
    except ParseError as exc:
        raise LoadError(f"{folder / spec.file_name}: copy {spec.slug!r}: {exc}") from exc


def read_source_file(folder: Path, spec: SourceSpec) -> None:
    path = (folder / spec.file_name).resolve()
    if folder.resolve() not in path.parents:
        raise LoadError(f"{folder / MANIFEST_NAME}: source {spec.slug!r}: file must be in {folder}")
    if not path.is_file():
        raise LoadError(f"{path}: missing file for source {spec.slug!r}")
    limits.check_file_size(str(path), path.stat().st_size, limits.MAX_SOURCE_FILE_BYTES)
    content = path.read_bytes()
    actual = hashlib.sha256(content).hexdigest()
    if actual != spec.sha256:
        raise LoadError(
            f"{path}: sha256 mismatch for source {spec.slug!r}: "
            f"letter.toml says {spec.sha256}, the file is {actual}"
        )
    spec.size = len(content)
    spec.content = content
    try:
        if spec.kind == SourceKind.PDF:
            spec.text = pdf_text(content)
        elif spec.kind == SourceKind.WEB_ARCHIVE:
            captured = capture(content, spec.url)
            spec.text, spec.captured_url, spec.captured_at = (
                captured.text,
                captured.url,
                captured.captured_at,
            )
        else:
            spec.text = content.decode("utf-8")
    except UnreadableCopy as exc:
        raise LoadError(f"{path}: copy {spec.slug!r} ({spec.kind}): {exc}") from exc
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise LoadError(
            f"{path}: copy {spec.slug!r}: line {line}: expected UTF-8 text, "
            f"found byte {content[exc.start]:#04x}"
        ) from exc
    limits.check_characters(str(path), spec.text, multiline=True)


def check_keys(manifest: Path, where: str, table: dict, required: set, optional: set) -> None:
    missing = sorted(required - table.keys())
    if missing:
        raise LoadError(f"{manifest}: {where} lacks {', '.join(missing)}")
    unknown = sorted(table.keys() - required - optional)
    if unknown:
        raise LoadError(f"{manifest}: {where} has unknown keys {', '.join(unknown)}")
    for key in (required | optional) & table.keys():
        if key == "addressees" or key in DATE_KEYS:
            continue
        if not isinstance(table[key], str) or (key in required and not table[key].strip()):
            raise LoadError(f"{manifest}: {where}: {key} must be a non-empty string")


def check_slug(manifest: Path, slug: str) -> None:
    if not SLUG_RE.match(slug):
        raise LoadError(f"{manifest}: {slug!r} is not a valid slug (lowercase letters, digits, -)")


def as_date(manifest: Path, what: str, value) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise LoadError(f"{manifest}: {what} must be a date (YYYY-MM-DD)")


def as_url(manifest: Path, what: str, value) -> str:
    """An absolute http or https address, or "" when the key is left out."""
    if value is None:
        return ""
    try:
        parts = urlsplit(value) if isinstance(value, str) else None
    except ValueError:  # a malformed IPv6 host, for example
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in value)
        or len(value) > 500
    ):
        raise LoadError(f"{manifest}: {what} must be an http or https address")
    return value
