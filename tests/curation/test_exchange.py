"""export_curation / import_curation: the round trip restores the same curated state."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from curation import services
from curation.models import Correction, SourceNote
from intake.importer import load_letters
from letters.models import Letter, SourceVersion
from signatories.models import Alias, ListEntry, MatchOverride, Signatory, SignatoryRedirect
from tests.curation.helpers import entry, make_user, signatory

WHY = {"reason": "Checked with the organisation.", "evidence_url": "https://example.org/x"}


@pytest.fixture
def curated(seeded):
    curator = make_user("carla")
    services.signatory_rename(
        signatory=signatory("ribenuiguruxiehui"),
        name="Japan Uyghur Association",
        user=curator,
        **WHY,
    )
    services.signatory_set_details(
        signatory=signatory("ribenuiguruxiehui"),
        kind="organisation",
        country="JP",
        name_language="ja",
        user=curator,
        **WHY,
    )
    services.alias_add(
        signatory=signatory("moskovskaya-khelsinkskaya-gruppa"),
        name="Moscow Helsinki Group",
        language="en",
        user=curator,
        **WHY,
    )
    services.match_override(
        entry=entry("forum-asia-web", "Enakshi Ganguly individually as an independent expert"),
        signatory=signatory("ms-enakshi-ganguly-individually-as-an-independent-expert"),
        user=curator,
        **WHY,
    )
    renamed = services.signatory_rename(
        signatory=signatory("hric"), name="HRIC (acronym)", user=curator, **WHY
    )
    services.correction_undo(correction=renamed, user=curator, **WHY)
    services.signatory_merge(
        survivor=signatory("human-rights-in-china"), merged=signatory("hric"), user=curator, **WHY
    )
    services.entry_split(entry=entry("pdf-text", "Japan Uyghur Association"), user=curator, **WHY)
    services.signatory_set_note(
        signatory=signatory("amnesty-international"),
        note="Not in MINBYUN's list.",
        user=curator,
        **WHY,
    )
    services.source_set_note(
        source=SourceVersion.objects.get(slug="pdf-text"), note="No 274.", user=curator, **WHY
    )
    return curator


def state() -> dict:
    """Everything curation decides, by stable keys."""
    return {
        "signatories": sorted(
            Signatory.objects.values_list(
                "slug", "name", "kind", "country", "name_language", "public_note"
            )
        ),
        "entries": sorted(
            ListEntry.objects.values_list(
                "source__slug",
                "ordinal",
                "signatory__slug",
                "match_method",
                "match_score",
                "override__kind",
            ),
            key=str,
        ),  # fmt: skip
        "aliases": sorted(
            Alias.objects.values_list("signatory__slug", "name", "language", "reason")
        ),
        "overrides": sorted(
            MatchOverride.objects.values_list(
                "source_slug", "ordinal", "text", "signatory__slug", "kind", "reason"
            )
        ),
        "redirects": sorted(SignatoryRedirect.objects.values_list("old_slug", "signatory__slug")),
        "notes": sorted(SourceNote.objects.values_list("source_slug", "text")),
        "corrections": sorted(
            (
                str(c.key),
                c.created_at,
                c.action,
                c.summary,
                c.reason,
                c.evidence_url,
                c.curator_name,
                tuple(sorted(s.slug for s in c.signatories.all())),
                str(c.reverses.key) if c.reverses else None,
            )
            for c in Correction.objects.select_related("reverses").prefetch_related("signatories")
        ),  # fmt: skip
    }


def wipe_curation() -> None:
    for model in (Correction, SignatoryRedirect, SourceNote, Alias, MatchOverride):
        model.objects.all().delete()
    Signatory.objects.update(
        curated_name="", curated_kind="", country="", name_language="", public_note="",
        name=F("imported_name"), kind=F("imported_kind"),
    )  # fmt: skip


def test_export_wipe_import_gives_the_same_state(curated, tmp_path):
    path = tmp_path / "curation.json"
    call_command("export_curation", str(path), verbosity=0)
    before = state()
    wipe_curation()
    assert state() != before
    call_command("import_curation", str(path), verbosity=0)
    assert state() == before


def test_import_restores_merges_and_splits_in_a_freshly_loaded_database(
    curated, tmp_path, seed_folder, client
):
    path = tmp_path / "curation.json"
    call_command("export_curation", str(path), verbosity=0)
    before = state()
    ListEntry.objects.all().delete()
    Letter.objects.all().delete()
    load_letters([seed_folder])
    assert Signatory.objects.filter(slug="hric").exists()

    call_command("import_curation", str(path), verbosity=0)

    assert state() == before
    assert client.get("/signatories/hric/").status_code == 301


def test_importing_twice_changes_nothing_and_writes_no_history(curated, tmp_path):
    path = tmp_path / "curation.json"
    call_command("export_curation", str(path), verbosity=0)
    call_command("import_curation", str(path), verbosity=0)
    before = state()
    rows = sum(m.history.count() for m in (Signatory, ListEntry, MatchOverride, Alias))
    call_command("import_curation", str(path), verbosity=0)
    assert state() == before
    assert sum(m.history.count() for m in (Signatory, ListEntry, MatchOverride, Alias)) == rows


def test_the_export_is_stable_and_keyed_on_slugs(curated, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    call_command("export_curation", str(first), verbosity=0)
    call_command("export_curation", str(second), verbosity=0)
    assert first.read_bytes() == second.read_bytes()
    letter = json.loads(first.read_text())["letters"][0]
    assert letter["redirects"] == [{"old_slug": "hric", "signatory": "human-rights-in-china"}]
    assert {"source": "pdf-text", "text": "No 274."} in letter["source_notes"]
    assert all("id" not in override for override in letter["overrides"])


def test_dry_run_changes_nothing(curated, tmp_path):
    path = tmp_path / "curation.json"
    call_command("export_curation", str(path), verbosity=0)
    wipe_curation()
    wiped = state()
    call_command("import_curation", str(path), "--dry-run", verbosity=0)
    assert state() == wiped


def test_a_file_for_a_letter_not_loaded_is_refused(db, tmp_path):
    path = tmp_path / "curation.json"
    path.write_text(
        json.dumps(
            {
                "format": "open-letter-archive/curation",
                "version": 1,
                "letters": [
                    {
                        "slug": "nope",
                        "signatories": [],
                        "overrides": [],
                        "redirects": [],
                        "source_notes": [],
                        "corrections": [],
                    }
                ],
            }
        )
    )
    with pytest.raises(CommandError, match="run load_letter first"):
        call_command("import_curation", str(path), verbosity=0)


def test_a_version_1_file_still_imports(seeded, tmp_path):
    """Version 1 had no alias languages, override kinds or undo links."""
    path = tmp_path / "curation.json"
    path.write_text(
        json.dumps(
            {
                "format": "open-letter-archive/curation",
                "version": 1,
                "letters": [
                    {
                        "slug": "global-call-china-2020",
                        "signatories": [
                            {
                                "slug": "moskovskaya-khelsinkskaya-gruppa",
                                "curated_name": "", "curated_kind": "", "country": "",
                                "name_language": "", "public_note": "",
                                "aliases": [{"name": "MHG", "reason": "Acronym."}],
                            }
                        ],
                        "overrides": [
                            {"source": "minbyun-press-release", "ordinal": 1, "text": "nope",
                             "signatory": "moskovskaya-khelsinkskaya-gruppa", "reason": "Old."}
                        ],
                        "redirects": [],
                        "source_notes": [{"source": "gone-source", "text": "Kept dormant."}],
                        "corrections": [],
                    }
                ],
            }
        )
    )  # fmt: skip
    call_command("import_curation", str(path), verbosity=0)
    assert list(Alias.objects.values_list("name", "language")) == [("MHG", "")]
    override = MatchOverride.objects.get()
    assert (override.source_slug, override.kind) == ("minbyun-press-release", "placed")
    assert not ListEntry.objects.pinned().exists()  # its text is not printed there: it waits
    # A note about a source that is not loaded is kept until the source is.
    assert SourceNote.objects.get().source_slug == "gone-source"
