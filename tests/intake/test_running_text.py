"""Lists printed as running text: "Signed by: A, B, C; D and E"."""

import pytest

from intake.parsing import parse_source
from intake.running_text import read_running_list
from intake.textlines import split_lines

TITLE = "Global call for international human rights monitoring mechanisms on China"
KNOWN = [
    "Amnesty International",
    "ARTICLE 19",
    "Asociación Civil Fuerza, Unión, Justicia, Solidaridad y Paz (FUNPAZ)",
    "Asian Forum for Human Rights and Development (FORUM-ASIA)",
    "Lawyers’ Rights Watch Canada",
    "Tibet Committee of Fairbanks, Alaska and Alaskans for Tibet",
    "Reporters Without Borders (Reporters sans frontières, RSF)",
    "Hong Kong Watch",
    "Free Tibet",
]
NOTE = (
    "*Signatories totaled 321 organizations. However, 39 organizations chose to remain anonymous."
)


def copy(list_text: str) -> str:
    return (
        f"{TITLE}\n\nAn open letter to UN Member States\n\nWe call for a mechanism to address "
        f"the Chinese government’s human rights violations.\n\n{list_text}\n\n{NOTE}\n"
    )


def names(text: str, known=KNOWN) -> list[str]:
    return [p.text for p in read_running_list(split_lines(text), set(known))]


def test_commas_inside_known_names_and_brackets_do_not_cut_them():
    text = (
        "Amnesty International, Asociación Civil Fuerza, Unión, Justicia, Solidaridad y Paz "
        "(FUNPAZ); Reporters Without Borders (Reporters sans frontières, RSF), Tibet Committee "
        "of Fairbanks, Alaska and Alaskans for Tibet and Free Tibet."
    )
    assert names(text) == [
        "Amnesty International",
        "Asociación Civil Fuerza, Unión, Justicia, Solidaridad y Paz (FUNPAZ)",
        "Reporters Without Borders (Reporters sans frontières, RSF)",
        "Tibet Committee of Fairbanks, Alaska and Alaskans for Tibet",
        "Free Tibet",
    ]


def test_wrapped_lines_and_paragraphs_join_and_cut_where_names_end():
    text = (
        "Amnesty International, Asian Forum for Human\nRights and Development (FORUM-ASIA), "
        "ARTICLE 19.\n\nLawyers’ Rights Watch Canada, Hong Kong\nWatch, and Free Tibet"
    )
    assert names(text) == [
        "Amnesty International",
        "Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "ARTICLE 19",
        "Lawyers’ Rights Watch Canada",
        "Hong Kong Watch",
        "Free Tibet",
    ]


def test_a_typo_does_not_cut_a_name_with_commas():
    text = "ARTICLE 19, Asociacion Civil Fuerza, Unoin, Justicia, Solidaridad y Paz (FUNPAZ), Free Tibet"
    assert names(text)[1] == "Asociacion Civil Fuerza, Unoin, Justicia, Solidaridad y Paz (FUNPAZ)"


def test_without_other_copies_every_comma_and_the_last_and_cut():
    assert names("Alpha Group, Beta Union; Gamma Fund and Delta Trust.", known=[]) == [
        "Alpha Group", "Beta Union", "Gamma Fund", "Delta Trust",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "list_text",
    [
        "Signed by: Amnesty International, ARTICLE 19, Free Tibet and Hong Kong Watch.",
        "Signatories:\n\nAmnesty International, ARTICLE 19,\nFree Tibet and Hong Kong Watch",
        "Sincerely,\n\nEndorsed by the following organisations: Amnesty International; "
        "ARTICLE 19; Free Tibet; Hong Kong Watch",
    ],
)
def test_a_label_on_its_own_line_or_opening_the_paragraph_starts_the_list(list_text):
    parsed = parse_source(copy(list_text), title=TITLE, known=set(KNOWN))
    assert parsed.list_style == "running-text"
    assert [e.text for e in parsed.entries] == [
        "Amnesty International", "ARTICLE 19", "Free Tibet", "Hong Kong Watch",
    ]  # fmt: skip
    assert parsed.claimed_total == 321
    assert "We call for a mechanism" in parsed.body


def test_entries_of_running_text_point_at_their_lines():
    text = copy("Signed by: Amnesty International, ARTICLE 19,\nFree Tibet and Hong Kong Watch")
    parsed = parse_source(text, title=TITLE, known=set(KNOWN))
    lines = text.split("\n")
    for entry in parsed.entries:
        assert entry.text.split()[0] in lines[entry.line_start - 1]
        assert entry.text.split()[-1] in lines[entry.line_end - 1]


def test_a_label_alone_on_its_line_that_no_closing_formula_precedes_starts_the_list():
    list_text = (
        "Signatory organisations (in alphabetical order):\n\nAmnesty International; ARTICLE 19; "
        "Asian Forum for Human Rights and\nDevelopment (FORUM-ASIA); Free Tibet; and Hong Kong "
        "Watch."
    )
    parsed = parse_source(copy(list_text), title=TITLE, known=set(KNOWN))
    assert [e.text for e in parsed.entries] == [
        "Amnesty International", "ARTICLE 19",
        "Asian Forum for Human Rights and Development (FORUM-ASIA)", "Free Tibet",
        "Hong Kong Watch",
    ]  # fmt: skip
