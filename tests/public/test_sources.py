"""The sources: list and detail, with provenance, diagnostics, full text and list."""

import re

import pytest
from django.urls import reverse

from letters.models import SourceVersion

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_source_list_shows_every_copy_with_publisher_and_list_size(client, seeded):
    text = text_of(client.get(reverse("letters:source-list")))
    assert "Cairo Institute for Human Rights Studies (CIHRS)" in text
    assert "281 names (its note counts 282)" in text
    assert "280 names (its note counts 282)" in text
    assert "no list of signatories" in text


def test_source_detail_shows_provenance(client, seeded):
    source = SourceVersion.objects.get(slug="minbyun-press-release")
    response = client.get(source.get_absolute_url())
    text = text_of(response)
    assert source.sha256 in text
    assert f"<code>{source.file_name}</code>, {source.size} bytes" in response.content.decode()
    assert "10 September 2020" in text
    assert "Press release" in text


def test_pdf_source_reports_the_missing_number_and_the_count(client, seeded):
    text = text_of(client.get(reverse("letters:source-detail", args=["pdf-text"])))
    assert "Number 274 is missing (after 273)." in text
    assert "Lists 280 names against the 282 named in its closing note" in text


def test_forum_asia_source_reports_the_numbering_restart(client, seeded):
    text = text_of(client.get(reverse("letters:source-detail", args=["forum-asia-web"])))
    assert "Numbering restarts at 1 after 99." in text


def test_full_text_has_a_numbered_anchor_per_line(client, seeded):
    source = SourceVersion.objects.get(slug="pdf-text")
    html = client.get(source.get_absolute_url()).content.decode()
    # The PDF copy ends with a line break: `wc -l` counts 666 lines and no 667th follows.
    assert source.text.endswith("\n") and source.text.count("\n") == 666
    assert html.count('<li id="L') == 666
    assert '<li id="L667"' not in html
    entry = source.entries.get(number=19)
    assert f'<li id="L{entry.line_start}"><span>19. {entry.text}' in html


def test_source_list_entries_link_to_signatory_and_line(client, seeded):
    source = SourceVersion.objects.get(slug="cihrs-web")
    html = client.get(source.get_absolute_url()).content.decode()
    entry = source.entries.select_related("signatory").get(ordinal=19)
    assert f'href="{entry.signatory.get_absolute_url()}"' in html
    assert f'<a href="#L{entry.line_start}">{entry.line_start}</a>' in html


def test_source_body_differences_from_the_reference_are_listed(client, seeded):
    response = client.get(reverse("letters:source-detail", args=["cihrs-web"]))
    assert "At 2 places this copy prints something other than" in text_of(response)
    pairs = re.findall(
        r'<td><code class="reading">(.*?)</code></td>\s*<td><code class="reading">(.*?)</code></td>',
        response.content.decode(),
    )
    assert pairs == [("50", "fifty"), ("world-wide.", "worldwide.")]


def test_news_report_takes_no_part_in_the_collation(client, seeded):
    text = text_of(client.get(reverse("letters:source-detail", args=["news-report"])))
    assert "does not print the letter's body" in text


def test_unknown_source_is_not_found(client, seeded):
    assert client.get(reverse("letters:source-detail", args=["nope"])).status_code == 404
