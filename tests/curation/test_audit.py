"""The audit trail: history rows only on real change, with who and why; the Curators group."""

from django.contrib.auth.models import Group

from curation import services
from curation.models import HistoricalSourceNote
from intake.importer import load_letters
from signatories.models import Alias, ListEntry, MatchOverride, Signatory
from tests.curation.helpers import make_user, signatory

TRACKED = [Signatory, ListEntry, MatchOverride, Alias]


def history_counts() -> dict[str, int]:
    counts = {model.__name__: model.history.count() for model in TRACKED}
    counts["SourceNote"] = HistoricalSourceNote.objects.count()
    return counts


def test_a_second_load_writes_no_history(seeded, seed_folder):
    first = history_counts()
    assert first["Signatory"] == 283  # one "created" row each
    load_letters([seed_folder])
    assert history_counts() == first


def test_a_load_after_curation_writes_no_history_for_unchanged_records(seeded, seed_folder):
    curator = make_user("carla")
    services.signatory_rename(
        signatory=signatory("hric"), name="HRIC (acronym)", reason="Clearer.", user=curator
    )
    services.match_override(
        entry=ListEntry.objects.get(source__slug="pdf-text", text="HRIC"),
        signatory=signatory("hric"),
        reason="Confirmed.",
        user=curator,
    )
    services.signatory_merge(
        survivor=signatory("human-rights-in-china"),
        merged=signatory("hric"),
        reason="Same organisation.",
        user=curator,
    )
    services.entry_split(
        entry=ListEntry.objects.get(source__slug="pdf-text", text="Japan Uyghur Association"),
        reason="Checked.",
        user=curator,
    )
    after_curation = history_counts()
    (report,) = load_letters([seed_folder])
    assert not report.changed
    assert history_counts() == after_curation


def test_history_records_who_changed_what_and_why(seeded):
    curator = make_user("carla")
    hric = signatory("hric")
    services.signatory_rename(
        signatory=hric, name="HRIC (acronym)", reason="Clearer.", user=curator
    )
    latest, previous = hric.history.all()[:2]
    assert latest.history_user == curator
    assert latest.history_change_reason == "Clearer."
    delta = latest.diff_against(previous)
    assert {c.field: (c.old, c.new) for c in delta.changes} == {
        "curated_name": ("", "HRIC (acronym)"),
        "name": ("HRIC", "HRIC (acronym)"),
    }


def test_the_curators_group_has_exactly_the_permissions_it_needs(db):
    codenames = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="Curators").permissions.select_related("content_type")
    }
    assert codenames == {
        "letters.view_letter",
        "letters.view_sourceversion",
        "signatories.view_signatory",
        "signatories.change_signatory",
        "signatories.view_listentry",
        "signatories.change_listentry",
        "signatories.view_matchoverride",
        "signatories.delete_matchoverride",
        "signatories.view_alias",
        "signatories.add_alias",
        "signatories.delete_alias",
        "curation.view_correction",
        "curation.undo_correction",
        "signatories.view_signatoryredirect",
        "curation.view_sourcenote",
        "curation.add_sourcenote",
        "curation.change_sourcenote",
        "curation.delete_sourcenote",
    }
