"""What the counts do not say: a copy reaching its count by a substitution, a skipped number that
leaves a signatory out, a copy without a closing formula, a variant's context, line counts."""

import re

import pytest
from django.urls import reverse

from letters.models import Letter, SourceKind, SourceVersion
from signatories.list_checks import (
    Gap,
    count_in_every_list,
    differences_by_source,
    left_out_at,
    list_differences,
    list_memberships,
    numbering_gaps,
)
from signatories.models import Signatory
from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_list_differences_find_additions_and_omissions():
    memberships = {1: {10, 20, 30}, 2: {30}, 3: {10, 20}, 4: {10}, 5: {20, 30}}
    found = list_differences(memberships, [10, 20, 30])
    assert (found[30].only_here, found[30].left_out) == ([2], [3])
    assert found[30].substitution
    assert (found[10].only_here, found[10].left_out) == ([4], [5])
    assert (found[20].only_here, found[20].left_out) == ([], [])
    assert not found[20].substitution


def test_numbering_gaps_skip_restarts_and_find_skipped_numbers():
    entries = [(1, 1, 100), (2, 2, 101), (3, 4, 102), (4, 1, 103), (5, 2, 104), (6, 5, 105)]
    gaps = numbering_gaps(entries)
    assert [(g.before[0], g.after[0], g.numbers) for g in gaps] == [
        (2, 3, (3,)),
        (5, 6, (3, 4)),
    ]
    assert numbering_gaps([(1, None, 7), (2, None, 8)]) == []


def test_a_gap_leaves_out_what_the_other_copies_list_between_its_neighbours():
    gap = Gap(before=(2, 2, 101), after=(3, 4, 102), numbers=(3,))
    others = {
        20: [(1, 100), (2, 101), (3, 999), (4, 102)],  # another order, same neighbours
        30: [(5, 101), (6, 999), (7, 555), (8, 102)],
    }
    assert left_out_at(gap, others, listed_here={100, 101, 102, 555}) == [999]


@pytest.mark.django_db
def test_letter_page_explains_minbyun_reaches_282_by_a_substitution(client, seeded):
    text = text_of(client.get(reverse("letters:letter")))
    assert "282 282 as many as claimed, not the same names" in text
    assert " matches" not in text
    explained = re.search(r"MINBYUN lists 2 signatories no other copy lists \((.*?)\) and", text)
    assert explained
    assert "Amnestie Internationale Canada francophone" in explained.group(1)
    assert "российское представительство Amnesty International" in explained.group(1)
    assert "and leaves out Amnesty International , which every other copy lists." in text
    assert "It reaches the 282 its note counts only because the names it adds make up" in text


@pytest.mark.django_db
def test_substitution_is_derived_from_the_data_not_from_names(client, db):
    web, pdf, press = (SourceVersionFactory(slug=s) for s in ("web", "pdf", "press"))
    shared = [SignatoryFactory(imported_name=f"Shared {i}") for i in range(3)]
    for source in (web, pdf, press):
        for ordinal, signatory in enumerate(shared, start=1):
            ListEntryFactory(source=source, signatory=signatory, ordinal=ordinal)
    dropped = SignatoryFactory(imported_name="Dropped by press")
    ListEntryFactory(source=web, signatory=dropped, ordinal=4)
    ListEntryFactory(source=pdf, signatory=dropped, ordinal=4)
    ListEntryFactory(
        source=press, signatory=SignatoryFactory(imported_name="Press only"), ordinal=4
    )
    text = text_of(client.get(reverse("letters:letter")))
    assert (
        "lists 1 signatory no other copy lists ( Press only ) and leaves out Dropped by press"
        in text
    )


@pytest.mark.django_db
def test_pdf_page_links_the_skipped_274_to_the_signatory_it_leaves_out(client, seeded):
    arabic = Signatory.objects.get(name="مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان")
    response = client.get(reverse("letters:source-detail", args=["pdf-text"]))
    html = response.content.decode()
    note = re.search(r'<li data-code="numbering-gap">(.*?)</li>', html, re.S).group(1)
    assert "Number 274 is missing (after 273)." in note
    assert f'href="{arabic.get_absolute_url()}"' in note
    entry_273 = SourceVersion.objects.get(slug="pdf-text").entries.get(number=273)
    assert f'href="#entry-{entry_273.ordinal}"' in note


@pytest.mark.django_db
def test_discrepancies_connect_the_missing_arabic_name_to_the_skipped_number(client, seeded):
    html = client.get(reverse("signatories:discrepancies")).content.decode()
    row = next(
        r
        for r in re.findall(
            r'<tr role="row">\s*<th scope="row" role="rowheader">(.*?)</tr>', html, re.S
        )
        if "مرصد الصحراء" in r
    )
    pdf_cell = re.findall(r'<td role="cell" data-label="PDF">(.*?)</td>', row, re.S)[0]
    assert "missing" in pdf_cell and "no. 274 is skipped" in pdf_cell
    amnesty = next(
        r
        for r in re.findall(
            r'<tr role="row">\s*<th scope="row" role="rowheader">(.*?)</tr>', html, re.S
        )
        if ">Amnesty International<" in r
    )
    assert "skipped" not in amnesty


@pytest.mark.django_db
def test_gap_with_no_signatory_left_out_names_none(client, db):
    source = SourceVersionFactory(slug="numbered")
    other = SourceVersionFactory(slug="other")
    for ordinal, number in enumerate((1, 2, 4), start=1):
        signatory = SignatoryFactory()
        ListEntryFactory(source=source, signatory=signatory, ordinal=ordinal, number=number)
        ListEntryFactory(source=other, signatory=signatory, ordinal=ordinal)
    source.diagnostics = [{"code": "numbering-gap", "message": "Number 3 is missing (after 2)."}]
    source.save()
    html = client.get(source.get_absolute_url()).content.decode()
    note = re.search(r'<li data-code="numbering-gap">(.*?)</li>', html, re.S).group(1)
    assert "Number 3 is missing" in note and "leaves out" not in note


@pytest.mark.django_db
def test_letter_page_notes_the_copy_without_a_closing_formula(client, seeded):
    text = text_of(client.get(reverse("letters:letter")))
    assert (
        "FORUM-ASIA prints no closing formula: the “Sincerely,” above is the other copies’" in text
    )
    forum = text_of(client.get(reverse("letters:source-detail", args=["forum-asia-web"])))
    assert "No closing formula (such as “Sincerely,”) between the letter and its list." in forum


@pytest.mark.django_db
def test_source_page_quotes_variant_context_from_the_reference_text(client, seeded):
    html = client.get(reverse("letters:source-detail", args=["cihrs-web"])).content.decode()
    contexts = re.findall(r'<td class="context">(.*?)</td>', html, re.S)
    assert contexts and not any("worldwide" in c for c in contexts)
    collation_html = client.get(reverse("letters:collation")).content.decode()
    assert "rights violations worldwide" not in collation_html


@pytest.mark.django_db
def test_count_in_every_list_agrees_with_the_rule_in_every_list(seeded):
    letter = Letter.objects.get()
    list_sources = list(SourceVersion.objects.with_lists().filter(letter=letter))
    expected = letter.signatories.in_every_list().count()
    assert expected == 279  # the seed's four lists share 279 names
    assert count_in_every_list(letter, list_sources) == expected


@pytest.mark.django_db
def test_count_in_every_list_leaves_out_signatories_some_list_or_every_list_lacks(db):
    web, pdf = SourceVersionFactory(slug="web"), SourceVersionFactory(slug="pdf")
    SourceVersionFactory(slug="news", kind=SourceKind.NEWS_REPORT)
    both = SignatoryFactory()
    for source in (web, pdf):
        ListEntryFactory(source=source, signatory=both)
    ListEntryFactory(source=web, signatory=SignatoryFactory())
    ListEntryFactory(source=web, signatory=SignatoryFactory(), ordinal=99)
    SignatoryFactory()  # listed nowhere (a curated signatory whose entries moved away)
    letter = both.letter
    assert letter.signatories.in_every_list().count() == 1
    assert count_in_every_list(letter, [web, pdf]) == 1
    assert count_in_every_list(letter, []) == letter.signatories.count() == 4


@pytest.mark.django_db
def test_one_read_of_the_entries_gives_what_the_separate_queries_give(seeded):
    letter = Letter.objects.get()
    list_sources = list(SourceVersion.objects.with_lists().filter(letter=letter))
    lists = list_memberships(list_sources)
    assert len(lists.listed) == letter.signatories.count()
    assert count_in_every_list(letter, list_sources, lists) == count_in_every_list(
        letter, list_sources
    )
    with_memberships = differences_by_source(letter, list_sources, lists)
    assert with_memberships == differences_by_source(letter, list_sources)
    assert any(d.only_here or d.left_out for d in with_memberships.values())
    counted = SourceVersion.objects.with_lists().filter(letter=letter).with_entry_counts()
    assert dict(lists.entries) == {s.pk: s.entry_count for s in counted}
