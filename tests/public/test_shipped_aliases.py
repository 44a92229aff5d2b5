"""What readers get from the aliases shipped with the letter: the English name of an organisation
the copies print only in another script finds it first, and its page marks the alias as curated,
linked to the logged correction with the reason and evidence."""

import re

import pytest

from curation.models import Correction
from curation.shipped import read_shipped_curation, signatories_printed_as
from letters.models import Letter
from signatories.models import Alias, Signatory

MHG = "moskovskaya-khelsinkskaya-gruppa"


def shipped_alias(seed_folder, name: str):
    return next(a for a in read_shipped_curation(seed_folder) if a.name == name)


def shipped_signatory(seed_folder, name: str) -> Signatory:
    [signatory] = signatories_printed_as(
        Letter.objects.get(), shipped_alias(seed_folder, name).signatory
    )
    return signatory


def found(client, q: str) -> list[str]:
    return [r["slug"] for r in client.get("/api/signatories", {"q": q}).json()["results"]]


@pytest.mark.parametrize("query", ["Moscow Helsinki Group", "Civic Assistance Committee"])
def test_the_english_name_finds_the_signatory_printed_in_cyrillic_first(
    client, shipped_curation, seed_folder, query
):
    expected = shipped_signatory(seed_folder, query)
    assert expected.name != query
    assert found(client, query)[0] == expected.slug
    assert found(client, query.lower())[0] == expected.slug


def test_japan_uyghur_association_brings_its_japanese_entry_with_its_english_one(
    client, shipped_curation, seed_folder
):
    """The letter lists the association twice, as "Japan Uyghur Association" and "日本ウイグル協会"
    (two records until a curator merges them): the English name now brings both, first."""
    japanese = shipped_signatory(seed_folder, "Japan Uyghur Association")
    english = Signatory.objects.get(name="Japan Uyghur Association")
    assert set(found(client, "Japan Uyghur Association")[:2]) == {japanese.slug, english.slug}


def test_the_directory_page_lists_the_cyrillic_name_for_its_english_name(client, shipped_curation):
    html = client.get("/signatories/", {"q": "Moscow Helsinki Group"}).content.decode()
    results = html[html.index('id="directory-results"') :]
    first = re.search(r'href="/signatories/([^/"]+)/"', results)
    assert first and first.group(1) == MHG


def test_the_signatory_page_marks_a_shipped_alias_as_curated_with_its_correction(
    client, shipped_curation, seed_folder
):
    item = shipped_alias(seed_folder, "Moscow Helsinki Group")
    key = item.key(Letter.objects.get().slug)
    html = client.get(f"/signatories/{MHG}/").content.decode()
    also = html[html.index("<dt>Also known as</dt>") : html.index("</dl>")]
    assert re.search(
        r'<span lang="en">Moscow Helsinki Group</span>\s*'
        rf'<a class="tag tag-ref" href="#correction-{key}">curated<span class="visually-hidden">',
        also,
    )
    logged = html[html.index(f'id="correction-{key}"') :]
    logged = logged[: logged.index("</article>")]
    assert "Alias added" in logged and item.reason in logged.replace("&#x27;", "'")
    assert f'href="{item.evidence_url}"' in logged


def test_an_alias_without_a_logged_correction_is_still_marked_curated(client, seeded):
    """An alias restored from a version 1 curation file has no correction to link to."""
    Alias.objects.create(signatory=Signatory.objects.get(slug=MHG), name="MHG")
    html = client.get(f"/signatories/{MHG}/").content.decode()
    assert re.search(r'<span class="tag">curated<span class="visually-hidden"> alias', html)
    assert "#correction-" not in html


def test_the_api_and_the_corrections_log_publish_the_shipped_aliases(
    client, shipped_curation, seed_folder
):
    item = shipped_alias(seed_folder, "Civic Assistance Committee")
    slug = shipped_signatory(seed_folder, item.name).slug
    aliases = client.get(f"/api/signatories/{slug}").json()["aliases"]
    assert {"name": item.name, "language": item.language} in aliases
    logged = client.get("/corrections.json").json()["results"]
    [entry] = [c for c in logged if c["id"] == str(item.key(Letter.objects.get().slug))]
    assert (entry["reason"], entry["evidence_url"]) == (item.reason, item.evidence_url)
    assert [s["slug"] for s in entry["signatories"]] == [slug]
    assert len(logged) == Correction.objects.count() == len(shipped_curation)
