"""Folding names to ASCII words: the fast path agrees with the plain definition, on any text."""

import re

import pytest
from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st

from names.folding import clean, fix_lookalikes, folded_forms, folded_key, joined_words


def folded_by_definition(text: str) -> str:
    """What folding means, step by step and without shortcuts: clean, fix look-alike letters in
    every word, transliterate, case-fold, keep the runs of letters and digits."""
    ascii_text = anyascii(fix_lookalikes(clean(text))).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text))


MIXED_SCRIPTS = st.sampled_from(
    list(
        "aAbBcCeEhHkKmMoOpPtTxXyYéÉçłĐđ ТтАаВЕКМНОРСХУуеорсхіјѕΑΒΕΚΜΝΟΡΤΧοαβ*\\'’-—.()台灣ウイグル الصحراء"
    )
)


@given(st.lists(MIXED_SCRIPTS, max_size=30).map("".join) | st.text(max_size=30))
def test_folded_forms_agree_with_folded_key(text):
    assert folded_forms(text)[0] == folded_key(text) == folded_by_definition(text)


@pytest.mark.parametrize(
    "text",
    ["Ghjtrn для трансгендерных людей и их близких Т\\*Revers", "МосковскаяХельсинкскаягруппа",
     "Liên Đoàn Công Giáo", "会える考を問題チベット Japan Committee for Tibet"],
)  # fmt: skip
def test_folded_forms_agree_with_folded_key_on_seed_readings(text):
    assert folded_forms(text)[0] == folded_key(text) == folded_by_definition(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T’ruah: The Rabbinic Call", "truah the rabbinic call"),
        ("Liên Đoàn Công Giáo Việt Nam tại Đức", "lien doan cong giao viet nam tai duc"),
        ("Droits de l’Homme", "droits de lhomme"),
        ("Московская Хельсинкская группа", "moskovskaya khelsinkskaya gruppa"),
        ("Т\\*Revers", "t revers"),
        ("FORUM-ASIA", "forum asia"),
        ("台灣南社", "taiwannanshe"),
    ],
)
def test_joined_words_folds_accents_scripts_and_case_and_joins_apostrophes(text, expected):
    assert joined_words(text) == expected
