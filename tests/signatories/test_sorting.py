"""Names sort by the Unicode Collation Algorithm, the same on SQLite and PostgreSQL: case aside,
accents after letters, other scripts after Latin; the A-Z jump files names by the same key."""

import re
import unicodedata

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from curation.services import signatory_rename
from names.sorting import name_sort_key
from signatories.models import Signatory
from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory

pytestmark = pytest.mark.django_db
URL = reverse("signatories:list")


def names(response) -> list[str]:
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", n)
        for n in re.findall(r'<a class="name" href="[^"]+"><span[^>]*>(.*?)</span></a>', html)
    ]


def directory(names_in_order: list[str]):
    source = SourceVersionFactory()
    for name in names_in_order:
        ListEntryFactory(source=source, signatory=SignatoryFactory(imported_name=name))


def test_directory_sorts_case_aside_and_accents_after_the_plain_letter(client, db):
    directory(["Zeta", "yBy Media", "ARTICLE 19", "Éire", "eire", "Acceso a la Justicia"])
    assert names(client.get(URL)) == [
        "Acceso a la Justicia", "ARTICLE 19", "eire", "Éire", "yBy Media", "Zeta",
    ]  # fmt: skip


def test_names_in_other_scripts_come_after_latin(client, db):
    directory(["日本ウイグル協会", "Zeta", "مرصد", "Москва", "Ελλάδα", "Amnesty"])
    assert names(client.get(URL)) == [
        "Amnesty",
        "Zeta",
        "Ελλάδα",
        "Москва",
        "مرصد",
        "日本ウイグル協会",
    ]


def is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def test_seed_directory_puts_acceso_before_article_19_and_yby_before_youth(client, seeded):
    found = names(client.get(URL, {"initial": "A"}))
    assert found.index("Acceso a la Justicia") < found.index("ARTICLE 19")
    y_names = names(client.get(URL, {"initial": "Y"}))
    assert y_names.index("yBy Media") < min(i for i, n in enumerate(y_names) if n.startswith("Yo"))
    assert y_names.index("yBy Media") > y_names.index(
        next(n for n in y_names if n.startswith("Ya"))
    )
    every = list(Signatory.objects.order_by("sort_key", "pk").values_list("name", flat=True))
    scripts = [is_latin(n[0]) for n in every if n[0].isalpha()]
    assert scripts == sorted(scripts, reverse=True)  # every Latin name before any other script


def test_api_and_sort_by_name_use_the_same_order(client, seeded):
    api = [r["name"] for r in client.get("/api/signatories", {"page_size": 500}).json()["results"]]
    assert api == list(Signatory.objects.order_by("sort_key", "pk").values_list("name", flat=True))
    assert (
        names(client.get(URL, {"sort": "name", "coverage": "all"}))[:3]
        == [n for n in api if Signatory.objects.get(name=n).entries.count() == 4][:3]
    )


def test_initial_jump_files_accented_and_variant_letters_under_their_letter(client, db):
    directory(["Łódź Group", "Lima", "Øresund", "Oslo", "Éire", "19 Group", "Ελλάδα"])
    assert names(client.get(URL, {"initial": "L"})) == ["Lima", "Łódź Group"]
    assert names(client.get(URL, {"initial": "E"})) == ["Éire"]
    assert set(names(client.get(URL, {"initial": "O"}))) == {"Oslo", "Øresund"}
    assert names(client.get(URL, {"initial": "other"})) == ["19 Group", "Ελλάδα"]


def test_a_curated_name_changes_the_sort_key(db):
    signatory = SignatoryFactory(imported_name="Zeta Watch")
    before = bytes(signatory.sort_key)
    curator = User.objects.create_user("curator")
    signatory_rename(signatory=signatory, name="Alpha Watch", reason="As it signs", user=curator)
    signatory.refresh_from_db()
    assert bytes(signatory.sort_key) == name_sort_key("Alpha Watch") != before


def test_the_importer_stores_every_key(seeded):
    for name, key in Signatory.objects.values_list("name", "sort_key"):
        assert bytes(key) == name_sort_key(name)


def test_sort_keys_sort_bytewise_as_the_algorithm_orders(db):
    words = ["b", "B", "á", "a", "A", "ab", "Ab", "a b", "ä", "z", "ж", "中"]
    by_key = sorted(words, key=name_sort_key)
    for a, b in zip(by_key, by_key[1:], strict=False):
        assert name_sort_key(a) <= name_sort_key(b)
    assert by_key.index("a") < by_key.index("á") < by_key.index("b") < by_key.index("ж")
