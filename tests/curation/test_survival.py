"""Every curated decision survives `load_letter` re-runs, re-matching and a new source."""

import pytest
from django.core.exceptions import ValidationError

from curation import log, services
from curation.models import Correction, SourceNote
from intake.importer import load_letters
from letters.models import Letter, SourceVersion
from signatories.models import ListEntry, MatchMethod, MatchOverride, Signatory, SignatoryRedirect
from tests.curation.helpers import (
    EXTRA_SOURCE_SLUG,
    entry,
    folder_with_extra_source,
    make_user,
    signatory,
)

WHY = {"reason": "Checked against the organisation's website.", "evidence_url": ""}


@pytest.fixture
def curator(seeded):
    return make_user("carla")


@pytest.fixture(params=["rerun", "new-source", "rematch"])
def reload(request, seed_folder, tmp_path):
    """Load again: the same folder, the folder plus a sixth source, or after a source's entries
    were dropped so that the importer has to match them again."""

    def run():
        if request.param == "rerun":
            load_letters([seed_folder])
        elif request.param == "new-source":
            load_letters([folder_with_extra_source(seed_folder, tmp_path)])
            assert SourceVersion.objects.get(slug=EXTRA_SOURCE_SLUG).entries.count() == 281
        else:
            ListEntry.objects.filter(source__slug="minbyun-press-release").delete()
            load_letters([seed_folder])
            assert ListEntry.objects.filter(source__slug="minbyun-press-release").count() == 282

    run.kind = request.param
    return run


def test_rename_survives_reimport(curator, reload):
    hric = signatory("human-rights-in-china")
    services.signatory_rename(
        signatory=hric, name="Human Rights in China (HRIC)", user=curator, **WHY
    )
    reload()
    hric.refresh_from_db()
    assert hric.name == "Human Rights in China (HRIC)"
    assert hric.imported_name == "Human Rights in China"


def test_kind_country_and_language_survive_reimport(curator, reload):
    jua = signatory("ribenuiguruxiehui")
    services.signatory_set_details(
        signatory=jua, kind="individual", country="JP", name_language="ja", user=curator, **WHY
    )
    reload()
    jua.refresh_from_db()
    assert (jua.kind, jua.imported_kind) == ("individual", "organisation")
    assert (jua.country, jua.name_language) == ("JP", "ja")


def test_alias_survives_reimport(curator, reload):
    mhg = signatory("moskovskaya-khelsinkskaya-gruppa")
    services.alias_add(signatory=mhg, name="Moscow Helsinki Group", user=curator, **WHY)
    reload()
    assert list(mhg.aliases.values_list("name", flat=True)) == ["Moscow Helsinki Group"]


def test_notes_survive_reimport(curator, reload):
    hric = signatory("hric")
    services.signatory_set_note(
        signatory=hric, note="Listed twice by every copy.", user=curator, **WHY
    )
    pdf = SourceVersion.objects.get(slug="pdf-text")
    services.source_set_note(source=pdf, note="Number 274 is missing.", user=curator, **WHY)
    reload()
    assert signatory("hric").public_note == "Listed twice by every copy."
    assert SourceNote.objects.get(source_slug="pdf-text").text == "Number 274 is missing."


def test_merge_survives_reimport(curator, reload):
    survivor, merged = signatory("human-rights-in-china"), signatory("hric")
    services.signatory_merge(survivor=survivor, merged=merged, user=curator, **WHY)
    total = Signatory.objects.count()
    reload()
    survivor.refresh_from_db()
    assert not Signatory.objects.filter(slug="hric").exists()
    assert SignatoryRedirect.objects.get(old_slug="hric").signatory == survivor
    texts = sorted(survivor.entries.values_list("source__slug", "text"))
    # Two entries in each list: four lists, and the mirror's two when it is added.
    assert len(texts) == (10 if reload.kind == "new-source" else 8)
    assert {t for _, t in texts} == {"HRIC", "Human Rights in China"}
    assert survivor.name == "Human Rights in China"
    # The merge did not come undone as a new "HRIC" signatory.
    assert Signatory.objects.count() == total


def test_split_survives_reimport(curator, reload):
    hric = signatory("hric")
    moved = entry("minbyun-press-release", "HRIC")
    created = services.entry_split(
        entry=moved, name="HRIC (Korean press list)", user=curator, **WHY
    )
    reload()
    moved = entry("minbyun-press-release", "HRIC")
    assert moved.signatory == created
    assert signatory(created.slug).name == "HRIC (Korean press list)"
    assert hric.entries.filter(source__slug="minbyun-press-release").count() == 0


def test_match_override_survives_reimport(curator, reload):
    target = signatory("human-rights-in-china")
    moved = entry("minbyun-press-release", "HRIC")
    services.match_override(entry=moved, signatory=target, user=curator, **WHY)
    reload()
    moved = entry("minbyun-press-release", "HRIC")
    assert moved.signatory == target
    assert moved.override.signatory == target
    # The importer's evidence stays beside the pin: "HRIC" is printed so by the other copies.
    assert (moved.match_method, moved.match_score) == (MatchMethod.EXACT, 100.0)


def test_every_moved_entry_is_pinned_and_no_other(curator):
    merged = signatory("hric")
    services.signatory_merge(
        survivor=signatory("human-rights-in-china"), merged=merged, user=curator, **WHY
    )
    created = services.entry_split(
        entry=entry("pdf-text", "Japan Uyghur Association"), user=curator, **WHY
    )
    pinned = {
        (o.source_slug, o.text, o.signatory.slug)
        for o in MatchOverride.objects.select_related("signatory")
    }
    lists = ("cihrs-web", "pdf-text", "forum-asia-web", "minbyun-press-release")
    assert pinned == {("pdf-text", "Japan Uyghur Association", created.slug)} | {
        (source, "HRIC", "human-rights-in-china") for source in lists
    }
    assert set(ListEntry.objects.pinned().values_list("source__slug", "text")) == {
        (source, text) for source, text, _ in pinned
    }


def test_moving_a_signatorys_only_entry_is_refused(curator):
    lonely = entry("minbyun-press-release", "Amnestie Internationale Canada francophone")
    with pytest.raises(ValidationError, match="merge the two signatories"):
        services.match_override(
            entry=lonely, signatory=signatory("amnesty-international"), user=curator, **WHY
        )
    with pytest.raises(ValidationError):
        services.entry_split(entry=lonely, user=curator, **WHY)
    assert entry("minbyun-press-release", lonely.text).signatory == lonely.signatory


def test_operations_refuse_a_blank_reason_and_change_nothing(curator):
    hric = signatory("hric")
    with pytest.raises(ValidationError):
        services.signatory_rename(signatory=hric, name="X", reason="  ", user=curator)
    with pytest.raises(ValidationError):
        services.signatory_rename(
            signatory=hric, name="X", reason="ok", evidence_url="javascript:alert(1)", user=curator
        )
    assert signatory("hric").name == "HRIC"
    assert not Correction.objects.exists()


def test_each_operation_bumps_the_data_version_and_is_logged(curator):
    letter = Letter.objects.get()
    before = letter.data_version
    services.signatory_rename(signatory=signatory("hric"), name="HRIC.", user=curator, **WHY)
    services.alias_add(signatory=signatory("hric"), name="人權", user=curator, **WHY)
    letter.refresh_from_db()
    assert letter.data_version == before + 2
    assert list(Correction.objects.values_list("action", flat=True)) == ["alias-add", "rename"]


def test_merge_refreshes_the_search_documents_of_both_signatories(curator, monkeypatch):
    calls = []
    monkeypatch.setattr(
        log, "refresh_search_documents", lambda *, signatory_ids: calls.append(signatory_ids)
    )
    survivor, merged = signatory("human-rights-in-china"), signatory("hric")
    expected = [sorted([survivor.pk, merged.pk])]
    services.signatory_merge(survivor=survivor, merged=merged, user=curator, **WHY)
    assert calls == expected
