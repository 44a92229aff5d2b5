"""The collation of the copies' bodies, on plain strings."""

from hypothesis import given, settings
from hypothesis import strategies as st

from letters.collation import collate, join_words, line_end_hyphen_words, tokenize

A = "We, the undersigned organizations, call on fifty experts.\n\nThey act world-wide."
B = "We, the undersigned organisations, call on 50 experts.\n\nThey act worldwide."
C = "We, the undersigned organizations, call on 50 experts.\n\nThey act world-wide."


def test_reference_text_takes_the_reading_most_copies_share():
    collation = collate([("a", A), ("b", B), ("c", C)])
    assert collation.text == (
        "We, the undersigned organizations, call on 50 experts.\n\nThey act world-wide."
    )


def test_each_variant_lists_its_readings_with_the_sources_that_print_them():
    collation = collate([("a", A), ("b", B), ("c", C)])
    readings = [[(r.text, r.sources) for r in v.readings] for v in collation.variants]
    assert readings == [
        [("organizations,", ("a", "c")), ("organisations,", ("b",))],
        [("50", ("b", "c")), ("fifty", ("a",))],
        [("world-wide.", ("a", "c")), ("worldwide.", ("b",))],
    ]


def test_line_wrapping_and_spacing_are_not_variants():
    wrapped = "We, the  undersigned\norganizations, call on\n50 experts.\n\nThey act world-wide."
    collation = collate([("c", C), ("w", wrapped)])
    assert collation.variants == []
    assert collation.text == C


def test_paragraph_breaks_alone_are_not_variants():
    run_on = C.replace("\n\n", " ")
    collation = collate([("c", C), ("r", run_on), ("c2", C)])
    assert collation.variants == []
    assert collation.text == C


def test_pdf_line_end_hyphen_is_not_a_reading_when_other_copies_join_the_word():
    raw_pdf = "to accredit non-\n\ngovernmental groups and government-\nbacked ones"
    pdf_body = "to accredit non-governmental groups and government-backed ones"
    web_body = "to accredit nongovernmental groups and government-backed ones"
    collation = collate(
        [("web", web_body), ("pdf", pdf_body)],
        hyphenated={"pdf": line_end_hyphen_words(raw_pdf)},
    )
    assert collation.variants == []
    assert collation.text == web_body


def test_paragraph_break_at_the_edge_of_a_variant_is_kept():
    collation = collate([("a", "x fifty\n\ny z"), ("b", "x 50\n\ny z"), ("c", "x 50 y z")])
    assert collation.text == "x 50\n\ny z"
    assert [len(p) for p in collation.paragraphs()] == [2, 1]


def test_hyphen_in_the_middle_of_a_line_is_a_reading():
    collation = collate(
        [("web", "rights violations worldwide."), ("pdf", "violations world-wide.")]
    )
    assert [r.text for r in collation.variants[-1].readings] == ["worldwide.", "world-wide."]


def test_line_end_hyphen_words_finds_words_joined_across_blank_lines():
    raw = "the hands of government-\n\nbacked extractive\nindustries, world-wide. China"
    assert line_end_hyphen_words(raw) == {"government-backed"}


def test_quote_style_differences_are_typographic_variants():
    curly = "the government’s “decisive measures” now"
    straight = 'the government\'s "decisive measures" now'
    collation = collate([("a", curly), ("b", straight), ("c", curly)])
    assert {v.kind for v in collation.variants} == {"typographic"}
    assert collation.text == curly


def test_differences_of_wording_are_not_typographic():
    collation = collate(
        [("a", "an unprecedented fifty experts"), ("b", "an unprecedented 50 experts")]
    )
    assert collation.variants[0].kind == "wording"


def test_tie_goes_to_the_copy_given_first():
    collation = collate([("a", "fifty experts"), ("b", "50 experts")])
    assert collation.text == "fifty experts"
    assert collation.variants[0].reference.sources == ("a",)


def test_insertions_and_omissions_are_variants_with_an_empty_reading():
    collation = collate([("a", "call for decisive action now"), ("b", "call for action now")])
    (variant,) = collation.variants
    assert [(r.text, r.sources) for r in variant.readings] == [("decisive", ("a",)), ("", ("b",))]


def test_overlapping_differences_of_several_copies_form_one_place():
    collation = collate(
        [
            ("a", "the quick brown fox jumps"),
            ("b", "the slow brown fox jumps"),
            ("c", "the quick red fox jumps"),
            ("d", "the slow red dog jumps"),
        ]
    )
    (variant,) = collation.variants
    texts = {r.text: r.sources for r in variant.readings}
    assert texts == {
        "quick brown fox": ("a",),
        "slow brown fox": ("b",),
        "quick red fox": ("c",),
        "slow red dog": ("d",),
    }


def test_variant_keeps_words_around_it_as_context():
    collation = collate(
        [("a", "one two three four fifty six seven"), ("b", "one two three four 50 six seven")]
    )
    (variant,) = collation.variants
    assert (variant.before, variant.after) == ("one two three four", "six seven")


def test_context_is_quoted_from_the_reference_text_not_the_base_copy():
    base = "the impact of China's rights violations worldwide. China has targeted"
    other = "the impact of China’s rights violations world-wide. China has targeted"
    collation = collate([("base", base), ("b", other), ("c", other)])
    quote, hyphen = collation.variants
    assert quote.after == "rights violations world-wide. China has"
    assert hyphen.before == "impact of China’s rights violations"
    reference = collation.text
    for variant in collation.variants:
        assert f"{variant.before} {variant.reference.text} {variant.after}" in reference


def test_differences_name_what_a_source_prints_instead_of_the_reference():
    collation = collate([("a", A), ("b", B), ("c", C)])
    assert [(v.reference.text, r.text) for v, r in collation.differences("b")] == [
        ("organizations,", "organisations,"),
        ("world-wide.", "worldwide."),
    ]
    assert [(v.reference.text, r.text) for v, r in collation.differences("a")] == [("50", "fifty")]


def test_copies_without_a_body_are_left_out():
    collation = collate([("news", ""), ("a", "some text")])
    assert collation.sources == ("a",)
    assert collation.text == "some text"


def test_paragraphs_cut_segments_at_paragraph_breaks():
    collation = collate([("a", A), ("b", B), ("c", C)])
    paragraphs = collation.paragraphs()
    assert len(paragraphs) == 2
    assert "".join(s.text for s in paragraphs[1]).startswith("They act")


def test_tokenize_keeps_paragraph_breaks_as_tokens():
    assert tokenize("a b\n\n  c\nd") == ["a", "b", "\n\n", "c", "d"]


WORDS = st.sampled_from(
    [
        "the",
        "50",
        "fifty",
        "world-wide",
        "worldwide",
        "China’s",
        "China's",
        "“cooperation”",
        "UN",
        "\n\n",
    ]
)
BODIES = st.lists(WORDS, min_size=0, max_size=25).map(" ".join)


def as_printed(collation, source: str) -> str:
    """Rebuild one copy from the collation: common text plus that copy's reading at each place."""
    parts = []
    for segment in collation.segments:
        if segment.variant is None:
            parts.append(segment.text)
        else:
            parts.append(segment.variant.reading_of(source).text)
    return " ".join(" ".join(parts).split())


@given(st.lists(BODIES, min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_every_copy_can_be_rebuilt_from_the_collation(bodies):
    witnesses = [(f"s{i}", body) for i, body in enumerate(bodies)]
    collation = collate(witnesses)
    for slug, body in witnesses:
        if body.strip():
            assert as_printed(collation, slug) == " ".join(body.split())


@given(st.lists(BODIES, min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_reference_reading_is_never_outvoted(bodies):
    collation = collate([(f"s{i}", body) for i, body in enumerate(bodies)])
    for variant in collation.variants:
        counts = [len(r.sources) for r in variant.readings]
        assert counts[0] == max(counts)
        assert len({r.text for r in variant.readings}) == len(variant.readings) >= 2


@given(BODIES)
def test_identical_copies_have_no_variant(body):
    collation = collate([("a", body), ("b", body), ("c", body)])
    assert collation.variants == []
    assert collation.text == join_words(tokenize(body))


@given(st.lists(BODIES, min_size=2, max_size=4))
@settings(max_examples=100, deadline=None)
def test_every_variant_context_reads_as_the_reference_text_does(bodies):
    collation = collate([(f"s{i}", body) for i, body in enumerate(bodies)])
    words = collation.text.split()
    text = " ".join(words)
    for variant in collation.variants:
        quoted = " ".join(
            part for part in (variant.before, variant.reference.text, variant.after) if part
        )
        assert quoted in text
