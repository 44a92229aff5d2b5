"""Ranked search over the real seed letter: every kind of query a reader types, on either backend.

The suite runs once on SQLite and once on PostgreSQL; the expectations here are the same for
both, so a difference between the backends fails one of the runs.
"""

import pytest
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import connection

from names.folding import folded_key
from public.search import search_signatories
from search.documents import refresh_search_documents
from search.models import SearchDocument, SearchTerm
from signatories.models import Alias, Signatory
from tests.search.searching import first, found


def test_the_exact_name_comes_first(seeded):
    names = ["Human Rights in China", "HRIC", "Free Tibet", "Amnesty International", "ISHR", "FIDH"]
    assert [first(name) for name in names] == names
    assert [first(name.lower()) for name in names] == names


def test_accents_can_be_left_out(seeded):
    cases = {
        "reporters sans frontieres": "Reporters Without Borders (Reporters sans frontières, RSF)",
        "lien doan cong giao": "Liên Đoàn Công Giáo Việt Nam tại Đức",
        "accion solidaria": "Acción Solidaria",
        "solidarite chine": "Solidarité Chine",
        "verein fur sozial-okologischen": "Verein für sozial-ökologischen Wandel",
    }
    assert {q: first(q) for q in cases} == cases


def test_case_punctuation_and_apostrophes_do_not_matter(seeded):
    cases = {
        "truah": "T’ruah: The Rabbinic Call for Human Rights",
        "T'RUAH": "T’ruah: The Rabbinic Call for Human Rights",
        "peoples watch": "People’s Watch",
        "people's watch": "People’s Watch",
        "CIVICUS world alliance": "CIVICUS: World Alliance for Citizen Participation",
        "stand with hk jpn": "Stand with HK@JPN",
        "komitet grazhdanskoe": 'Комитет "Гражданское содействие"',
    }
    assert {q: first(q) for q in cases} == cases


def test_lost_or_extra_spaces_do_not_matter(seeded):
    cases = {
        "ChangShaFuNeng": "ChangSha FuNeng",
        "chang sha fu neng": "ChangSha FuNeng",
        "frontline defenders": "Front Line Defenders",
        "AccionSolidaria": "Acción Solidaria",
        "direitoshumanos": "Conectas Direitos Humanos",
        "sahabat wanita": "Persatuan Sahabat Wanita Selangor",
    }
    assert {q: first(q) for q in cases} == cases


def test_acronyms_in_brackets_find_their_organisation_first(seeded):
    cases = {
        "CHRD": "Chinese Human Rights Defenders (CHRD)",
        "RSF": "Reporters Without Borders (Reporters sans frontières, RSF)",
        "FORUM-ASIA": "Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "forum asia": "Asian Forum for Human Rights and Development (FORUM-ASIA)",
        "iDEFEND": "In Defense of Human Rights and Dignity Movement (iDEFEND)",
    }
    assert {q: first(q) for q in cases} == cases


def test_a_short_acronym_is_not_found_across_word_boundaries(seeded):
    # "rsf" is in "lawyeRS For" once spaces are dropped; that is noise, not a match.
    assert found("RSF") == ["Reporters Without Borders (Reporters sans frontières, RSF)"]


def test_small_typos_still_find_the_name(seeded):
    cases = {
        "amnesty internatonal": "Amnesty International",
        "world uyghur congres": "World Uyghur Congress",
        "reporters withuot borders": "Reporters Without Borders (Reporters sans frontières, RSF)",
        "humna rights watch": "Human Rights Watch",
        "safegaurd defenders": "Safeguard Defenders",
    }
    assert {q: first(q) for q in cases} == cases


def test_acronyms_never_printed_find_the_organisation_by_its_initials(seeded):
    cases = {
        "hrw": "Human Rights Watch",
        "HRW": "Human Rights Watch",
        "h.r.w.": "Human Rights Watch",
        "wuc": "World Uyghur Congress",
        "icj": "International Commission of Jurists",  # "of" is left out
        "uhrp": "Uyghur Human Rights Project",
        "ict": "International Campaign for Tibet",  # above "vICToria", a part of a word
    }
    assert {q: first(q) for q in cases} == cases
    # The letter lists Human Rights in China under its full name and its acronym.
    assert found("hric") == ["HRIC", "Human Rights in China"]


def test_a_printed_acronym_or_word_ranks_above_mere_initials(seeded):
    assert found("rsf") == ["Reporters Without Borders (Reporters sans frontières, RSF)"]
    assert first("pen") == "PEN America"
    longer = Signatory.objects.get(name="Uyghur Human Rights Project")
    Alias.objects.create(signatory=longer, name="Friends of HRW")
    refresh_search_documents(signatory_ids=[longer.pk])
    # Then the names whose initials are "hrw", the shorter first: Human Rights Watch before
    # Human Rights Without Frontiers International, whose initials start so.
    assert found("hrw") == [
        "Uyghur Human Rights Project",
        "Human Rights Watch",
        "Human Rights Without Frontiers International",
    ]


def test_a_name_whose_initials_are_the_query_ranks_above_words_that_merely_start_so(seeded):
    # "chri" starts "Christian", but it is all of Commonwealth Human Rights Initiative's initials.
    assert first("chri") == "Commonwealth Human Rights Initiative"
    assert first("I.C.C.R.") == "Interfaith Center on Corporate Responsibility"
    # An acronym that leaves out the name's last words: "Minority Rights Group International".
    assert first("MRG") == "Minority Rights Group International"


def test_short_words_a_fuzzy_match_may_lack_rank_the_names_that_have_them_first(seeded):
    # "hk" is too short to be required, but it is the initials of "Hong Kong".
    assert found("hk watch")[:2] == ["Hong Kong Watch", "People’s Watch"]
    assert first("hk democracy") == "Hong Kong Democracy Council (HKDC)"


def test_a_longer_form_of_a_word_no_name_has_finds_the_names_with_the_word(seeded):
    with_tibet = set(found("tibet"))
    assert set(found("tibetan")) == set(found("tibetans")) == with_tibet
    assert first("tibetan") == "Free Tibet"
    assert first("tibetan support group") == "Tibet Support Group Ireland"


def test_words_no_name_has_with_the_others_are_left_out(seeded):
    cases = {
        "amnesty international zzzqq": ("Amnesty International", ("zzzqq",)),
        "human rights watch china": ("Human Rights Watch", ("china",)),
        "world uyghur congress germany": ("World Uyghur Congress", ("germany",)),
        "amnesty international hong kong": ("Amnesty International", ("hong", "kong")),
        "chinese human rights defenders network": (
            "Chinese Human Rights Defenders (CHRD)",
            ("network",),
        ),
    }
    for q, (name, left_out) in cases.items():
        result = search_signatories(Signatory.objects.all(), q)
        assert (result.signatories[0].name, result.left_out) == (name, left_out), q


def test_a_query_every_name_has_all_the_words_of_leaves_none_out(seeded):
    result = search_signatories(Signatory.objects.all(), "human rights watch")
    assert result.left_out == ()
    assert search_signatories(Signatory.objects.all(), "zzzzqqq wwwxxx").left_out == ()
    assert found("zzzzqqq wwwxxx") == []


def test_downloads_leave_out_the_same_words(seeded):
    complete = search_signatories(
        Signatory.objects.all(), "human rights watch china", complete=True
    )
    assert [s.name for s in complete.signatories] == ["Human Rights Watch"]
    assert (complete.left_out, complete.searched) == (("china",), "human rights watch")


def test_amnesty_brings_up_its_sections_under_related_names(seeded):
    assert found("amnesty") == [
        "Amnesty International",
        "российское представительство Amnesty International",
        "Amnestie Internationale Canada francophone",
    ]


def test_substrings_in_other_scripts(seeded):
    cases = {
        "Хельсинкская": "Московская Хельсинкская группа",
        "хельсинкская группа": "Московская Хельсинкская группа",
        "Сахаров": "Сахаровский Центр",
        "трансгендерных": "Ghjtrn для трансгендерных людей и их близких T*Revers",
        "ウイグル": "日本ウイグル協会",
        "考える会": "チベット問題を考える会 Japan Committee for Tibet",
        "南社": "台灣南社",
        "國會調查": "國會調查兵團",
        "香港の夜明け": "香港黎明, Dawn of Hong Kong, 香港の夜明け",
        "الصحراء": "مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان",
        "حقوق الإنسان": "مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان",
    }
    assert {q: first(q) for q in cases} == cases


def test_a_cjk_query_ranks_names_printing_it_above_their_transliterations(seeded):
    results = found("台灣")
    printing = {"台灣南社", "台灣客社", "【台灣民間支援香港協會】 Taiwanese Civil Aid to HKers"}
    assert set(results[:3]) == printing
    assert "Central Taiwan Society" in results[3:]


def test_latin_transliterations_find_cyrillic_names(seeded):
    cases = {
        "moskovskaya": "Московская Хельсинкская группа",
        "moskovskaja helsinkskaja gruppa": "Московская Хельсинкская группа",
        "sakharovskii centr": "Сахаровский Центр",
        "pravozashchitnyi sovet": "Правозащитный совет Санкт-Петербурга",
    }
    assert {q: first(q) for q in cases} == cases


def test_a_reading_with_reversed_script_runs_is_searchable(seeded):
    assert first("会える考を問題チベット") == "チベット問題を考える会 Japan Committee for Tibet"


def test_tibet_and_uyghur_bring_every_name_containing_them_before_any_other(seeded):
    for word in ["tibet", "uyghur"]:
        containing = {s.name for s in Signatory.objects.all() if word in folded_key(s.name)}
        assert len(containing) >= 8
        results = found(word)
        assert set(results[: len(containing)]) == containing, word


def test_names_with_the_whole_word_come_before_names_with_a_longer_word(seeded):
    results = found("tibet")
    assert results.index("Free Tibet") < results.index("Grupo de Apoio ao Tibete-Portugal")
    assert results[0] == "Free Tibet"  # the shortest name with the whole word


def test_top_results_are_the_same_on_every_backend(seeded):
    # The same expectations run on SQLite and on PostgreSQL: ties break in code point order.
    assert found("human rights in china")[:1] == ["Human Rights in China"]
    assert found("uyghur")[:4] == [
        "Japan Uyghur Union",
        "World Uyghur Congress",
        "Japan Uyghur Association",
        "Uyghur Projects Foundation",
    ]
    assert found("hk")[:3] == [
        "Stand with HK@JPN",  # "HK" as a word
        "NY4HK ( New Yorkers Supporting Hong Kong )",  # digits set apart: "ny 4 hk"
        "Hong Kong Democracy Council (HKDC)",
    ]
    assert found("rights watch") == ["Human Rights Watch", "Lawyers’ Rights Watch Canada"]


def test_a_query_with_nothing_searchable_finds_nothing(seeded):
    assert found("!!! ?") == []
    assert found("zzzzqqq") == []


def test_a_blank_query_returns_the_queryset_unchanged(seeded):
    queryset = Signatory.objects.order_by("name", "pk")
    assert search_signatories(queryset, "   ").signatories is queryset


def test_results_can_be_filtered_counted_and_paginated(seeded):
    results = search_signatories(Signatory.objects.all(), "tibet").signatories
    assert results.filter(name__icontains="austria").count() == 2
    paginator = Paginator(results, 5)
    assert paginator.count == len(found("tibet"))
    pages = [s.name for n in paginator.page_range for s in paginator.page(n).object_list]
    assert pages == found("tibet")


def test_prefetches_set_by_the_caller_are_kept(seeded, django_assert_num_queries):
    result = search_signatories(Signatory.objects.prefetch_related("entries"), "tibet")
    signatories = list(result.signatories)
    with django_assert_num_queries(0):
        assert all(len(s.entries.all()) >= 1 for s in signatories)


def test_a_curated_alias_is_found_once_documents_are_refreshed(seeded):
    hric = Signatory.objects.get(name="HRIC")
    Alias.objects.create(signatory=hric, name="中国人权 Zhongguo Renquan")
    assert "HRIC" not in found("zhongguo renquan")
    assert refresh_search_documents(signatory_ids=[hric.pk]) == 1
    assert first("zhongguo renquan") == "HRIC"
    assert first("中国人权") == "HRIC"
    assert first("zhongguo renqaun") == "HRIC"  # the alias's words joined the typo vocabulary


def test_a_curated_name_becomes_the_exact_match(seeded):
    signatory = Signatory.objects.get(name="HRIC")
    signatory.curated_name = "Human Rights in China (HRIC)"
    signatory.save()
    refresh_search_documents(signatory_ids=[signatory.pk])
    assert first("human rights in china (hric)") == "Human Rights in China (HRIC)"
    assert first("hric") == "Human Rights in China (HRIC)"


def test_vocabulary_counts_the_documents_of_each_word(seeded):
    def documents(term):
        return SearchTerm.objects.filter(term=term).values_list("documents", flat=True).first()

    with_tibet = [d for d in SearchDocument.objects.all() if " tibet " in d.doc.replace("/", " ")]
    assert documents("tibet") == len(with_tibet) >= 10
    hric = Signatory.objects.get(name="HRIC")
    alias = Alias.objects.create(signatory=hric, name="Tibet Zhongguo Renquan")
    refresh_search_documents(signatory_ids=[hric.pk])
    assert documents("tibet") == len(with_tibet) + 1
    assert documents("renquan") == 1
    alias.delete()
    refresh_search_documents(signatory_ids=[hric.pk])
    assert documents("tibet") == len(with_tibet)
    assert documents("renquan") is None
    SearchTerm.objects.filter(term="tibet").update(documents=0)
    refresh_search_documents()
    assert documents("tibet") == len(with_tibet)


def test_deleting_a_signatory_takes_its_words_out_of_the_counts(seeded):
    def documents(term):
        return SearchTerm.objects.filter(term=term).values_list("documents", flat=True).first()

    before = documents("center")
    signatory = Signatory.objects.get(name="Sova Center for Information and Analysis")
    signatory.entries.all().delete()
    signatory.delete()
    assert documents("center") == before - 1
    assert documents("sova") is None  # no other name has the word
    assert found("sova") == []


def test_refreshing_unchanged_documents_writes_nothing(seeded):
    assert SearchDocument.objects.count() == Signatory.objects.count() == 283
    assert refresh_search_documents() == 0


def test_rebuild_search_index_command_restores_lost_documents(seeded):
    SearchDocument.objects.filter(signatory__name__icontains="tibet").delete()
    assert found("tibet") == []
    call_command("rebuild_search_index", verbosity=0)
    assert first("tibet") == "Free Tibet"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL indexes")
def test_postgres_documents_have_trigram_indexes(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
        assert "pg_trgm" in extensions and "unaccent" not in extensions
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchdocument'")
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "gin (doc gin_trgm_ops)" in definitions
    assert "gin (compact gin_trgm_ops)" in definitions


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 table")
def test_sqlite_fts_table_follows_the_documents(seeded):
    def fts_ids(phrase):
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [phrase])
            return {row[0] for row in cursor.fetchall()}

    free_tibet = SearchDocument.objects.get(signatory__name="Free Tibet")
    assert free_tibet.pk in fts_ids('"free tibet"')
    free_tibet.doc = "/ something else /"
    free_tibet.save()
    assert free_tibet.pk not in fts_ids('"free tibet"')
    assert free_tibet.pk in fts_ids('"something else"')
    free_tibet.delete()
    assert fts_ids('"something else"') == set()
