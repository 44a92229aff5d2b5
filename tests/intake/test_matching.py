"""Reconciliation of one source's entries against known signatories (pure, no database)."""

import random

from hypothesis import given
from hypothesis import strategies as st

from intake.matching import Cluster, Reading, is_doubtful, match_source

KNOWN = [
    "Acción Solidaria",
    "Amnesty International",
    "Cameroon Women’s Peace Movement",
    "Centro de Justicia y Paz – Cepaz",
    "Ghjtrn для трансгендерных людей и их близких T*Revers",
    "Human Rights in China",
    "HRIC",
    "Liên Đoàn Công Giáo Việt Nam tại Đức",
    "Southern Africa Human Rights. Defenders Network- SAHRDN",
    "Stand with HK@JPN",
    "Vancouver Society in Support of Democratic Movement",
    "Vancouver Society of Freedom, Democracy & Human Rights for China",
    "チベット問題を考える会 Japan Committee for Tibet",
    "日本ウイグル協会",
]


def clusters() -> list[Cluster]:
    return [Cluster(i, [Reading("first", i, text)]) for i, text in enumerate(KNOWN, start=1)]


def match(texts: list[str]):
    entries = [Reading("new", i, t) for i, t in enumerate(texts, start=1)]
    return {m.entry.text: m for m in match_source(entries, clusters())}


def test_each_kind_of_damage_joins_the_right_signatory():
    damaged = {
        "AcciónSolidaria": 1,  # lost space
        "Cameroon Women's Peace Movement": 3,  # straight quote
        "Centro de Justicia y Paz - Cepaz": 4,  # dash variant
        "Ghjtrn для трансгендерных людей и их близких Т\\*Revers": 5,  # escape + look-alike
        "Stand with HK@JPN>": 10,  # stray punctuation
        "会える考を問題チベット Japan Committee for Tibet": 13,  # reversed script runs
        "協会ウイグル日本": 14,
    }
    result = match(list(damaged))
    assert {text: m.cluster for text, m in result.items()} == damaged


def test_what_a_new_copy_brings_joins_the_right_signatory():
    damaged = {
        "Vancouver Society of Freedom, Democracy &amp; Human Rights for China": 12,  # entity
        "Amnesty\u00a0International": 2,  # no-break space
        "Lien Doan Cong Giao Viet Nam tai Duc": 8,  # stripped accents
        "HUMAN RIGHTS IN CHINA": 6,  # letter case
        "Southern Africa Human Rights. Defenderss Network- SAHRDN": 9,  # typo
    }
    result = match(list(damaged))
    assert {text: m.cluster for text, m in result.items()} == damaged
    assert result["Southern Africa Human Rights. Defenderss Network- SAHRDN"].method == "fuzzy"


def test_matches_record_their_method_from_strict_to_lax():
    result = match(["HRIC", "hric.", "AcciónSolidaria"])
    assert result["HRIC"].method == "exact"
    assert result["AcciónSolidaria"].method == "compact"
    # The second HRIC line cannot join the same signatory as the first: one source, one entry.
    assert result["hric."].cluster is None


def test_distinct_names_stay_distinct():
    result = match(
        [
            "Amnestie Internationale Canada francophone",
            "российское представительство Amnesty International",
        ]
    )
    assert all(m.cluster is None and m.method == "new" for m in result.values())


def test_near_names_are_not_swapped_when_both_are_present():
    result = match(
        [
            "Vancouver Society of Freedom, Democracy & Human Rights for China",
            "Vancouver Society in Support of Democratic Movement",
        ]
    )
    assert result["Vancouver Society in Support of Democratic Movement"].cluster == 11
    assert result["Vancouver Society of Freedom, Democracy & Human Rights for China"].cluster == 12


def test_another_order_changes_nothing():
    texts = list(KNOWN)
    random.Random(7).shuffle(texts)
    result = match(texts)
    assert {text: m.cluster for text, m in result.items()} == {
        text: KNOWN.index(text) + 1 for text in texts
    }


def test_order_evidence_accepts_a_weaker_match_between_matched_neighbours():
    known = [
        Cluster(1, [Reading("a", 1, "Alpha Association")]),
        Cluster(2, [Reading("a", 2, "Front Line Defenders Network")]),
        Cluster(3, [Reading("a", 3, "Omega Union")]),
    ]
    entries = [
        Reading("b", 1, "Alpha Association"),
        Reading("b", 2, "Front Line Defs Netw"),
        Reading("b", 3, "Omega Union"),
    ]
    result = match_source(entries, known)
    assert [m.cluster for m in result] == [1, 2, 3]
    assert result[1].method == "fuzzy+order"
    shuffled = [entries[1], Reading("b", 5, "Omega Union"), Reading("b", 9, "Alpha Association")]
    # Out of its place, the same weak similarity is not enough.
    assert next(m for m in match_source(shuffled, known) if m.entry.ordinal == 2).cluster is None


@given(st.lists(st.sampled_from(KNOWN), min_size=1, max_size=30))
def test_one_source_never_puts_two_entries_into_one_signatory(texts):
    entries = [Reading("new", i, t) for i, t in enumerate(texts, start=1)]
    matched = [m.cluster for m in match_source(entries, clusters()) if m.cluster is not None]
    assert len(matched) == len(set(matched))


def test_a_short_name_mistyped_in_a_shuffled_copy_still_joins_its_signatory():
    known = [Cluster(i, [Reading("a", i, t)]) for i, t in enumerate(["HRIC", "ARTICLE 19", "UCV"])]
    entries = [Reading("b", 1, "ARTICLE 19"), Reading("b", 2, "UVC"), Reading("b", 3, "HIRC")]
    result = {m.entry.text: m for m in match_source(entries, known)}
    assert {t: m.cluster for t, m in result.items()} == {"ARTICLE 19": 1, "UVC": 2, "HIRC": 0}
    assert result["UVC"].method == "fuzzy" and result["UVC"].score < 88


def test_an_uncertain_match_needs_a_clear_lead_over_the_second_candidate():
    known = [Cluster(1, [Reading("a", 1, "UCV")]), Cluster(2, [Reading("a", 2, "UCX")])]
    assert match_source([Reading("b", 1, "UCW")], known)[0].cluster is None
    # With one of them gone, the other leads clearly.
    assert match_source([Reading("b", 1, "UCW")], known[:1])[0].cluster == 1


def test_a_name_printed_with_a_note_the_gazetteer_does_not_know_joins_its_signatory():
    known = [
        Cluster(1, [Reading("a", 1, "Tibet Justice Center")]),
        Cluster(2, [Reading("a", 2, "HRIC")]),
    ]
    result = match_source(
        [Reading("b", 7, "Tibet Justice Center, Oakland"), Reading("b", 1, "HRIC")], known
    )
    assert [m.cluster for m in result] == [2, 1]


def test_doubtful_matches_are_the_ones_a_curator_should_review():
    assert is_doubtful("fuzzy", 70.0, first_list=False)
    assert not is_doubtful("fuzzy", 95.0, first_list=False)
    assert is_doubtful("fuzzy+order", 95.0, first_list=False)
    assert is_doubtful("new", 0.0, first_list=False)
    assert not is_doubtful("new", 0.0, first_list=True)
    assert not is_doubtful("exact", 100.0, first_list=False)
