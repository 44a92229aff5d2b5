"""The text of a copy kept as a web-archive capture: a WARC file (plain or gzipped), or a WACZ
(a zip holding WARCs), read with warcio.

The record read is the one captured from the source's `url` when letter.toml gives one, else the
first successful capture of a page (HTML or plain text) or of a PDF. Its captured URL and capture
date are the copy's provenance. HTML is kept as captured; the parser reads it as the page shows it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from intake.formats import UnreadableCopy
from intake.formats.pdf import pdf_text

READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Capture:
    text: str
    url: str
    captured_at: dt.datetime | None
    content_type: str


@dataclass(frozen=True)
class Record:
    url: str
    date: str
    status: int
    content_type: str
    headers_charset: str
    payload: bytes


def warc_streams(data: bytes) -> list[bytes]:
    """The WARC files a capture holds: itself, or the archive/*.warc[.gz] of a WACZ."""
    if data[:4] != b"PK\x03\x04":
        return [data]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as wacz:
            names = sorted(n for n in wacz.namelist() if re.search(r"\.warc(?:\.gz)?$", n))
            if not names:
                raise UnreadableCopy("expected a WACZ with WARC files under archive/, found none")
            return [wacz.read(name) for name in names]
    except zipfile.BadZipFile as exc:
        raise UnreadableCopy(f"expected a WACZ (a zip file): {exc}") from exc


def records(data: bytes) -> list[Record]:
    found = []
    for stream in warc_streams(data):
        try:
            for record in ArchiveIterator(io.BytesIO(stream)):
                if record.rec_type not in {"response", "resource"}:
                    continue
                headers = record.http_headers
                status = int(headers.get_statuscode() or 0) if headers else 200
                content_type = (
                    (headers.get_header("Content-Type") if headers else None)
                    or record.rec_headers.get_header("Content-Type")
                    or ""
                )
                charset = re.search(r"charset=([\w-]+)", content_type or "", re.IGNORECASE)
                found.append(
                    Record(
                        url=record.rec_headers.get_header("WARC-Target-URI") or "",
                        date=record.rec_headers.get_header("WARC-Date") or "",
                        status=status,
                        content_type=content_type.split(";")[0].strip().lower(),
                        headers_charset=charset.group(1) if charset else "",
                        payload=record.content_stream().read(),
                    )
                )
        except ArchiveLoadFailed as exc:
            raise UnreadableCopy(f"expected WARC records: {exc}") from exc
    return found


def capture(data: bytes, url: str = "") -> Capture:
    """The captured page or PDF this copy is, with its URL and capture date."""
    found = records(data)
    if not found:
        raise UnreadableCopy("expected a response record in the capture, found none")
    if url:
        chosen = next((r for r in found if r.url == url), None)
        if chosen is None:
            listed = ", ".join(sorted({r.url for r in found})[:10])
            raise UnreadableCopy(f"expected a record captured from {url}, found only: {listed}")
    else:
        chosen = next(
            (r for r in found if r.status == 200 and r.content_type in READABLE_TYPES), None
        )
        if chosen is None:
            raise UnreadableCopy(
                "expected a captured page (HTML, text or PDF, status 200), found: "
                + ", ".join(f"{r.url} ({r.status} {r.content_type})" for r in found[:10])
            )
    text = pdf_text(chosen.payload) if chosen.content_type == "application/pdf" else decode(chosen)
    return Capture(text, chosen.url, parse_warc_date(chosen.date), chosen.content_type)


def decode(record: Record) -> str:
    charset = record.headers_charset
    if not charset and (m := CHARSET_RE.search(record.payload[:4096])):
        charset = m.group(1).decode("ascii")
    try:
        return record.payload.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError) as exc:
        raise UnreadableCopy(
            f"record {record.url}: expected text in {charset or 'utf-8'}: {exc}"
        ) from exc


def parse_warc_date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UnreadableCopy(f"expected an ISO date in WARC-Date, found {value!r}") from exc
