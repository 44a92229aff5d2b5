"""The gazetteer: places printed after a name are recognised, never guessed."""

import pytest

from names.places import is_place, name_part, place_splits


@pytest.mark.parametrize(
    ("printed", "name", "place"),
    [
        ("Amnesty International (France)", "Amnesty International", "France"),
        ("Access Now – Paris, France", "Access Now", "Paris, France"),
        ("Access Now, Germany", "Access Now", "Germany"),
        ("Free Tibet - United Kingdom", "Free Tibet", "United Kingdom"),
        ("ARTICLE 19 (Deutschland)", "ARTICLE 19", "Deutschland"),
        ("Sova Center [Russia]", "Sova Center", "Russia"),
        (
            "Tibet Justice Center (Victoria, Australia)",
            "Tibet Justice Center",
            "Victoria, Australia",
        ),
    ],
)
def test_a_place_after_a_name_is_read_as_the_place(printed, name, place):
    first = place_splits(printed)[0]
    assert (first.name, first.place) == (name, place)
    assert name_part(printed, place) == name


@pytest.mark.parametrize(
    "printed",
    [
        "Canada Tibet Committee (CTC)",
        "Hong Kong Watch",
        "Free Tibet",
        "Taiwan Association for Human Rights",
        "Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "Students For a Free Tibet- India",  # a dash glued to the name is part of it
        "Amnesty International (Central)",  # a subdivision named only by a direction
        "Lawyers’ Rights Watch Canada",
    ],
)
def test_acronyms_and_countries_inside_names_are_not_places(printed):
    assert place_splits(printed) == []


def test_a_town_is_a_place_only_before_a_known_country():
    assert is_place("Lyon, France")
    assert not is_place("Lyon")
    assert not is_place("Lyon, Narnia")
    # After a comma alone, a town is not enough: "Name, Town, Country" keeps the town.
    (split,) = place_splits("Tibet Initiative, Lyon, France")
    assert (split.name, split.place) == ("Tibet Initiative, Lyon", "France")


def test_name_part_of_an_entry_without_a_place_is_the_entry():
    assert name_part("Witness Radio – Uganda", "") == "Witness Radio – Uganda"
    assert name_part("Witness Radio – Uganda", "Kenya") == "Witness Radio – Uganda"
