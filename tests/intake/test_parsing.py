"""The parser on each seed copy and on list styles a new copy may bring (plain strings, no DB)."""

from pathlib import Path

import pytest

from intake.parsing import ParseError, parse_claims, parse_source

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "global-call-china-2020"
TITLE = "Global call for international human rights monitoring mechanisms on China"


def parse_seed(prefix: str, expect_list: bool = True):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_source(path.read_text(encoding="utf-8"), title=TITLE, expect_list=expect_list)


def codes(parsed):
    return [d.code for d in parsed.diagnostics]


def letter(list_block: str, *, closing: str = "Sincerely,", note: bool = True) -> str:
    note_line = (
        "*Signatories totaled 321 organisations. However, 39 chose to remain anonymous."
        if note
        else ""
    )
    return (
        f"{TITLE}\n\nAn open letter to: UN Member States\n\n"
        "We, the undersigned organisations, join together to call for an international "
        "mechanism, and urge you to take decisive action.\n\n"
        f"{closing}\n\n{list_block}\n\n{note_line}\n"
    )


class TestSeedCopies:
    def test_cihrs_page_lists_281_bullets_and_keeps_lost_spaces_as_printed(self):
        parsed = parse_seed("000")
        assert parsed.list_style == "bulleted"
        assert len(parsed.entries) == 281
        texts = [e.text for e in parsed.entries]
        assert "AcciónSolidaria" in texts
        assert texts[0] == "21Wilberforce"
        assert texts[-1] == "香港黎明, Dawn of Hong Kong, 香港の夜明け"
        assert parsed.closing == "Sincerely,"
        assert parsed.body.startswith("We, the undersigned organizations")
        assert "Cairo Institute for Human Rights Studies joined" not in parsed.body

    def test_pdf_text_has_280_entries_and_notes_the_missing_274(self):
        parsed = parse_seed("001")
        assert parsed.list_style == "numbered"
        assert len(parsed.entries) == 280
        numbers = [e.number for e in parsed.entries]
        assert 274 not in numbers
        assert numbers[-1] == 281
        gap = next(d for d in parsed.diagnostics if d.code == "numbering-gap")
        assert "274" in gap.message
        assert "count-mismatch" in codes(parsed)

    def test_pdf_text_joins_the_two_wrapped_names_with_their_line_span(self):
        parsed = parse_seed("001")
        wrapped = [e for e in parsed.entries if e.line_end > e.line_start]
        assert [e.text for e in wrapped] == [
            "Réseau Ouest Africain des Défenseurs des Droits Humains/West African Human Rights "
            "Defenders' Network",
            "Southern and Eastern Africa Trade Information and Negotiations Institute (SEATINI) "
            "Uganda",
        ]
        assert [(e.number, e.line_start, e.line_end) for e in wrapped] == [
            (203, 500, 502),
            (219, 536, 538),
        ]

    def test_pdf_text_keeps_reversed_script_runs_as_printed(self):
        texts = [e.text for e in parse_seed("001").entries]
        assert "会える考を問題チベット Japan Committee for Tibet" in texts
        assert "協会ウイグル日本" in texts

    def test_pdf_text_body_has_no_line_wrapping_and_joins_line_end_hyphens(self):
        body = parse_seed("001").body
        assert "government-backed extractive industries" in body
        assert "an unprecedented 50 United Nations experts" in body
        assert "\n\n" in body and "\n" not in body.replace("\n\n", "")
        assert "address the Chinese government’s human rights violations" in body

    def test_forum_asia_numbering_restart_after_99_is_noted(self):
        parsed = parse_seed("002")
        assert len(parsed.entries) == 281
        restart = [d for d in parsed.diagnostics if d.code == "numbering-restart"]
        assert len(restart) == 1 and "after 99" in restart[0].message
        assert parsed.entries[99].number == 1
        assert parsed.entries[99].ordinal == 100
        assert "Stand with HK@JPN>" in [e.text for e in parsed.entries]
        assert parsed.closing == ""
        assert "no-closing-formula" in codes(parsed)

    def test_news_report_has_no_list_but_its_claim(self):
        parsed = parse_seed("003", expect_list=False)
        assert parsed.entries == []
        assert parsed.claimed_more_than == 300
        assert "no-title" in codes(parsed)

    def test_minbyun_markdown_list_has_282_names_with_four_wrapped(self):
        parsed = parse_seed("004")
        assert parsed.list_style == "plain"
        assert len(parsed.entries) == 282
        wrapped = [e.text for e in parsed.entries if e.line_end > e.line_start]
        assert wrapped == [
            'Centro de Documentación en Derechos Humanos "Segundo Montes Mozo SJ" (CSMM)',
            "Miloon Kothari individually as an independent expert and former UN Special Rapporteur",
            "MINBYUN - Lawyers for a Democratic Society International Solidarity Committee",
            "Yayasan Lembaga Bantuan Hukum Indonesia (YLBHI) / Indonesia Legal Aid Foundation",
        ]
        assert "count-match" in codes(parsed)

    def test_minbyun_keeps_markdown_escape_and_cyrillic_letter_as_printed(self):
        texts = [e.text for e in parse_seed("004").entries]
        assert "Ghjtrn для трансгендерных людей и их близких Т\\*Revers" in texts
        assert "Amnesty International" not in texts
        assert "Amnestie Internationale Canada francophone" in texts

    @pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
    def test_every_list_copy_claims_321_with_39_anonymous(self, prefix):
        parsed = parse_seed(prefix)
        assert (parsed.claimed_total, parsed.claimed_anonymous) == (321, 39)
        assert parsed.claimed_named == 282
        assert parsed.title == TITLE
        assert parsed.addressees == (
            "UN Secretary-General Antonio Guterres, UN High Commissioner for Human Rights "
            "Michelle Bachelet, UN Member States"
        )


class TestListStyles:
    def test_star_and_dot_bullets(self):
        for marker in ("*", "•", "-"):
            block = "\n".join(f"{marker} Org {n}" for n in range(1, 6))
            parsed = parse_source(letter(block), title=TITLE)
            assert [e.text for e in parsed.entries] == [f"Org {n}" for n in range(1, 6)]
            assert parsed.list_style == "bulleted"

    def test_parenthesis_numbering_with_gap_and_restart(self):
        block = "1) Alpha\n2) Beta\n4) Gamma\n1) Delta\n2) Epsilon"
        parsed = parse_source(letter(block), title=TITLE)
        assert [e.number for e in parsed.entries] == [1, 2, 4, 1, 2]
        assert [e.ordinal for e in parsed.entries] == [1, 2, 3, 4, 5]
        assert codes(parsed)[:2] == ["numbering-gap", "numbering-restart"]

    @pytest.mark.parametrize(
        "style", ["{n}. {t}", "{n}) {t}", "({n}) {t}", "{n}: {t}", "{n} - {t}"]
    )
    def test_numbering_styles(self, style):
        block = "\n".join(style.format(n=n, t=f"Org {n}") for n in range(1, 5))
        parsed = parse_source(letter(block), title=TITLE)
        assert [(e.number, e.text) for e in parsed.entries] == [
            (n, f"Org {n}") for n in range(1, 5)
        ]

    def test_indented_continuation_joins_the_item_above(self):
        block = "* Alpha Network for\n    Human Rights\n* Beta\n* Gamma"
        parsed = parse_source(letter(block), title=TITLE)
        assert [e.text for e in parsed.entries] == [
            "Alpha Network for Human Rights",
            "Beta",
            "Gamma",
        ]
        assert (parsed.entries[0].line_start, parsed.entries[0].line_end) == (9, 10)

    def test_blank_lines_and_page_breaks_inside_a_numbered_list(self):
        block = "1. Alpha\n\n\f2. Beta\n\n\n3. Gamma Society of\n\nFriends\n\n4. Delta"
        parsed = parse_source(letter(block), title=TITLE)
        assert [e.text for e in parsed.entries] == [
            "Alpha",
            "Beta",
            "Gamma Society of Friends",
            "Delta",
        ]

    def test_plain_list_joins_lines_that_break_alphabetical_order(self):
        names = ["Able Group", "Baker Union", "Charlie Centre for Peace and", "Justice"]
        names += ["Delta Forum", "Echo Alliance", "Foxtrot Committee on Human", "Rights"]
        names += ["Golf Club", "Hotel Network Solidarity", "Committee", "India Link", "Juliet"]
        parsed = parse_source(letter("\n".join(names)), title=TITLE)
        assert [e.text for e in parsed.entries] == [
            "Able Group",
            "Baker Union",
            "Charlie Centre for Peace and Justice",
            "Delta Forum",
            "Echo Alliance",
            "Foxtrot Committee on Human Rights",
            "Golf Club",
            "Hotel Network Solidarity Committee",
            "India Link",
            "Juliet",
        ]

    def test_markdown_escapes_html_entities_and_no_break_spaces_are_kept_as_printed(self):
        block = "- Body &amp; Data\n- T\\*Revers\n- Human\u00a0Rights Watch"
        parsed = parse_source(letter(block), title=TITLE)
        assert [e.text for e in parsed.entries] == [
            "Body &amp; Data",
            "T\\*Revers",
            "Human\u00a0Rights Watch",
        ]

    def test_plain_list_without_closing_formula_ends_at_the_note(self):
        block = "Alpha\nBeta\nGamma\nDelta"
        parsed = parse_source(letter(block, closing=""), title=TITLE)
        assert [e.text for e in parsed.entries] == ["Alpha", "Beta", "Gamma", "Delta"]
        assert parsed.body.startswith("We, the undersigned organisations, join together")

    def test_a_missing_closing_formula_is_noted_and_a_present_one_is_not(self):
        without = parse_source(letter("- Alpha\n- Beta\n- Gamma", closing=""), title=TITLE)
        assert "no-closing-formula" in codes(without)
        with_formula = parse_source(letter("- Alpha\n- Beta\n- Gamma"), title=TITLE)
        assert "no-closing-formula" not in codes(with_formula)
        for prefix in ("000", "001", "004"):
            assert "no-closing-formula" not in codes(parse_seed(prefix))
        assert "no-closing-formula" not in codes(parse_seed("003", expect_list=False))

    def test_bare_plain_list_without_formula_or_note_is_found(self):
        text = letter("Alpha Group\nBeta Union\nGamma Centre", closing="", note=False)
        parsed = parse_source(text + "\nShare this post\n", title=TITLE)
        assert [e.text for e in parsed.entries] == ["Alpha Group", "Beta Union", "Gamma Centre"]

    def test_page_furniture_after_a_bulleted_list_is_not_an_entry(self):
        text = letter("- Alpha\n- Beta\n- Gamma", note=False) + "\nShare this Post\n"
        parsed = parse_source(text, title=TITLE)
        assert [e.text for e in parsed.entries] == ["Alpha", "Beta", "Gamma"]
        assert "no-closing-note" in codes(parsed)

    def test_a_copy_without_any_list_is_refused(self):
        with pytest.raises(ParseError, match="line 3: expected the signatory list here") as exc:
            parse_source(f"{TITLE}\n\nJust a paragraph about the letter.\n", title=TITLE)
        assert exc.value.line == 3
        assert "found prose: “Just a paragraph about the letter.”" in str(exc.value)


def test_claims_are_read_from_the_closing_note():
    assert parse_claims(
        "*Signatories totaled 321 organizations. However, 39 organizations chose to remain "
        "anonymous."
    ) == (321, 39)
    assert parse_claims("In total 1,204 signatories; 12 of them anonymous.") == (1204, 12)
    assert parse_claims("No figures here.") == (None, None)


def test_copy_saved_as_html_is_read_as_the_page_shows_it_with_file_line_numbers():
    html = (
        "<html><head><title>Letter</title><style>p {}</style></head><body>\n"
        '<nav><a href="/">Home</a></nav>\n'
        f"<h1>{TITLE}</h1>\n"
        "<p>An open letter to: UN Member States</p>\n"
        "<p>We, the undersigned organisations, join together to call for an international\n"
        "mechanism to address the Chinese government&rsquo;s human rights violations.</p>\n"
        "<p>Sincerely,</p>\n"
        "<ol>\n<li>Body &amp; Data</li>\n<li>Acci&oacute;n Solidaria</li>\n"
        "<li>Human&nbsp;Rights\n  Watch</li>\n</ol>\n"
        "<p>*Signatories totaled 321 organisations. However, 39 chose to remain anonymous.</p>\n"
        "</body></html>\n"
    )
    parsed = parse_source(html, title=TITLE)
    assert parsed.addressees == "UN Member States"
    assert parsed.body.endswith("the Chinese government’s human rights violations.")
    assert [(e.text, e.line_start) for e in parsed.entries] == [
        ("Body & Data", 9),
        ("Acción Solidaria", 10),
        ("Human Rights Watch", 11),
    ]
    assert (parsed.claimed_total, parsed.claimed_anonymous) == (321, 39)
