"""Matching keys, artefact detection and kind guessing on plain strings."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from names.folding import compact_key, folded_key
from names.keys import KEY_CHAIN, artefacts, guess_kind, normalized_key, runs_key
from names.scripts import text_direction


@pytest.mark.parametrize(
    ("damaged", "clean", "key"),
    [
        ("Cameroon Women's Peace Movement", "Cameroon Women’s Peace Movement", normalized_key),
        ("Centro de Justicia y Paz - Cepaz", "Centro de Justicia y Paz – Cepaz", normalized_key),
        ('LGBT social movement "REVERS"', "LGBT social movement “REVERS”", normalized_key),
        ("Stand with HK@JPN>", "Stand with HK@JPN", normalized_key),
        ("Body &amp; Data", "Body & Data", normalized_key),
        ("Human\u00a0Rights Watch", "Human Rights Watch", normalized_key),
        ("HUMAN RIGHTS WATCH", "Human Rights Watch", normalized_key),
        ("Ghjtrn для людей Т\\*Revers", "Ghjtrn для людей T*Revers", normalized_key),
        (
            "Lien Doan Cong Giao Viet Nam tai Duc",
            "Liên Đoàn Công Giáo Việt Nam tại Đức",
            folded_key,
        ),
        ("Reporters sans frontieres", "Reporters sans frontières", folded_key),
        ("AcciónSolidaria", "Acción Solidaria", compact_key),
        ("МосковскаяХельсинкскаягруппа", "Московская Хельсинкская группа", compact_key),
        (
            "会える考を問題チベット Japan Committee for Tibet",
            "チベット問題を考える会 Japan Committee for Tibet",
            runs_key,
        ),
        ("協会ウイグル日本", "日本ウイグル協会", runs_key),
        (
            "Taiwan Kenkyu Rondan フォーラム台湾研究",
            "Taiwan KenkyuRondan台湾研究フォーラム",
            runs_key,
        ),
    ],
)
def test_key_sees_through_damage(damaged, clean, key):
    assert key(damaged) == key(clean)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Amnesty International", "Amnestie Internationale Canada francophone"),
        ("Amnesty International", "российское представительство Amnesty International"),
        ("Human Rights in China", "HRIC"),
        ("Japan Uyghur Association", "Japan Uyghur Union"),
        ("台灣南社", "台灣客社"),
    ],
)
def test_distinct_names_keep_distinct_keys_at_every_level(a, b):
    for _, key in KEY_CHAIN:
        assert key(a) != key(b)


def test_cyrillic_word_run_into_latin_is_not_mistaken_for_lookalikes():
    # 'Ghjtrnдля' is two words run together, not a Latin word with Cyrillic look-alikes.
    assert compact_key("Ghjtrnдлятрансгендерных") == compact_key("Ghjtrn для трансгендерных")


def test_artefacts_of_damaged_readings():
    assert "escape" in artefacts("Т\\*Revers")
    assert "lookalike" in artefacts("Ghjtrn для Т*Revers")
    assert "stray-punctuation" in artefacts("Stand with HK@JPN>")
    assert "lost-spaces" in artefacts("AcciónSolidaria", ["Acción Solidaria"])
    siblings = ["チベット問題を考える会 Japan", "チベット問題を考える会 Japan"]
    assert "reversed-runs" in artefacts("会える考を問題チベット Japan", siblings)


def test_clean_readings_have_no_artefacts():
    assert artefacts("Acción Solidaria", ["AcciónSolidaria"]) == []
    assert artefacts("チベット問題を考える会 Japan", ["会える考を問題チベット Japan"]) == []
    assert artefacts("Building Inclusive Society Tanzania Organization (BISTO).") == []


def test_individuals_are_recognised_by_wording_not_by_name():
    assert guess_kind("Miloon Kothari individually as an independent expert") == "individual"
    assert guess_kind("Ms. Enakshi Ganguly individually as an independent expert") == "individual"
    assert guess_kind("Dr. Jane Doe") == "individual"
    assert guess_kind("Human Rights Watch") == "organisation"


def test_text_direction_follows_the_first_strong_character():
    assert text_direction("مرصد الصحراء للسلم") == "rtl"
    assert text_direction("Human Rights Watch") == "ltr"
    assert text_direction("【台灣民間支援香港協會】") == "ltr"


@given(st.text(max_size=80))
def test_keys_are_idempotent_and_never_fail(text):
    for _, key in KEY_CHAIN:
        value = key(text)
        assert isinstance(value, str)
    assert folded_key(folded_key(text)) == folded_key(text)
    assert compact_key(text) == folded_key(text).replace(" ", "")
