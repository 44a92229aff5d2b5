"""Keyboard layouts: QWERTY and ЙЦУКЕН map onto each other, and words typed on the wrong one."""

from hypothesis import given
from hypothesis import strategies as st

from names.layout import JCUKEN, QWERTY, retyped, to_jcuken, to_qwerty


def test_the_same_keys_type_the_other_layouts_letters():
    assert to_jcuken("Ghjtrn") == "Проект"
    assert to_qwerty("Проект") == "Ghjtrn"
    assert to_qwerty("руддщ") == "hello"
    assert to_jcuken("Vjcrdf") == "Москва"


@given(st.text(alphabet=QWERTY))
def test_qwerty_text_goes_there_and_back(text):
    assert to_qwerty(to_jcuken(text)) == text


@given(st.text(alphabet=JCUKEN))
def test_jcuken_text_goes_there_and_back(text):
    assert to_jcuken(to_qwerty(text)) == text


def test_a_word_without_vowels_whose_keys_spell_a_russian_word_is_retyped():
    assert retyped("Ghjtrn") == "Проект"
    assert retyped("Cdtn") == "Свет"


def test_real_words_and_acronyms_are_left_alone():
    for word in ("Hong", "Kong", "Revers", "Amnesty", "CSW", "HRIC", "Mr", "Москва", "группа"):
        assert retyped(word) is None, word


def test_a_word_is_retyped_when_what_was_meant_is_printed_elsewhere():
    assert retyped("руддщ") is None  # has vowels of its own: only known words tell
    assert retyped("руддщ", known={"hello"}) == "hello"
    assert retyped("Vjcrdf", known={"москва"}) == "Москва"
