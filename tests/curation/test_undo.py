"""Undo: after `correction_undo` the data is exactly as before the decision, for every action.

Each case snapshots every row of the tables curation touches (signatories, entries with their
methods, scores and pins, overrides, aliases, redirects, source notes, the log's links), makes
one decision, undoes it, and compares: equal, primary keys and timestamps included. The search
documents are compared too, since an undo must make the same names findable again.
"""

import pytest
from django.core.exceptions import ValidationError

from curation import services
from curation.models import Correction
from letters.models import Letter, SourceVersion
from signatories.models import Alias, MatchOverride, Signatory, SignatoryRedirect
from tests.curation.helpers import entry, last_correction, make_user, signatory, snapshot

WHY = {"reason": "Checked against the organisation's website.", "evidence_url": ""}
UNDO = {"reason": "That decision was a mistake.", "evidence_url": ""}


@pytest.fixture
def curator(seeded):
    curator = make_user("carla")
    # Some earlier curation, so that undoing one decision must leave the others alone.
    services.alias_add(signatory=signatory("hric"), name="人權", language="zh", user=curator, **WHY)
    services.source_set_note(
        source=SourceVersion.objects.get(slug="pdf-text"), note="No 274.", user=curator, **WHY
    )
    return curator


def rename(user):
    return services.signatory_rename(signatory=signatory("hric"), name="HRIC.", user=user, **WHY)


def details(user):
    return services.signatory_set_details(
        signatory=signatory("hric"), kind="individual", country="US", name_language="en",
        user=user, **WHY,
    )  # fmt: skip


def signatory_note(user):
    return services.signatory_set_note(
        signatory=signatory("hric"), note="Listed twice.", user=user, **WHY
    )


def alias_add(user):
    services.alias_add(
        signatory=signatory("moskovskaya-khelsinkskaya-gruppa"), name="Moscow Helsinki Group",
        language="en", user=user, **WHY,
    )  # fmt: skip
    return Correction.objects.first()


def alias_remove(user):
    return services.alias_remove(alias=Alias.objects.get(name="人權"), user=user, **WHY)


def merge(user):
    return services.signatory_merge(
        survivor=signatory("human-rights-in-china"), merged=signatory("hric"), name="HRIC",
        user=user, **WHY,
    )  # fmt: skip


def split(user):
    services.entry_split(entry=entry("minbyun-press-release", "HRIC"), user=user, **WHY)
    return Correction.objects.first()


def move(user):
    services.match_override(
        entry=entry("minbyun-press-release", "HRIC"),
        signatory=signatory("human-rights-in-china"),
        user=user,
        **WHY,
    )
    return Correction.objects.first()


def confirm(user):
    fuzzy = entry("forum-asia-web", "Enakshi Ganguly individually as an independent expert")
    services.match_override(entry=fuzzy, signatory=fuzzy.signatory, user=user, **WHY)
    return Correction.objects.first()


def override_remove(user):
    """Withdraws the override `move` made (the test makes it first)."""
    return services.match_override_remove(override=MatchOverride.objects.get(), user=user, **WHY)


def source_note(user):
    return services.source_set_note(
        source=SourceVersion.objects.get(slug="pdf-text"), note="", user=user, **WHY
    )


def slug(user):
    return services.signatory_change_slug(
        signatory=signatory("hric"), slug="hric-acronym", user=user, **WHY
    )


DECISIONS = [
    rename, details, signatory_note, alias_add, alias_remove, merge, split, move, confirm,
    override_remove, source_note, slug,
]  # fmt: skip


@pytest.mark.parametrize("decide", DECISIONS, ids=[d.__name__ for d in DECISIONS])
def test_undo_puts_back_exactly_the_data_before_the_decision(curator, decide):
    if decide is override_remove:
        move(curator)  # the override to withdraw is the decision's starting point
    before = snapshot(last_correction())
    correction = decide(curator)
    assert snapshot(before_correction=correction.pk - 1) != before  # the decision did something
    undo = services.correction_undo(correction=correction, user=curator, **UNDO)
    assert snapshot(before_correction=correction.pk - 1) == before
    assert (undo.action, undo.reverses, undo.reason) == ("undo", correction, UNDO["reason"])


@pytest.mark.parametrize("decide", [merge, split, slug], ids=["merge", "split", "slug"])
def test_an_undo_can_itself_be_undone(curator, decide):
    correction = decide(curator)
    after = snapshot(correction.pk - 1)
    undo = services.correction_undo(correction=correction, user=curator, **UNDO)
    services.correction_undo(correction=undo, user=curator, **UNDO)
    assert snapshot(correction.pk - 1) == after


def test_unmerge_restores_the_slug_and_removes_the_redirect(curator, client):
    correction = merge(curator)
    assert client.get("/signatories/hric/").status_code == 301
    services.correction_undo(correction=correction, user=curator, **UNDO)
    assert client.get("/signatories/hric/").status_code == 200
    assert not SignatoryRedirect.objects.exists()
    assert signatory("hric").entries.count() == 4


def test_undoing_a_split_leaves_no_redirect_for_the_short_lived_slug(curator, client):
    correction = split(curator)
    created = entry("minbyun-press-release", "HRIC").signatory
    services.correction_undo(correction=correction, user=curator, **UNDO)
    assert not Signatory.objects.filter(pk=created.pk).exists()
    assert client.get(f"/signatories/{created.slug}/").status_code == 404


def test_an_undo_is_refused_when_a_later_correction_changed_the_same_rows(curator):
    renamed = rename(curator)
    services.signatory_rename(signatory=signatory("hric"), name="HRIC!", user=curator, **WHY)
    before = snapshot(last_correction())
    with pytest.raises(ValidationError, match="changed after it"):
        services.correction_undo(correction=renamed, user=curator, **UNDO)
    assert snapshot(last_correction()) == before


def test_a_correction_is_undone_once_and_an_undo_needs_a_reason(curator):
    renamed = rename(curator)
    with pytest.raises(ValidationError):
        services.correction_undo(correction=renamed, reason=" ", user=curator)
    services.correction_undo(correction=renamed, user=curator, **UNDO)
    with pytest.raises(ValidationError, match="already been undone"):
        services.correction_undo(correction=renamed, user=curator, **UNDO)


def test_the_public_log_shows_the_undo_with_its_reason_and_link(curator, client):
    renamed = rename(curator)
    services.correction_undo(correction=renamed, user=curator, **UNDO)
    data = client.get("/corrections.json").json()["results"][0]
    assert data["action"] == "undo" and data["reason"] == UNDO["reason"]
    assert data["changes"] == [{"field": "name", "old": "HRIC.", "new": "HRIC"}]
    assert Letter.objects.get().data_version > 0
