"""The general table of spellings names use for the same word, on plain folded words."""

from names.equivalents import equivalents, spelled_out
from names.folding import folded_key


def test_abbreviations_stand_for_the_full_word_and_back():
    assert "saint" in equivalents("st") and "sankt" in equivalents("st")
    assert equivalents("intl")[0] == "international"
    assert "intl" in equivalents("international")
    assert equivalents("assn")[0] == "association"
    assert "association" in equivalents("assoc")


def test_a_word_never_stands_for_a_shorter_spelling_that_starts_many_words():
    # Search tests a word by its start: "st" would stand for "stand", "studies"...
    assert "st" not in equivalents("saint")
    assert equivalents("saint") == ["sankt", "santo", "sainte"]


def test_british_and_american_spellings():
    assert equivalents("centre") == ["center"]
    assert equivalents("center") == ["centre"]
    assert equivalents("organisation") == ["organization"]
    assert equivalents("organizations") == ["organisations"]
    assert equivalents("civilised") == ["civilized"]
    assert equivalents("rise") == equivalents("size") == []  # too short to be the ending


def test_sans_frontieres_names():
    assert set(equivalents("borders")) >= {"frontiers", "frontieres"}
    assert "borders" in equivalents("frontieres")
    assert equivalents("sans") == ["without"]


def test_a_word_with_no_other_spelling_has_none():
    assert equivalents("tibet") == equivalents("watch") == []


def test_ampersands_and_digits_run_into_letters_are_spelled_out():
    assert folded_key(spelled_out("Body & Data")) == "body and data"
    assert folded_key(spelled_out("21Wilberforce")) == "21 wilberforce"
    assert folded_key(spelled_out("Article19")) == "article 19"
    assert folded_key(spelled_out("NY4HK")) == "ny 4 hk"
    assert spelled_out("Human Rights Watch") == "Human Rights Watch"
