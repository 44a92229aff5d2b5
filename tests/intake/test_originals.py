"""Originals kept as received: a PDF and a web-archive capture made from a seed copy's text load
to the same entries as the text copy, keep their own sha256 and record where they came from."""

import datetime as dt
import hashlib
import re

import pytest

from intake.importer import LoadError, load_letters
from letters.models import SourceVersion
from signatories.models import ListEntry
from tests.intake.helpers import add_source, snapshot
from tests.intake.originals import as_html, make_pdf, make_wacz, make_warc

SEED_FILES = {
    "cihrs-web": "000_eac5887e324eee14.txt",
    "pdf-text": "001_72206b73708e38e8.txt",
    "forum-asia-web": "002_6fc4feaa17a14d90.txt",
}
URL = "https://www.example.org/2020/09/global-call"
CAPTURED = "2020-09-12T08:30:00Z"


def entries(slug: str) -> list[tuple[str, int]]:
    """(text with spacing made plain, signatory) for each entry of a copy, in order."""
    return [
        (re.sub(r"\s+", " ", text), signatory)
        for text, signatory in ListEntry.objects.filter(source__slug=slug)
        .order_by("ordinal")
        .values_list("text", "signatory_id")
    ]


def seed_text(folder, slug: str) -> str:
    return (folder / SEED_FILES[slug]).read_text(encoding="utf-8")


@pytest.mark.parametrize("seed_copy", ["pdf-text", "forum-asia-web"])
def test_a_pdf_made_from_a_seed_copy_loads_to_the_same_entries(seeded, letter_copy, seed_copy):
    data = make_pdf(seed_text(letter_copy, seed_copy))
    add_source(letter_copy, "original-pdf", data, suffix="pdf", kind="pdf")
    (report,) = load_letters([letter_copy])
    assert entries("original-pdf") == entries(seed_copy)
    assert report.signatories_created == 0
    source = SourceVersion.objects.get(slug="original-pdf")
    assert (source.sha256, source.size) == (hashlib.sha256(data).hexdigest(), len(data))
    # The pages' "Page n of N" footers were left out, with their lines.
    (note,) = [d for d in source.diagnostics if d["code"] == "page-furniture"]
    assert "“Page 1 of" in note["message"]


def test_a_warc_capture_loads_to_the_same_entries_and_records_the_url_and_date(seeded, letter_copy):
    page = as_html(seed_text(letter_copy, "cihrs-web"), "Global call")
    data = make_warc(
        [
            ("https://www.example.org/", b"<html><body><p>Home</p></body></html>", "text/html", "2020-09-12T08:29:00Z"),
            (URL, page, "text/html; charset=utf-8", CAPTURED),
        ]
    )  # fmt: skip
    add_source(letter_copy, "capture", data, suffix="warc.gz", kind="web-archive", url=URL)
    load_letters([letter_copy])
    assert entries("capture") == entries("cihrs-web")
    source = SourceVersion.objects.get(slug="capture")
    assert source.captured_url == URL
    assert source.captured_at == dt.datetime(2020, 9, 12, 8, 30, tzinfo=dt.UTC)
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_without_a_url_the_first_page_captured_whole_is_read(seeded, letter_copy):
    text = seed_text(letter_copy, "forum-asia-web").encode("utf-8")
    data = make_warc(
        [
            ("https://www.example.org/missing", b"Not found", "text/plain", "2020-09-12T08:00:00Z"),
            (URL, text, "text/plain", CAPTURED),
        ],
        gzip=False,
    )
    # The 404 comes first: a capture that failed is not the copy.
    data = data.replace(b"HTTP/1.1 200 OK", b"HTTP/1.1 404 Not Found", 1)
    add_source(letter_copy, "capture", data, suffix="warc", kind="web-archive")
    load_letters([letter_copy])
    assert entries("capture") == entries("forum-asia-web")
    assert SourceVersion.objects.get(slug="capture").captured_url == URL


def test_a_wacz_is_read_through_the_warc_it_holds(seeded, letter_copy):
    warc = make_warc([(URL, seed_text(letter_copy, "pdf-text").encode(), "text/plain", CAPTURED)])
    data = make_wacz(warc, URL, dt.datetime(2020, 9, 12, 8, 30, tzinfo=dt.UTC))
    add_source(letter_copy, "capture", data, suffix="wacz", kind="web-archive")
    load_letters([letter_copy])
    assert entries("capture") == entries("pdf-text")


@pytest.mark.parametrize(
    ("kind", "suffix", "data", "extra", "message"),
    [
        ("pdf", "pdf", b"<html>not a pdf</html>", {}, r"copy 'broken' \(pdf\): byte 0: expected a PDF"),
        ("web-archive", "warc", b"garbage, not a WARC", {}, r"copy 'broken' \(web-archive\): expected WARC records"),
        ("web-archive", "warc", None, {"url": "https://elsewhere.example/"}, r"expected a record captured from https://elsewhere.example/, found only: " + re.escape(URL)),
        ("web-page", "txt", b"Title\n\xff\xfe broken\n", {}, r"copy 'broken': line 2: expected UTF-8 text, found byte 0xff"),
    ],
    ids=["pdf", "warc", "url", "utf-8"],
)  # fmt: skip
def test_an_unreadable_original_names_the_copy_where_and_what_was_expected_and_writes_nothing(
    seeded, letter_copy, kind, suffix, data, extra, message
):
    if data is None:
        data = make_warc([(URL, b"text", "text/plain", CAPTURED)])
    add_source(letter_copy, "broken", data, suffix=suffix, kind=kind, **extra)
    before = snapshot()
    with pytest.raises(LoadError, match=message):
        load_letters([letter_copy])
    assert snapshot() == before
