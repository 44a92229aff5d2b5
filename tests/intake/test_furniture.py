"""Page furniture is left out of a copy's list, and its lines are reported."""

import pytest

from intake.furniture import drop_furniture
from intake.parsing import parse_source
from intake.textlines import split_lines

TITLE = "Global call for international human rights monitoring mechanisms on China"


def paged_copy(furniture: list[str]) -> str:
    names = [f"Organisation {chr(65 + i)} for Peace" for i in range(12)]
    lines = [TITLE, "", "An open letter to UN Member States", "", "We call for a mechanism.", ""]
    lines += ["Sincerely,", ""]
    for i, name in enumerate(names):
        lines.append(name)
        if i in (3, 7):
            lines += furniture
    lines += ["", "*Signatories totaled 20. However, 8 chose to remain anonymous."]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "furniture",
    [
        ["Page 3 of 9", TITLE],
        ["- 3 -"],
        ["3/9", "", "\f"],
        ["", "3", ""],
        ["— 4 —", f"{TITLE.upper()} – 9 September 2020"],
        ["Page 3"],
    ],
)
def test_furniture_inside_a_plain_list_is_left_out(furniture):
    parsed = parse_source(paged_copy(furniture), title=TITLE)
    assert [e.text for e in parsed.entries] == [
        f"Organisation {chr(65 + i)} for Peace" for i in range(12)
    ]
    assert "page-furniture" in {d.code for d in parsed.diagnostics}


def test_furniture_glued_to_a_name_is_cut_off_and_reported_with_its_line():
    text = paged_copy([]).replace(
        "Organisation C for Peace\n", f"Organisation C for Peace Page 5 of 8 {TITLE}\n"
    )
    parsed = parse_source(text, title=TITLE)
    assert "Organisation C for Peace" in [e.text for e in parsed.entries]
    (note,) = [d for d in parsed.diagnostics if d.code == "page-furniture"]
    line = text.split("\n").index(f"Organisation C for Peace Page 5 of 8 {TITLE}") + 1
    assert f"line {line}: “Page 5 of 8 {TITLE}”" in note.message


def test_the_first_title_stays_the_title_and_a_numbered_item_is_no_page_number():
    lines = split_lines(f"{TITLE}\n12.\nName\n{TITLE}\n")
    kept, left_out = drop_furniture(lines, TITLE)
    assert [line.text for line in kept] == [TITLE, "12.", "Name", ""]
    assert [(f.number, f.text) for f in left_out] == [(4, TITLE)]


def test_a_form_feed_breaks_the_line_but_keeps_the_file_line_numbers():
    lines = split_lines("one\ntwo\fthree\nfour\n")
    assert [(line.number, line.raw) for line in lines] == [
        (1, "one"), (2, "two"), (2, "three"), (3, "four"),
    ]  # fmt: skip


def test_a_short_line_repeated_on_every_page_is_a_running_footer():
    footer = "Joint letter, 9 September 2020"
    text = paged_copy([footer]).replace(
        "Organisation J for Peace\n", f"Organisation J for Peace\n{footer}\n"
    )
    parsed = parse_source(text, title=TITLE)
    assert len(parsed.entries) == 12
    assert not any(footer in e.text for e in parsed.entries)


def test_furniture_leading_a_line_is_cut_off_too():
    lines = split_lines(f"{TITLE}\nPage 4 of 9 Organisation D for Peace\n{TITLE} 17. Name\n")
    kept, left_out = drop_furniture(lines, TITLE)
    assert [line.text for line in kept][1:3] == ["Organisation D for Peace", "17. Name"]
    assert [(f.number, f.text) for f in left_out] == [(2, "Page 4 of 9"), (3, TITLE)]
    kept, left_out = drop_furniture(split_lines(f"{TITLE}\nName Page 5 of 8 {TITLE}\n"), TITLE)
    assert [(f.number, f.text) for f in left_out] == [(2, f"Page 5 of 8 {TITLE}")]


def test_names_that_differ_only_by_a_number_are_not_a_running_footer():
    names = [f"Group {n} for Rights" for n in range(1, 9)]
    text = f"{TITLE}\n\nWe call for a mechanism.\n\nSigned:\n\n" + "\n".join(names) + "\n"
    parsed = parse_source(text, title=TITLE)
    assert [e.text for e in parsed.entries] == names
    assert not any(d.code == "page-furniture" for d in parsed.diagnostics)
