"""Citations of the letter, of each copy and of each signatory, with the date the reader accessed
them: as text, BibTeX, RIS and CSL-JSON. And the words that cite one entry of a copy's list
("FORUM-ASIA copy, second list, no. 23"). Pure functions: the views give them what they need.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from django.utils.text import slugify

ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
FORMATS = {
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@dataclass(frozen=True)
class Citation:
    """What any style needs to cite one thing the archive shows."""

    key: str  # a stable citation key
    csl_type: str  # CSL item type: "webpage", "document", "article-newspaper", ...
    title: str
    site: str  # the archive, where the reader found it
    url: str  # the archive's page for it
    accessed: dt.date
    issued: dt.date | None = None
    author: str = ""  # an institution, when one is known
    genre: str = ""  # "Open letter", "Press release", ...
    notes: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        return "; ".join(self.notes)


def long_date(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B')} {date.year}"


def as_text(c: Citation) -> str:
    """A plain citation a reader can paste: author, title, genre and date, site, URL, accessed."""
    parts = [f"{c.author}." if c.author else "", f"“{c.title}”."]
    described = ", ".join(p for p in (c.genre, long_date(c.issued) if c.issued else "") if p)
    if described:
        parts.append(f"{described[0].upper()}{described[1:]}.")
    parts.append(f"{c.site}, {c.url} (accessed {long_date(c.accessed)}).")
    if c.notes:
        parts.append(f"{c.note[0].upper()}{c.note[1:]}.")
    return " ".join(p for p in parts if p)


def bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}")
    return re.sub(r"([{}%&$#_])", r"\\\1", text)


def as_bibtex(c: Citation) -> str:
    # biblatex's @online takes url and urldate; a plain BibTeX style reads howpublished and note.
    fields = [("title", "{" + bibtex_escape(c.title) + "}")]
    if c.author:
        # Double braces: an institution, not a "Last, First" person's name to be split.
        fields.append(("author", "{{" + bibtex_escape(c.author) + "}}"))
    if c.issued:
        fields += [("year", str(c.issued.year)), ("month", MONTHS[c.issued.month - 1]),
                   ("date", c.issued.isoformat())]  # fmt: skip
    if c.genre:
        fields.append(("type", "{" + bibtex_escape(c.genre) + "}"))
    fields += [
        ("organization", "{" + bibtex_escape(c.site) + "}"),
        ("howpublished", "{\\url{" + c.url + "}}"),
        ("url", "{" + c.url + "}"),
        ("urldate", c.accessed.isoformat()),
    ]
    if c.notes:
        fields.append(("note", "{" + bibtex_escape(c.note) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@online{{{c.key},\n{body}\n}}\n"


def as_ris(c: Citation) -> str:
    kind = {"article-newspaper": "NEWS", "webpage": "ELEC"}.get(c.csl_type, "GEN")
    lines = [("TY", kind), ("TI", c.title)]
    if c.author:
        lines.append(("AU", c.author))
    if c.issued:
        lines += [("PY", str(c.issued.year)), ("DA", c.issued.strftime("%Y/%m/%d"))]
    if c.genre:
        lines.append(("M3", c.genre))
    lines += [("PB", c.site), ("UR", c.url), ("Y2", c.accessed.strftime("%Y/%m/%d"))]
    lines += [("N1", note) for note in c.notes]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def date_parts(date: dt.date) -> dict:
    return {"date-parts": [[date.year, date.month, date.day]]}


def as_csl(c: Citation) -> dict:
    item = {
        "id": c.key,
        "type": c.csl_type,
        "title": c.title,
        "container-title": c.site,
        "URL": c.url,
        "accessed": date_parts(c.accessed),
    }
    if c.author:
        item["author"] = [{"literal": c.author}]
    if c.issued:
        item["issued"] = date_parts(c.issued)
    if c.genre:
        item["genre"] = c.genre
    if c.notes:
        item["note"] = c.note
    return item


def as_csl_json(c: Citation) -> str:
    return json.dumps([as_csl(c)], ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"bib": as_bibtex, "ris": as_ris, "json": as_csl_json}


def citation_key(*parts: str) -> str:
    return "-".join(slugify(p) for p in parts if p)[:80] or "citation"


def letter_citation(letter, *, site: str, url: str, accessed: dt.date, witnesses: int) -> Citation:
    return Citation(
        key=citation_key(letter.slug),
        csl_type="document",
        title=letter.title,
        site=site,
        url=url,
        accessed=accessed,
        issued=letter.date,
        genre="Open letter",
        notes=[f"Reference text collated from {witnesses} copies"]
        + ([f"data version {letter.data_version}"] if letter.data_version else []),
    )


SOURCE_TYPES = {"web-page": "webpage", "news-report": "article-newspaper"}
SOURCE_GENRES = {"pdf-text": "Text extracted from a PDF", "press-release": "Press release"}


def source_citation(source, letter, *, site: str, url: str, accessed: dt.date) -> Citation:
    """A copy of the letter, credited to its publisher, with where it came from when known."""
    notes = [f"A copy of the open letter “{letter.title}”"]
    if source.url:
        retrieved = f", retrieved {long_date(source.retrieved)}" if source.retrieved else ""
        notes.append(f"originally at {source.url}{retrieved}")
    if source.archived_url:
        notes.append(f"archived at {source.archived_url}")
    notes.append(f"file {source.file_name}, SHA-256 {source.sha256}")
    return Citation(
        key=citation_key(letter.slug, source.slug),
        csl_type=SOURCE_TYPES.get(source.kind, "document"),
        title=source.title,
        site=site,
        url=url,
        accessed=accessed,
        issued=source.published,
        author=source.publisher if source.publisher_stated else "",
        genre=SOURCE_GENRES.get(source.kind, ""),
        notes=notes,
    )


def signatory_citation(signatory, letter, *, site: str, url: str, accessed: dt.date) -> Citation:
    return Citation(
        key=citation_key(letter.slug, signatory.slug),
        csl_type="webpage",
        title=f"{signatory.name}, signatory of ‘{letter.title}’",
        site=site,
        url=url,
        accessed=accessed,
        issued=letter.date,
        notes=[f"data version {letter.data_version}"] if letter.data_version else [],
    )


def list_part(diagnostics: list[dict], ordinal: int) -> tuple[int, int]:
    """(part, parts): which of the copy's numbered lists an entry is in, from where the parser
    saw its numbering restart."""
    starts = sorted(d["ordinal"] for d in diagnostics if d.get("code") == "numbering-restart"
                    and d.get("ordinal"))  # fmt: skip
    return 1 + sum(1 for start in starts if start <= ordinal), 1 + len(starts)


def entry_citation(label: str, diagnostics: list[dict], entry) -> str:
    """How to cite one entry: "FORUM-ASIA copy, second list, no. 23, line 120"."""
    part, parts = list_part(diagnostics, entry.ordinal)
    words = [f"{label} copy"]
    if parts > 1:
        words.append(f"{ORDINAL_WORDS[part - 1] if part <= len(ORDINAL_WORDS) else part} list")
    words.append(f"no. {entry.number}" if entry.number else f"entry {entry.ordinal}")
    lines = (
        f"lines {entry.line_start}–{entry.line_end}"
        if entry.line_end != entry.line_start
        else f"line {entry.line_start}"
    )
    return ", ".join([*words, lines])
