"""The `highlight` filter marks what matched, through the search's folding, and escapes the rest."""

import pytest
from django.utils.html import escape
from django.utils.safestring import SafeString

from public.templatetags.search import highlight
from search.highlighting import folded_chars, highlight_spans


def test_folded_chars_remember_where_each_letter_came_from():
    assert folded_chars("Ač-B") == ("acb", (0, 1, 3))
    assert folded_chars("台灣") == ("taiwan", (0, 0, 0, 1, 1, 1))


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Acción Solidaria", "accion", "<mark>Acción</mark> Solidaria"),
        ("Acción Solidaria", "ACCIÓN", "<mark>Acción</mark> Solidaria"),
        ("T’ruah: The Rabbinic Call", "truah", "<mark>T’ruah</mark>: The Rabbinic Call"),
        ("ChangSha FuNeng", "changshafuneng", "<mark>ChangSha FuNeng</mark>"),
        ("Liên Đoàn Công Giáo", "lien doan", "<mark>Liên Đoàn</mark> Công Giáo"),
        (
            "Московская Хельсинкская группа",
            "moskovskaya",
            "<mark>Московская</mark> Хельсинкская группа",
        ),
        ("台灣南社", "南社", "台灣<mark>南社</mark>"),
        ("Free Tibet", "tibet", "Free <mark>Tibet</mark>"),
    ],
)
def test_highlight_marks_matches_found_through_folding(text, query, expected):
    assert highlight(text, query) == expected


def test_highlight_escapes_everything_outside_and_inside_the_marks():
    assert (
        highlight("<b>Acción & Co</b>", "accion")
        == "&lt;b&gt;<mark>Acción</mark> &amp; Co&lt;/b&gt;"
    )
    assert highlight("Body & Data", "") == "Body &amp; Data"
    assert highlight("Body & <Data>", "zzz") == "Body &amp; &lt;Data&gt;"


@pytest.mark.parametrize("query", ["", "zzz", "obrien", "say"])
def test_highlight_escapes_as_django_does_and_is_safe_in_a_template(query):
    """Its escaping is Django's `escape`, quotes included, and a template does not escape the
    result again (it would show "&amp;amp;")."""
    text = """O'Brien & "Say" <Now>"""
    marked = highlight(text, query)
    assert isinstance(marked, SafeString)
    assert marked.replace("<mark>", "").replace("</mark>", "") == escape(text)


def test_highlight_marks_each_word_when_the_phrase_is_not_there():
    assert highlight("Amnesty International", "international amnesty") == (
        "<mark>Amnesty</mark> <mark>International</mark>"
    )


def test_highlight_keeps_a_separate_accent_mark_with_its_letter():
    decomposed = "Accio\u0301n"
    assert highlight_spans(decomposed, "accion") == [(0, len(decomposed))]


def test_highlight_marks_every_occurrence():
    assert highlight_spans("Tibet for Tibet", "tibet") == [(0, 5), (10, 15)]


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Human Rights Watch", "hrw", "<mark>H</mark>uman <mark>R</mark>ights <mark>W</mark>atch"),
        (
            "International Commission of Jurists",
            "I.C.J.",
            "<mark>I</mark>nternational <mark>C</mark>ommission of <mark>J</mark>urists",
        ),
        ("Uyghur Association of Victoria", "ict", "Uyghur Association of V<mark>ict</mark>oria"),
        ("Free Tibet", "xyz", "Free Tibet"),
    ],
)
def test_highlight_marks_the_initials_an_acronym_stands_for(text, query, expected):
    assert highlight(text, query) == expected
