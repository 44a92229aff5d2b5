"""Edit distances on plain words: stems, who gets typo corrections, transliteration skeletons."""

from names.distance import correction_cutoff, skeleton, stems


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
