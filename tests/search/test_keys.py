"""The pure search keys, query forms, filed typo corrections and FTS5 queries, on plain strings."""

import pytest

from names.distance import corrections
from search.keys import (
    QueryForms,
    blocking_keys,
    build_document,
    filed_near,
    initialisms,
    lookup_keys,
    name_keys,
    name_parts,
)
from search.partial import heaviest_first, keep_heaviest, kept_words, named, weights
from search.plans import leading_groups, plan, required_words
from search.vocabulary import WordInfo


def test_name_parts_split_off_bracketed_acronyms_and_translations():
    assert name_parts("Reporters Without Borders (Reporters sans frontières, RSF)") == [
        "Reporters Without Borders",
        "Reporters sans frontières",
        "RSF",
    ]
    assert name_parts("Human Rights Foundation (Japan) 【日本人権財団】") == [
        "Human Rights Foundation",
        "Japan",
        "日本人権財団",
    ]
    assert name_parts("Free Tibet") == []


def test_name_keys_keep_both_apostrophe_forms_and_the_acronym():
    keys = name_keys("Chinese Human Rights Defenders (CHRD)")
    assert keys[0] == "chinese human rights defenders chrd"
    assert "chrd" in keys
    assert "chinese human rights defenders" in keys
    assert name_keys("People’s Watch") == ["peoples watch", "people s watch"]


def test_document_puts_the_display_name_first_and_lists_each_name_once():
    document = build_document("ChangSha FuNeng", ["ChangShaFuNeng", "ChangSha FuNeng"])
    assert document.doc == "/ changsha funeng / changshafuneng /"
    assert document.compact == "/changshafuneng/"
    assert document.words == {"changsha", "funeng", "changshafuneng"}


def test_query_forms_fold_like_documents():
    forms = QueryForms.parse("  FORUM-ASIA ")
    assert (forms.folded, forms.compact, forms.words) == (
        "forum asia",
        "forumasia",
        ("forum", "asia"),
    )
    assert QueryForms.parse("Reporters sans frontières").folded == "reporters sans frontieres"
    assert not QueryForms.parse("!!! ?")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Human Rights Watch", ["hrw"]),
        ("International Commission of Jurists", ["icoj", "icj"]),
        ("Reporters Without Borders (Reporters sans frontières, RSF)", ["rwb", "rsf"]),
        (
            "T’ruah: The Rabbinic Call for Human Rights",
            ["ttrcfhr", "ttrchr", "ttrch", "ttrc", "ttr"],
        ),
        ("Московская Хельсинкская группа", ["mkg"]),  # "Moskovskaia Khel'sinkskaia gruppa"
        ("Free Tibet", []),  # two letters are the initials of too many names
        ("ChangSha FuNeng", []),
        ("國會調查兵團", []),  # one run of letters once transliterated
        (
            "Asociación Civil Fuerza, Unión, Justicia, Solidaridad y Paz",
            ["acfujsyp", "acfujsp", "acfujs", "acfuj", "acfu", "acf"],
        ),
        # An acronym leaves out the words the name ends with ("MRG", "STP").
        ("Minority Rights Group International", ["mrgi", "mrg"]),
        ("Society for Threatened Peoples – Germany", ["sftpg", "stpg", "stp"]),
    ],
)
def test_initialisms_are_the_first_letters_of_every_word_and_of_capitalised_words_and_their_start(
    name, expected
):
    assert initialisms(name) == expected


def test_a_query_is_an_initialism_when_it_is_one_word_or_spelled_out_letters():
    assert QueryForms.parse("HRW").initialism == "hrw"
    assert QueryForms.parse("H.R.W.").initialism == "hrw"
    assert QueryForms.parse("h r w").initialism == "hrw"
    assert QueryForms.parse("hk").initialism is None  # too short
    assert QueryForms.parse("hk watch").initialism is None  # several words
    assert QueryForms.parse("abcdefghijklm").initialism is None  # longer than any kept


def test_letters_typed_apart_are_read_as_one_word():
    assert QueryForms.parse("I.C.C.R.").words == ("iccr",)
    assert QueryForms.parse("i c c r").folded == "iccr"
    assert QueryForms.parse("a b watch").words == ("a", "b", "watch")


def filed_corrections(terms):
    """A vocabulary filed as the SearchTerm table files it, and its typo corrections of a word."""
    files: dict[str, set[str]] = {}
    for term in set(terms):
        for key in blocking_keys(term):
            files.setdefault(key, set()).add(term)

    def corrections_of(word: str) -> list[str]:
        near = [(t, blocking_keys(t)) for key in lookup_keys(word) for t in files.get(key, ())]
        return corrections(word, filed_near(word, near))

    return corrections_of


CORRECTIONS = filed_corrections(
    ["amnesty", "amnestie", "international", "internationale", "tibet", "tibete", "uyghur",
     "moskovskaya", "tsentr", "hk", "hr", "honesty", "atc", "wat"]
)  # fmt: skip


def test_corrections_find_typos_and_related_forms_best_first():
    assert CORRECTIONS("internatonal")[0] == "international"
    assert CORRECTIONS("amnesty") == ["amnesty", "amnestie"]
    assert CORRECTIONS("moskovskaja") == ["moskovskaya"]
    assert set(CORRECTIONS("tibte")) == {"tibete", "tibet"}
    assert CORRECTIONS("centr") == ["tsentr"]


def test_terms_are_filed_by_beginning_ending_and_skeleton():
    assert blocking_keys("gupalberville") == ("gup13", "ville13", "gup13")
    assert blocking_keys("tsentr") == ("tse6", "entr6", "cen6")
    assert {"gup13", "ville13", "ville12", "gup14"} <= lookup_keys("gupalberville")
    # A word typed as meant is looked up by its beginning only: "-ville" files thousands.
    assert not any(k.startswith("ville") for k in lookup_keys("gupalberville", tails=False))


def test_corrections_leave_unrelated_and_short_words_alone():
    assert CORRECTIONS("hk") == []
    assert "honesty" not in CORRECTIONS("amnesty")
    assert CORRECTIONS("zebra") == []
    assert CORRECTIONS("watch") == []  # "atc", "wat": too short to stand for anything


def fts(q: str, corrections=None, documents=None) -> str | None:
    return plan(QueryForms.parse(q), WordInfo(corrections or {}, documents or {})).fts


def test_fts_query_looks_up_the_leading_words_and_their_alternatives_in_compact_names():
    assert fts("amnesty intl", {"amnesty": ["amnesty", "amnestie"]}, {"amnesty": 3}) == (
        '(compact:"amnesty" OR compact:"amnestie")'
    )
    assert fts("peace watch canada", {}, {"peace": 9000, "watch": 2500, "canada": 5000}) == (
        '(compact:"watch") AND (compact:"canada")'
    )


def test_fts_query_gives_up_where_trigrams_cannot_narrow():
    assert fts("hk") is None
    assert fts("a b") is None


def leads(words, documents) -> list[list[str]]:
    return leading_groups([[w] for w in required_words(words)], WordInfo({}, documents))


def test_the_rarest_longer_words_lead_the_index():
    documents = {"human": 9000, "rights": 8000, "watch": 4000, "canada": 3000, "of": 50000}
    assert leads(("human", "rights", "watch", "of", "canada"), documents) == [
        ["canada"],
        ["watch"],
    ]
    # One lead is enough when it leaves few documents to recheck.
    documents["watch"] = 40
    assert leads(("human", "watch", "canada"), documents) == [["watch"]]
    # A long word no document has is a typo or a rare name: it narrows best.
    assert leads(("human", "rigths"), documents) == [["rigths"]]
    # A short one may be a word being typed, inside many longer words.
    assert leads(("tamil", "tam", "watch"), documents) == [["watch"]]
    assert leading_groups([["tam"], ["watch"]], WordInfo({}, documents)) == [["watch"]]
    assert leads(("hk",), documents) == []


def test_fuzzy_matches_need_only_the_longer_words():
    assert required_words(("friends", "of", "tibet")) == ("friends", "tibet")
    assert required_words(("hk", "jp")) == ("hk", "jp")
    assert fts("a tibet") == '(compact:"tibet")'
    assert fts("rsf") == '(compact:"rsf")'


def test_a_one_word_query_looks_up_the_word_and_the_corrections_that_do_not_hold_it():
    # A name holding "tibete" holds "tibet": looking up "tibet" finds both.
    assert fts("tibet", {"tibet": ["tibet", "tibete"]}) == '(compact:"tibet")'
    assert fts("tibet", {"tibet": ["tibet", "tibete", "tibat"]}) == (
        '(compact:"tibet" OR compact:"tibat")'
    )
    assert fts("tibet") == '(compact:"tibet")'


def test_rare_words_are_kept_before_common_ones():
    # Weighted by rarity among the names: "petersburg" (1 document) before "human" (9000).
    forms = QueryForms.parse("saint petersburg human rights council")
    documents = {"sankt": 1, "peterburga": 1, "human": 9000, "rights": 8000, "council": 300}
    info = WordInfo(
        documents=documents,
        corrections={"petersburg": ["peterburga"]},
        equivalents={"saint": ["sankt"]},
    )
    order = [forms.words[i] for i in heaviest_first(forms, info, total=100_000)]
    assert order == ["saint", "petersburg", "council", "rights", "human"]
    # Each word is kept when the words kept with it still match something.
    having = {"saint", "petersburg"}
    kept = keep_heaviest(forms, info, 100_000, lambda words: set(words) <= having)
    assert kept == (("saint", "petersburg"), ("human", "rights", "council"))


def test_words_no_name_has_weigh_nothing_and_are_always_left_out():
    forms = QueryForms.parse("amnesty zzzqq hong kong")
    info = WordInfo(documents={"amnesty": 3, "hong": 17, "kong": 17})
    assert weights(forms, info, 1000)["zzzqq"] == 0
    assert [forms.words[i] for i in heaviest_first(forms, info, 1000)] == [
        "amnesty",
        "hong",
        "kong",
    ]
    kept = keep_heaviest(forms, info, 1000, lambda words: "zzzqq" not in words)
    assert kept == (("amnesty", "hong", "kong"), ("zzzqq",))
    assert keep_heaviest(forms, info, 1000, lambda words: False) is None
    kept = keep_heaviest(forms, info, 1000, lambda words: words == ("amnesty",))
    assert kept == (("amnesty",), ("zzzqq", "hong", "kong"))


def test_a_short_word_is_kept_between_two_kept_words():
    forms = QueryForms.parse("intl campaign for tibet")
    assert kept_words(forms.words, {1, 3}) == ("campaign", "for", "tibet")
    assert kept_words(forms.words, {3}) == ("tibet",)


def test_a_run_of_query_words_that_is_a_whole_name_is_kept_first():
    forms = QueryForms.parse("FIDH International Federation for Human Rights")
    documents = {"fidh": 1, "international": 900, "federation": 40, "human": 9000, "rights": 8000}
    weight = weights(forms, WordInfo(documents=documents), 100_000)
    # The rarer name first, not the longer: "human rights" says less than "fidh".
    assert named(forms.words, {"fidh", "human rights"}, weight) == (
        ("fidh",),
        ("international", "federation", "for", "human", "rights"),
    )
    words = ("human", "rights", "watch", "china")
    assert named(words, {"human rights watch", "watch"}, dict.fromkeys(words, 1.0)) == (
        ("human", "rights", "watch"),
        ("china",),
    )
    assert named(("friends", "of", "tibet"), {"of"}, {}) is None  # not a short word alone


def test_retries_are_few_and_only_for_a_query_as_long_as_a_name():
    words = [f"word{chr(97 + n)}" for n in range(13)]
    info = WordInfo(documents=dict.fromkeys(words, 1))
    tried = []
    keep_heaviest(QueryForms.parse(" ".join(words[:12])), info, 10, tried.append)
    assert len(tried) == 8
    assert heaviest_first(QueryForms.parse(" ".join(words)), info, 10) == []


def test_a_word_no_name_has_is_looked_up_where_its_likely_meaning_is_filed():
    # A swap in the middle of a short word changes its head and its tail keys alike.
    for typed, meant in [("huamn", "human"), ("wacth", "watch"), ("chdr", "chrd")]:
        assert set(blocking_keys(meant)) & lookup_keys(typed), typed
    # So does a dropped or wrong second or third letter.
    for typed, meant in [("wach", "watch"), ("hunan", "human"), ("tbet", "tibet")]:
        assert set(blocking_keys(meant)) & lookup_keys(typed), typed
    # A word typed as meant is looked up by its start only.
    assert not set(blocking_keys("watch")) & lookup_keys("wacth", tails=False)
