"""The collation page: variants marked in the reference text, and two copies side by side."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("letters:collation")


def test_collation_marks_each_variant_and_lists_its_readings(client, seeded):
    html = client.get(URL).content.decode()
    assert html.count('class="variant variant-wording"') == 3
    assert html.count('class="variant variant-typographic"') == 15
    number = re.search(
        r'unprecedented <span class="variant variant-wording">50<a [^>]*href="#app-(\d+)"', html
    ).group(1)
    block = re.search(rf'<li id="app-{number}".*?</ul>', html, re.S).group(0)
    assert '<code class="reading">50</code>' in block
    assert re.search(
        r'<code class="reading">fifty</code>\s*—\s*<a href="/sources/cihrs-web/">CIHRS</a>', block
    )


def test_typographic_variants_can_be_hidden(client, seeded):
    html = client.get(URL, {"typography": "hide"}).content.decode()
    assert html.count('class="variant variant-') == 3
    assert "Show typographic variants too" in html


def test_two_copies_side_by_side_mark_their_differences(client, seeded):
    response = client.get(URL, {"a": "cihrs-web", "b": "pdf-text"})
    html = response.content.decode()
    assert "CIHRS and PDF differ at 2 places, marked." in html
    left = re.findall(r'<td data-label="CIHRS">.*?</td>', html, re.S)
    right = re.findall(r'<td data-label="PDF">.*?</td>', html, re.S)
    assert len(left) == len(right) == 8
    marks = lambda cells: re.findall(r"<mark>(.*?)</mark>", " ".join(cells))  # noqa: E731
    assert marks(left) == ["fifty", "worldwide."]
    assert marks(right) == ["50", "world-wide."]


def test_side_by_side_with_an_unknown_copy_explains(client, seeded):
    html = client.get(URL, {"a": "cihrs-web", "b": "news-report"}).content.decode()
    assert "Choose two copies that print the letter's body." in html


def test_compare_form_works_without_javascript(client, seeded):
    html = client.get(URL).content.decode()
    form = re.search(
        r'<form method="get" action="/collation/#compare".*?</form>', html, re.S
    ).group(0)
    assert 'name="a"' in form and 'name="b"' in form and 'type="submit"' in form
