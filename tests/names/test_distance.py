"""Edit distances on plain words: stems, who gets typo corrections, transliteration skeletons."""

from names.distance import correction_cutoff, corrections, edit_budget, skeleton, stems


def test_stems_drop_up_to_three_letters_and_keep_five():
    assert stems("tibetans") == ["tibetan", "tibeta", "tibet"]
    assert stems("tibetan") == ["tibeta", "tibet"]
    assert stems("uyghurs") == ["uyghur", "uyghu"]
    assert stems("tibet") == []


def test_short_words_get_no_typo_corrections():
    assert correction_cutoff("hk") is None
    assert correction_cutoff("rsf") is None
    assert correction_cutoff("tibt") == correction_cutoff("amnesty") == 0.79


def test_skeleton_makes_transliteration_variants_alike():
    assert skeleton("tsentr") == skeleton("centr")
    assert skeleton("moskovskaya") == skeleton("moskovskaja") == skeleton("moskovskaia")
    assert skeleton("khelsinkskaya") == skeleton("helsinkskaja")
    assert skeleton("pravozashchitnyy") == skeleton("pravozascitnii")


def test_the_edit_budget_grows_with_the_word():
    assert [edit_budget(w) for w in ["rsf", "chrd", "watch", "tibetan", "amnestie", "internatonal"]] == [
        0, 1, 1, 1, 2, 2,
    ]  # fmt: skip


def test_a_swap_is_one_edit_and_wins_ties_over_other_letters():
    assert corrections("chdr", ["chrd", "char", "cher"])[0] == "chrd"
    assert corrections("huamn", ["human", "hunan"]) == ["human", "hunan"]
    assert corrections("interntaionla", ["international"]) == ["international"]  # two swaps
    assert corrections("rsg", ["rsf"]) == []


def test_among_equal_corrections_the_more_frequent_term_comes_first():
    assert corrections("wacth", ["wacht", "watch"], frequency={"watch": 40, "wacht": 1}) == [
        "watch",
        "wacht",
    ]
