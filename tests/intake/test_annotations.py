"""Which entries of a copy carry a place after the name, from the gazetteer and the other copies."""

from intake.annotations import settle_places
from intake.parsed import ParsedEntry, ParsedSource

KNOWN = {
    "Witness Radio – Uganda", "Amnesty International", "ARTICLE 19", "Free Tibet",
    "Centro de Justicia y Paz – Cepaz", "Uyghur Association of Victoria, Australia",
}  # fmt: skip


def parsed(*texts: str) -> ParsedSource:
    source = ParsedSource(list_style="plain")
    source.entries = [
        ParsedEntry(ordinal=i, number=None, text=t, line_start=i, line_end=i)
        for i, t in enumerate(texts, start=1)
    ]
    return source


def places(source: ParsedSource) -> dict[str, str]:
    return {e.text: e.place for e in source.entries}


def test_a_name_other_copies_print_with_its_country_keeps_it():
    source = parsed(
        "Witness Radio – Uganda", "Uyghur Association of Victoria, Australia", "Free Tibet"
    )
    settle_places(source, KNOWN)
    assert set(places(source).values()) == {""}


def test_the_reading_closest_to_a_known_name_decides_where_the_place_starts():
    source = parsed(
        "Witness Radio – Uganda (Uganda)",
        "Centro de Justicia y Paz – Cepaz, Venezuela",
        "Amnesty International – London, United Kingdom",
        "ARTICLE 19",
    )
    settle_places(source, KNOWN)
    assert places(source) == {
        "Witness Radio – Uganda (Uganda)": "Uganda",
        "Centro de Justicia y Paz – Cepaz, Venezuela": "Venezuela",
        "Amnesty International – London, United Kingdom": "London, United Kingdom",
        "ARTICLE 19": "",
    }
    assert "places" in {d.code for d in source.diagnostics}


def test_an_annotating_copy_is_taken_at_its_word_for_names_no_copy_prints():
    source = parsed("Amnesty Internatonal (France)", "Alpha Group (Japan)", "Free Tibet")
    settle_places(source, KNOWN)
    assert places(source)["Alpha Group (Japan)"] == "Japan"
    assert places(source)["Amnesty Internatonal (France)"] == "France"


def test_a_copy_that_does_not_annotate_keeps_unknown_names_whole():
    texts = [f"Group number {n}" for n in range(20)] + ["Beta Trust, Denmark"]
    source = parsed(*texts)
    settle_places(source, KNOWN)
    assert places(source)["Beta Trust, Denmark"] == ""


def test_the_entry_text_stays_as_printed():
    source = parsed("Free Tibet (United Kingdom)")
    settle_places(source, KNOWN)
    (entry,) = source.entries
    assert (entry.text, entry.place) == ("Free Tibet (United Kingdom)", "United Kingdom")
