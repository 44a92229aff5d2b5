"""The letter page: reference text, addressees, closing, the signature count and its check."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_letter_page_shows_title_date_and_addressees(client, seeded):
    response = client.get(reverse("letters:letter"))
    assert response.status_code == 200
    text = text_of(response)
    assert "Global call for international human rights monitoring mechanisms on China" in text
    assert "9 September 2020" in text
    assert "UN High Commissioner for Human Rights Michelle Bachelet" in text


def test_letter_body_gives_the_reading_most_copies_share(client, seeded):
    text = text_of(client.get(reverse("letters:letter")))
    assert "an unprecedented 50 United Nations experts" in text
    assert "unprecedented fifty" not in text
    assert "We, the undersigned organizations, join together" in text
    assert "China’s rights violations world-wide." in text
    assert "Sincerely," in text


def test_letter_counts_wording_and_typographic_variants(client, seeded):
    text = text_of(client.get(reverse("letters:letter")))
    assert "differ at 3 places in wording and 15 in typography" in text


def test_signature_count_checks_each_copy_against_the_claim(client, seeded):
    response = client.get(reverse("letters:letter"))
    text = text_of(response)
    assert "counts 321 signatories, of whom 39 chose to remain anonymous: 282 named" in text
    rows = re.findall(
        r"<tr>\s*<th scope=\"row\"><a [^>]*>([^<]+)</a>.*?<td class=\"num\">(\d+)</td>",
        response.content.decode(),
        re.S,
    )
    assert rows == [("CIHRS", "281"), ("PDF", "280"), ("FORUM-ASIA", "281"), ("MINBYUN", "282")]
    assert "2 fewer than claimed" in text and "1 fewer than claimed" in text
    assert "name 283 distinct signatories" in text
    assert "279 of them appear in every list" in text


def test_letter_page_links_onward(client, seeded):
    html = client.get(reverse("letters:letter")).content.decode()
    for name in ("signatories:list", "letters:source-list", "letters:collation",
                 "signatories:discrepancies", "letters:about"):  # fmt: skip
        assert f'href="{reverse(name)}"' in html


def test_letter_page_without_a_letter_says_so(client, db):
    response = client.get(reverse("letters:letter"))
    assert response.status_code == 200
    assert "No letter loaded" in text_of(response)


def test_letter_api_returns_reference_text_and_variants_with_sources(client, seeded):
    data = client.get(reverse("api:letter")).json()
    assert (
        data["title"] == "Global call for international human rights monitoring mechanisms on China"
    )
    assert data["date"] == "2020-09-09"
    assert "an unprecedented 50 United Nations experts" in data["text"]
    fifty = next(
        v for v in data["variants"] if {"50", "fifty"} <= {r["text"] for r in v["readings"]}
    )
    assert fifty["readings"][0] == {
        "text": "50",
        "sources": ["pdf-text", "forum-asia-web", "minbyun-press-release"],
        "reference": True,
    }
    assert fifty["readings"][1]["sources"] == ["cihrs-web"]
    assert fifty["kind"] == "wording"
    assert {v["kind"] for v in data["variants"]} == {"wording", "typographic"}


def test_letter_paragraphs_have_their_own_addresses_and_a_json_twin(client, seeded):
    html = client.get(reverse("letters:letter")).content.decode()
    assert re.search(
        r"<p id=\"p1\" class=\"para\"><a class=\"para-link\" href=\"http://testserver/#p1\">.*?</a> We, the undersigned organizations",
        html,
    )
    assert '<link rel="alternate" type="application/json" href="/api/letter">' in html
    assert (
        "”. Open letter, 9 September 2020. Open letter archive, http://testserver/ (accessed"
        in html
    )
    assert "Reference text collated from 4 copies; data version 1." in html
