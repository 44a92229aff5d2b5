"""Typing slips the curation admin's artefact filter lists: stray marks, doubled letters, layouts."""

from names.typos import doubled_letters, stray_punctuation, typos, word_counts, wrong_layout

LETTER = [
    "Southern Africa Human Rights. Defenderss Network- SAHRDN",
    "Southern Africa Human Rights. Defenders Network- SAHRDN",
    "Chinese Human Rights Defenders (CHRD)",
    "Human Rights Defenders Network",
    "Progress Coalition",
    "Ghjtrn для трансгендерных людей и их близких T*Revers",
]
COUNTS = word_counts(LETTER)


def test_stray_punctuation_is_found_at_the_ends_inside_and_in_brackets():
    assert stray_punctuation("Defenders Network- SAHRDN")
    assert stray_punctuation("Stand with HK@JPN>")
    assert stray_punctuation("Amnesty International,,")
    assert stray_punctuation("Society (Germany")
    assert not stray_punctuation("Chinese Human Rights Defenders (CHRD)")
    assert not stray_punctuation("ACAT-France")
    assert not stray_punctuation("Canada-Hong Kong Link")


def test_a_letter_doubled_by_mistake_is_found_against_the_words_the_copies_print():
    assert doubled_letters(LETTER[0], COUNTS) == [("Defenderss", "Defenders")]
    assert doubled_letters("Progress Coalition", COUNTS) == []  # "progres" is not printed
    assert doubled_letters("Committee of Defenders", COUNTS) == []


def test_a_word_typed_on_the_wrong_keyboard_layout_is_found():
    assert wrong_layout(LETTER[-1], COUNTS) == [("Ghjtrn", "Проект")]
    assert wrong_layout("Moscow Helsinki Group", COUNTS) == []


def test_typos_names_every_kind_found():
    assert typos(LETTER[0], COUNTS) == ["stray-punctuation", "doubled-letters"]
    assert typos(LETTER[-1], COUNTS) == ["wrong-layout"]
    assert typos("Amnesty International", COUNTS) == []
