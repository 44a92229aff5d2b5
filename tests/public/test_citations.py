"""Citations: text on the page with the access date, BibTeX, RIS and CSL-JSON downloads for the
letter, each copy and each signatory, and the words that cite one entry of a list."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from letters.models import SourceVersion
from public.citations import (
    Citation,
    as_bibtex,
    as_ris,
    as_text,
    entry_citation,
    list_part,
)
from signatories.models import ListEntry, Signatory
from tests.factories import SourceVersionFactory

ACCESSED = dt.date(2026, 3, 4)
EXAMPLE = Citation(
    key="k",
    csl_type="document",
    title="Call 50% & more_now",
    site="Open letter archive",
    url="http://x.test/",
    accessed=ACCESSED,
    issued=dt.date(2020, 9, 9),
    author="MINBYUN - Lawyers, International Solidarity Committee",
    genre="Press release",
    notes=["file a_b.txt"],
)


def test_text_citation_names_author_title_date_site_url_and_access_date():
    assert as_text(EXAMPLE) == (
        "MINBYUN - Lawyers, International Solidarity Committee. “Call 50% & more_now”. "
        "Press release, 9 September 2020. Open letter archive, http://x.test/ "
        "(accessed 4 March 2026). File a_b.txt."
    )


def test_bibtex_escapes_specials_and_keeps_an_institution_whole():
    bib = as_bibtex(EXAMPLE)
    assert bib.startswith("@online{k,\n")
    assert r"title = {Call 50\% \& more\_now}" in bib
    assert "author = {{MINBYUN - Lawyers, International Solidarity Committee}}" in bib
    assert "urldate = 2026-03-04" in bib and "month = sep" in bib
    assert bib.count("{") == bib.count("}")


def test_ris_has_one_tagged_line_each_ending_in_crlf():
    ris = as_ris(EXAMPLE)
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - GEN" and lines[-2] == "ER  - " and lines[-1] == ""
    assert "Y2  - 2026/03/04" in lines and "DA  - 2020/09/09" in lines
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])


def test_entry_citation_says_which_list_from_where_numbering_restarts():
    restart = [{"code": "numbering-restart", "message": "…", "ordinal": 100}]
    assert list_part(restart, 99) == (1, 2) and list_part(restart, 100) == (2, 2)

    class Entry:
        ordinal, number, line_start, line_end = 122, 23, 171, 171

    assert entry_citation("FORUM-ASIA", restart, Entry) == (
        "FORUM-ASIA copy, second list, no. 23, line 171"
    )
    assert entry_citation("PDF", [], Entry) == "PDF copy, no. 23, line 171"


@pytest.mark.django_db
def test_forum_asia_entries_after_the_restart_are_cited_in_the_second_list(client, seeded):
    entry = ListEntry.objects.select_related("signatory").get(
        source__slug="forum-asia-web", ordinal=122
    )
    html = client.get(entry.signatory.get_absolute_url()).content.decode()
    expected = f"FORUM-ASIA copy, second list, no. {entry.number}, line {entry.line_start}"
    assert f'<dd class="entry-citation">{expected}</dd>' in html
    first = ListEntry.objects.select_related("signatory").get(
        source__slug="forum-asia-web", ordinal=19
    )
    html = client.get(first.signatory.get_absolute_url()).content.decode()
    assert f"FORUM-ASIA copy, first list, no. {first.number}, line {first.line_start}" in html


def page_urls():
    signatory = Signatory.objects.get(name="Amnesty International")
    return {
        "letter": (reverse("letters:letter"), "letters:citation", {}),
        "source": (
            reverse("letters:source-detail", args=["minbyun-press-release"]),
            "letters:source-citation",
            {"slug": "minbyun-press-release"},
        ),
        "signatory": (
            signatory.get_absolute_url(),
            "signatories:citation",
            {"slug": signatory.slug},
        ),
    }


@pytest.mark.django_db
def test_every_citable_page_shows_the_citation_with_todays_access_date(client, seeded):
    today = timezone.localdate()
    accessed = f"(accessed {today.day} {today.strftime('%B')} {today.year})"
    for page, name, kwargs in page_urls().values():
        html = client.get(page).content.decode()
        text = re.search(r'<p class="citation" id="citation">(.*?)</p>', html, re.S).group(1)
        assert accessed in text, page
        assert '<button type="button" class="copy-button" data-copy="citation" hidden>' in html
        assert 'src="/static/js/cite.js"' in html
        for fmt in ("bib", "ris", "json"):
            assert f'href="{reverse(f"{name}-{fmt}", kwargs=kwargs)}"' in html, (page, fmt)


@pytest.mark.django_db
@pytest.mark.parametrize("subject", ["letter", "source", "signatory"])
def test_downloads_are_bibtex_ris_and_csl_json_and_never_cached(client, seeded, subject):
    _, name, kwargs = page_urls()[subject]
    today = timezone.localdate()
    bib = client.get(reverse(f"{name}-bib", kwargs=kwargs))
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert f"urldate = {today.isoformat()}" in bib.content.decode()
    assert "no-store" in bib["Cache-Control"]
    ris = client.get(reverse(f"{name}-ris", kwargs=kwargs))
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert f"Y2  - {today:%Y/%m/%d}\r\n" in ris.content.decode()
    csl = client.get(reverse(f"{name}-json", kwargs=kwargs))
    assert csl["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    (item,) = json.loads(csl.content)
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert item["URL"].startswith("http://testserver/")
    assert item["title"] and item["container-title"] == "Open letter archive"
    for response in (bib, ris, csl):
        assert response["Content-Disposition"].startswith('attachment; filename="global-call')


@pytest.mark.django_db
def test_a_copy_citation_credits_a_stated_publisher_only(client, seeded):
    minbyun = json.loads(client.get("/sources/minbyun-press-release/citation.json").content)[0]
    assert minbyun["author"] == [{"literal": SourceVersion.objects.get(
        slug="minbyun-press-release").publisher}]  # fmt: skip
    assert minbyun["issued"] == {"date-parts": [[2020, 9, 10]]}
    assert minbyun["genre"] == "Press release"
    pdf = json.loads(client.get("/sources/pdf-text/citation.json").content)[0]
    assert "author" not in pdf  # "Publisher not stated (…)" is no author
    assert SourceVersion.objects.get(slug="pdf-text").sha256 in pdf["note"]


@pytest.mark.django_db
def test_a_copy_citation_says_where_it_came_from_when_recorded(client, db):
    SourceVersionFactory(
        slug="web",
        url="https://example.org/letter",
        retrieved=dt.date(2020, 9, 12),
        archived_url="https://web.archive.org/web/2020/https://example.org/letter",
    )
    text = client.get("/sources/web/citation.ris").content.decode()
    assert "originally at https://example.org/letter, retrieved 12 September 2020" in text
    assert "archived at https://web.archive.org/web/2020/https://example.org/letter" in text
    html = client.get("/sources/web/").content.decode()
    assert "originally at https://example.org/letter" in html


@pytest.mark.django_db
def test_unknown_subjects_have_no_citation(client, seeded):
    assert client.get("/sources/nope/citation.bib").status_code == 404
    assert client.get("/signatories/nope/citation.ris").status_code == 404
