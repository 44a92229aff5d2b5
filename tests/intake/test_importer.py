"""The one import path against the database: reconciliation figures, idempotence, new copies,
and curated overrides kept across imports."""

import hashlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.importer import load_letters
from letters.models import Letter, SourceVersion
from signatories.models import ListEntry, MatchOverride, Signatory
from tests.intake.helpers import (
    LIST_SOURCES,
    add_source,
    entries_of,
    snapshot,
    sources_of,
    unseen_copy,
)


class TestSeedFigures:
    def test_lists_have_281_280_281_and_282_entries_and_the_report_has_none(self, seeded):
        counts = {s.slug: s.entries.count() for s in SourceVersion.objects.all()}
        assert counts == {
            "cihrs-web": 281,
            "pdf-text": 280,
            "forum-asia-web": 281,
            "news-report": 0,
            "minbyun-press-release": 282,
        }

    def test_283_signatories_of_whom_279_in_all_four_lists(self, seeded):
        letter = Letter.objects.get()
        assert Signatory.objects.count() == 283
        assert letter.signatories.in_every_list().count() == 279
        report = seeded[0]
        assert (report.signatories_total, report.in_every_list) == (283, 279)

    def test_the_four_signatories_not_in_every_list_are_the_documented_ones(self, seeded):
        partial = {
            s.name: sources_of(s)
            for s in Signatory.objects.all()
            if len(sources_of(s)) < len(LIST_SOURCES)
        }
        assert partial == {
            "Amnesty International": {"cihrs-web", "pdf-text", "forum-asia-web"},
            "مرصد الصحراء للسلم والديمقراطية وحقوق الإنسان": {
                "cihrs-web",
                "forum-asia-web",
                "minbyun-press-release",
            },
            "Amnestie Internationale Canada francophone": {"minbyun-press-release"},
            "российское представительство Amnesty International": {"minbyun-press-release"},
        }

    def test_names_listed_twice_under_two_forms_stay_two_signatories(self, seeded):
        for pair in [
            ("Human Rights in China", "HRIC"),
            ("Japan Uyghur Association", "日本ウイグル協会"),
        ]:
            first, second = (Signatory.objects.get(name=name) for name in pair)
            assert first.pk != second.pk
            assert sources_of(first) == sources_of(second) == set(LIST_SOURCES)

    def test_no_signatory_holds_two_entries_of_one_source(self, seeded):
        pairs = ListEntry.objects.values_list("signatory_id", "source_id")
        assert len(pairs) == len(set(pairs))

    @pytest.mark.parametrize(
        ("damaged", "shown"),
        [
            ("AcciónSolidaria", "Acción Solidaria"),
            ("МосковскаяХельсинкскаягруппа", "Московская Хельсинкская группа"),
            (
                "会える考を問題チベット Japan Committee for Tibet",
                "チベット問題を考える会 Japan Committee for Tibet",
            ),
            ("協会ウイグル日本", "日本ウイグル協会"),
            (
                "Ghjtrn для трансгендерных людей и их близких Т\\*Revers",
                "Ghjtrn для трансгендерных людей и их близких T*Revers",
            ),
            ("Stand with HK@JPN>", "Stand with HK@JPN"),
            (
                "Fundaciónpara el Debido Proceso Fundepro",
                "Fundación para el Debido Proceso Fundepro",
            ),
        ],
    )
    def test_display_name_is_the_reading_free_of_extraction_artefacts(self, seeded, damaged, shown):
        entry = ListEntry.objects.filter(text=damaged).first()
        assert entry is not None, damaged
        assert entry.signatory.name == shown
        assert entry.signatory.name_artefacts == []

    def test_every_entry_traces_back_to_its_lines_of_the_file(self, seeded):
        for source in SourceVersion.objects.all():
            lines = source.text.split("\n")
            for entry in source.entries.all():
                printed = " ".join(lines[entry.line_start - 1 : entry.line_end])
                first_words = entry.text.split()[:2]
                assert all(word in printed for word in first_words), (source.slug, entry.text)
                assert entry.text.split()[-1] in lines[entry.line_end - 1]

    def test_sources_record_checksum_size_and_what_the_parser_noticed(self, seeded, seed_folder):
        pdf = SourceVersion.objects.get(slug="pdf-text")
        data = next(seed_folder.glob("001_*.txt")).read_bytes()
        assert pdf.sha256 == hashlib.sha256(data).hexdigest()
        assert pdf.size == len(data)
        assert pdf.text == data.decode("utf-8")
        codes = {d["code"] for d in pdf.diagnostics}
        assert {"numbering-gap", "wrapped-entries", "count-mismatch"} <= codes
        forum = SourceVersion.objects.get(slug="forum-asia-web")
        assert "numbering-restart" in {d["code"] for d in forum.diagnostics}
        assert (forum.claimed_total, forum.claimed_anonymous) == (321, 39)

    def test_individuals_are_marked(self, seeded):
        individuals = set(
            Signatory.objects.filter(kind="individual").values_list("name", flat=True)
        )
        assert individuals == {
            "Miloon Kothari individually as an independent expert and former UN Special Rapporteur",
            "Ms. Enakshi Ganguly individually as an independent expert",
        }


class TestIdempotence:
    def test_second_run_changes_nothing_and_writes_nothing(self, seeded, seed_folder):
        before = snapshot()
        with CaptureQueriesContext(connection) as queries:
            (report,) = load_letters([seed_folder])
        writes = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert writes == []
        assert not report.changed
        assert snapshot() == before

    def test_command_says_nothing_changed_the_second_time(self, db, capsys):
        call_command("load_letter")
        first = capsys.readouterr().out
        call_command("load_letter")
        second = capsys.readouterr().out
        assert "loaded." in first and "created 283" in first
        assert "nothing changed" in second and "created 0, updated 0, removed 0" in second
        assert "minbyun-press-release: unchanged; 282 entries" in second

    def test_verbosity_zero_prints_only_the_outcome(self, db, capsys):
        call_command("load_letter", verbosity=0)
        assert capsys.readouterr().out.strip().splitlines() == [
            "Letter global-call-china-2020: loaded."
        ]


class TestNewCopies:
    @pytest.mark.parametrize("seed", [1, 2])
    def test_unseen_copy_attaches_to_existing_signatories(self, db, letter_copy, seed):
        load_letters([letter_copy])
        before = {s: entries_of(s) for s in LIST_SOURCES}
        signatories_before = set(Signatory.objects.values_list("pk", "name"))
        text, count = unseen_copy(letter_copy, seed)
        add_source(letter_copy, "unseen-copy", text)

        (report,) = load_letters([letter_copy])

        new = next(s for s in report.sources if s.slug == "unseen-copy")
        assert (new.status, new.created, new.entries) == ("created", count, count)
        assert all(
            (s.created, s.updated, s.removed, s.status) == (0, 0, 0, "unchanged")
            for s in report.sources
            if s.slug != "unseen-copy"
        )
        assert {s: entries_of(s) for s in LIST_SOURCES} == before
        assert set(Signatory.objects.values_list("pk", "name")) == signatories_before
        assert report.signatories_created == 0
        assert "new" not in new.methods
        forum = {
            e.signatory_id: e.ordinal
            for e in ListEntry.objects.filter(source__slug="forum-asia-web")
        }
        assert set(
            ListEntry.objects.filter(source__slug="unseen-copy").values_list(
                "signatory_id", flat=True
            )
        ) == set(forum)

    def test_removing_a_source_removes_its_entries_and_signatories_only_it_named(
        self, db, letter_copy
    ):
        load_letters([letter_copy])
        toml = letter_copy / "letter.toml"
        text = toml.read_text(encoding="utf-8")
        toml.write_text(text[: text.index('[[sources]]\nslug = "minbyun-press-release"')])
        (report,) = load_letters([letter_copy])
        assert report.sources_removed == ["minbyun-press-release"]
        assert report.signatories_removed == 2
        assert not Signatory.objects.filter(name__startswith="Amnestie").exists()
        assert Signatory.objects.count() == 281


class TestCuratedDecisions:
    def test_existing_entries_keep_a_curators_assignment_on_reimport(self, seeded, seed_folder):
        entry = ListEntry.objects.get(text="Amnestie Internationale Canada francophone")
        amnesty = Signatory.objects.get(name="Amnesty International")
        orphan = entry.signatory
        entry.signatory = amnesty
        entry.save()
        orphan.curated_name = "kept by the curator"
        orphan.save()
        load_letters([seed_folder])
        entry.refresh_from_db()
        assert entry.signatory == amnesty

    def test_match_override_is_honoured_when_an_entry_is_matched_again(self, seeded, seed_folder):
        entry = ListEntry.objects.get(text="Amnestie Internationale Canada francophone")
        amnesty = Signatory.objects.get(name="Amnesty International")
        override = MatchOverride.objects.create(
            letter=entry.source.letter, source_slug=entry.source.slug, ordinal=entry.ordinal,
            text=entry.text, signatory=amnesty,
            reason="The Canadian francophone section signs for Amnesty International.",
        )  # fmt: skip
        ListEntry.objects.filter(source=entry.source).delete()  # as if the list were re-parsed
        load_letters([seed_folder])
        again = ListEntry.objects.get(text="Amnestie Internationale Canada francophone")
        assert (again.signatory, again.override) == (amnesty, override)
        # Beside the pin, the importer's own evidence: no other copy prints this reading.
        assert (again.match_method, again.match_score) == ("new", 0.0)

    def test_curated_name_survives_reimport(self, seeded, seed_folder):
        signatory = Signatory.objects.get(name="HRIC")
        signatory.curated_name = "Human Rights in China (HRIC)"
        signatory.save()
        load_letters([seed_folder])
        signatory.refresh_from_db()
        assert (signatory.name, signatory.imported_name) == ("Human Rights in China (HRIC)", "HRIC")
