"""Copies in the shapes archivists find, generated from the seed copies' lists and loaded beside
the seeds: every entry parsed, at least 98% attached to the right signatory, none invented."""

import re

import pytest

from intake.importer import load_letters
from letters.models import SourceVersion
from signatories.models import ListEntry
from tests.intake import generators
from tests.intake.helpers import add_source
from tests.intake.measure import load_generated, seed_list

TARGET = 0.98


def furniture(names, body, seed, typos):
    return generators.furniture_copy(names, body, seed, typos=typos)


def running_text(names, body, seed, typos):
    return generators.running_text_copy(names, body, seed, typos=typos)


def annotated(names, body, seed, typos):
    return generators.annotated_copy(names, body, seed, shuffled=False, typos=typos)


def annotated_shuffled(names, body, seed, typos):
    return generators.annotated_copy(names, body, seed, shuffled=True, typos=typos)


CASES = [
    (furniture, "minbyun-press-release", 1, 0.0),
    (furniture, "forum-asia-web", 3, 0.1),
    (furniture, "pdf-text", 7, 0.0),
    (running_text, "cihrs-web", 1, 0.0),
    (running_text, "forum-asia-web", 4, 0.1),
    (running_text, "minbyun-press-release", 9, 0.0),
    (annotated, "forum-asia-web", 2, 0.0),
    (annotated, "cihrs-web", 5, 0.1),
    (annotated_shuffled, "minbyun-press-release", 3, 0.0),
    (annotated_shuffled, "pdf-text", 6, 0.1),
]


@pytest.mark.parametrize(
    ("style", "seed_copy", "seed", "typos"),
    CASES,
    ids=[f"{s.__name__}-{c}-{n}{'-typos' if t else ''}" for s, c, n, t in CASES],
)
def test_generated_copy_is_parsed_whole_attached_right_and_invents_nothing(
    seeded, letter_copy, style, seed_copy, seed, typos
):
    names, signatories, body = seed_list(seed_copy)
    copy = style(names, body, seed, typos)
    figures, report = load_generated(letter_copy, "generated", copy, signatories)
    assert figures.parsed == figures.printed, figures
    assert figures.right_share >= TARGET, figures
    assert figures.invented == 0, figures
    new = next(s for s in report.sources if s.slug == "generated")
    assert "new" not in new.methods


def test_page_furniture_is_listed_with_its_lines_in_the_diagnostics(seeded, letter_copy):
    names, signatories, body = seed_list("pdf-text")
    copy = generators.furniture_copy(names, body, 11)
    load_generated(letter_copy, "generated", copy, signatories)
    source = SourceVersion.objects.get(slug="generated")
    (note,) = [d for d in source.diagnostics if d["code"] == "page-furniture"]
    lines = copy.text.split("\n")
    listed = [int(n) for n in re.findall(r"line (\d+):", note["message"])]
    assert listed, note
    for number in listed:
        printed = lines[number - 1].split("\f")
        assert any(p.strip() and p.strip() in note["message"] for p in printed), number
    texts = source.entries.values_list("text", flat=True)
    assert not any("Page " in t or t.isdigit() for t in texts)


def test_a_list_in_running_text_keeps_names_with_commas_whole(seeded, letter_copy):
    names, signatories, body = seed_list("cihrs-web")
    copy = generators.running_text_copy(names, body, 2)
    load_generated(letter_copy, "generated", copy, signatories)
    source = SourceVersion.objects.get(slug="generated")
    assert source.list_style == "running-text"
    texts = set(source.entries.values_list("text", flat=True))
    assert "Asociación Civil Fuerza, Unión, Justicia, Solidaridad y Paz (FUNPAZ)" in texts
    assert "Vancouver Society of Freedom, Democracy & Human Rights for China" in texts


def test_annotated_entries_keep_their_text_and_record_the_place(seeded, letter_copy):
    names, signatories, body = seed_list("forum-asia-web")
    copy = generators.annotated_copy(names, body, 8, shuffled=True)
    load_generated(letter_copy, "generated", copy, signatories)
    entries = list(ListEntry.objects.filter(source__slug="generated").select_related("signatory"))
    placed = [e for e in entries if e.place]
    assert len(placed) >= 0.5 * len(entries)
    for entry in placed:
        assert entry.text.rstrip(")]").endswith(entry.place)
        assert not entry.signatory.name.endswith((f"({entry.place})", f"[{entry.place}]"))
    # A name that ends in a country of its own keeps it.
    witness = next(e for e in entries if e.signatory.name.startswith("Witness Radio"))
    assert witness.signatory.name.endswith("Uganda")


def test_loading_an_annotated_copy_again_changes_nothing(seeded, letter_copy):
    names, signatories, body = seed_list("cihrs-web")
    copy = generators.annotated_copy(names, body, 12, shuffled=True, typos=0.1)
    load_generated(letter_copy, "generated", copy, signatories)
    (again,) = load_letters([letter_copy])
    assert not again.changed


def test_a_signatory_an_annotated_copy_brings_is_named_without_the_place(seeded, letter_copy):
    names, _, body = seed_list("forum-asia-web")
    copy = generators.annotated_copy([*names, "Zeta Gamma Trust"], body, 4, shuffled=False)
    text = copy.text.replace("Zeta Gamma Trust", "Zeta Gamma Trust – Lyon, France", 1)
    add_source(letter_copy, "generated", text)
    (report,) = load_letters([letter_copy])
    entry = ListEntry.objects.get(source__slug="generated", text__startswith="Zeta Gamma Trust")
    assert report.signatories_created == 1
    assert (entry.text, entry.place) == ("Zeta Gamma Trust – Lyon, France", "Lyon, France")
    assert (entry.signatory.name, entry.match_method) == ("Zeta Gamma Trust", "new")
