"""Curators correct the record through the admin; the decisions survive re-import."""

from django.urls import reverse

from curation.models import Correction, CorrectionAction, SourceNote
from intake.importer import load_letters
from letters.models import SourceVersion
from signatories.models import Alias, MatchOverride, Signatory, SignatoryRedirect
from tests.curation.admin_helpers import (
    REASON,
    change_url,
    form_data,
    inline_script_or_style,
    merge_on_screen,
    post_change,
    run_action,
)
from tests.curation.helpers import entry, folder_with_extra_source, signatory


def test_curator_renames_and_sets_details_and_note_through_the_change_form(curator_client, curator):
    hric = signatory("human-rights-in-china")
    response = post_change(
        curator_client,
        hric,
        curated_name="Human Rights in China (HRIC)",
        curated_kind="organisation",
        country="US",
        name_language="en",
        public_note="Based in New York.",
        evidence_url="https://www.hrichina.org/en/about",
    )
    assert response.status_code == 302
    hric.refresh_from_db()
    assert hric.name == "Human Rights in China (HRIC)"
    assert (hric.country, hric.name_language, hric.public_note) == (
        "US",
        "en",
        "Based in New York.",
    )
    actions = set(Correction.objects.values_list("action", flat=True))
    assert actions == {"rename", "details", "signatory-note"}
    assert set(Correction.objects.values_list("evidence_url", flat=True)) == {
        "https://www.hrichina.org/en/about"
    }
    last = hric.history.first()
    assert (last.history_user, last.history_change_reason) == (curator, REASON)


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(curator_client):
    hric = signatory("hric")
    response = post_change(curator_client, hric, curated_name="Renamed", reason_name="")
    assert response.status_code == 200
    assert "this change needs a reason" in response.content.decode()
    assert signatory("hric").name == "HRIC"
    assert not Correction.objects.exists()


def test_aliases_are_added_and_removed_from_the_signatory_form(curator_client):
    mhg = signatory("moskovskaya-khelsinkskaya-gruppa")
    response = post_change(curator_client, mhg, **{"aliases-0-name": "Moscow Helsinki Group"})
    assert response.status_code == 302
    alias = Alias.objects.get(signatory=mhg)
    assert (alias.name, alias.reason) == ("Moscow Helsinki Group", REASON)

    page = curator_client.get(change_url(mhg))
    data = form_data(page) | {
        "reason_aliases": "Duplicate of the search index.",
        "aliases-0-DELETE": "on",
    }
    assert curator_client.post(change_url(mhg), data).status_code == 302
    assert not Alias.objects.exists()
    assert list(Correction.objects.values_list("action", flat=True)) == [
        "alias-remove",
        "alias-add",
    ]


def test_aliases_are_added_from_the_alias_admin_and_removed_with_a_reason(curator_client):
    mhg = signatory("moskovskaya-khelsinkskaya-gruppa")
    add = reverse("admin:signatories_alias_add")
    response = curator_client.post(
        add, {"signatory": mhg.pk, "name": "MHG", "reason": REASON, "evidence_url": ""}
    )
    assert response.status_code == 302
    alias = Alias.objects.get(name="MHG")

    page = run_action(curator_client, Alias, "remove_aliases", [alias])
    assert page.status_code == 200
    assert "Remove aliases" in page.content.decode()
    assert Alias.objects.exists()
    run_action(curator_client, Alias, "remove_aliases", [alias], reason="Not used by the group.")
    assert not Alias.objects.exists()
    assert Correction.objects.first().reason == "Not used by the group."


def test_merge_screen_shows_both_then_merges_with_the_name_chosen(curator_client):
    survivor, merged = signatory("human-rights-in-china"), signatory("hric")
    response = run_action(curator_client, Signatory, "merge_signatories", [merged, survivor])
    assert response.status_code == 302
    page = curator_client.get(response.headers["Location"])
    html = page.content.decode()
    assert "Merge two signatories" in html and "Human Rights in China" in html
    assert "Both are printed by the same 4 copies" in html
    assert page.context["form"].initial["survivor"] == survivor.pk  # the suggestion
    assert "Content-Security-Policy" in page.headers
    assert inline_script_or_style(html) == []
    assert Signatory.objects.filter(slug="hric").exists()

    response = merge_on_screen(curator_client, survivor, merged, name="HRIC")
    assert response.status_code == 302
    assert not Signatory.objects.filter(slug="hric").exists()
    survivor.refresh_from_db()
    assert survivor.entries.count() == 8 and survivor.name == "HRIC"
    merge = Correction.objects.get(action=CorrectionAction.MERGE)
    assert "display name “HRIC”, chosen by the curator" in merge.summary
    assert {"field": "display name", "old": "Human Rights in China", "new": "HRIC"} in (
        merge.changes
    )
    assert curator_client.get("/signatories/hric/").headers["Location"] == (
        "/signatories/human-rights-in-china/"
    )


def test_a_merge_keeps_the_survivors_name_and_evidence_unless_told(curator_client):
    survivor, merged = signatory("human-rights-in-china"), signatory("hric")
    own = dict(survivor.entries.values_list("pk", "match_method"))
    moved = dict(merged.entries.values_list("pk", "match_method"))
    merge_on_screen(curator_client, survivor, merged)
    survivor.refresh_from_db()
    assert survivor.name == "Human Rights in China"
    entries = survivor.entries.all()
    assert {e.pk: e.match_method for e in entries} == own | moved  # evidence untouched
    assert {e.pk for e in entries if e.override_id} == set(moved)  # only moved ones pinned


def test_merge_needs_exactly_two_signatories(curator_client):
    three = list(Signatory.objects.all()[:3])
    response = run_action(curator_client, Signatory, "merge_signatories", three)
    assert response.status_code == 302
    assert Signatory.objects.filter(pk__in=[s.pk for s in three]).count() == 3


def test_split_and_override_from_the_entry_form(curator_client):
    split = entry("pdf-text", "Japan Uyghur Association")
    response = post_change(curator_client, split, operation="split", new_name="JUA (PDF)")
    assert response.status_code == 302
    created = entry("pdf-text", "Japan Uyghur Association").signatory
    assert created.name == "JUA (PDF)" and created.entries.count() == 1

    moved = entry("minbyun-press-release", "HRIC")
    target = signatory("human-rights-in-china")
    response = post_change(curator_client, moved, operation="override", signatory=target.pk)
    assert response.status_code == 302
    assert entry("minbyun-press-release", "HRIC").signatory == target
    assert MatchOverride.objects.count() == 2


def test_moving_the_only_entry_shows_an_error_on_the_form(curator_client):
    lonely = entry("minbyun-press-release", "Amnestie Internationale Canada francophone")
    target = signatory("amnesty-international")
    response = post_change(curator_client, lonely, operation="override", signatory=target.pk)
    assert response.status_code == 200
    assert "merge the two signatories" in response.content.decode()
    assert entry("minbyun-press-release", lonely.text).signatory == lonely.signatory


def test_decisions_made_in_the_admin_survive_reimport_with_a_new_source(
    curator_client, seed_folder, tmp_path
):
    hric, survivor = signatory("hric"), signatory("human-rights-in-china")
    post_change(curator_client, signatory("ribenuiguruxiehui"), country="JP", curated_name="JUA")
    post_change(
        curator_client,
        signatory("moskovskaya-khelsinkskaya-gruppa"),
        **{"aliases-0-name": "Moscow Helsinki Group"},
    )
    merge_on_screen(curator_client, survivor, hric)
    post_change(curator_client, entry("pdf-text", "Japan Uyghur Association"), operation="split")
    split_to = entry("pdf-text", "Japan Uyghur Association").signatory
    jua_ja = signatory("ribenuiguruxiehui")
    post_change(
        curator_client,
        entry("minbyun-press-release", "Japan Uyghur Association"),
        operation="override",
        signatory=jua_ja.pk,
    )
    post_change(curator_client, signatory("amnesty-international"), public_note="Not in MINBYUN.")
    pdf = SourceVersion.objects.get(slug="pdf-text")
    post_change(curator_client, pdf, note="Number 274 is missing.")
    assert Correction.objects.count() == 8

    load_letters([folder_with_extra_source(seed_folder, tmp_path)])

    assert signatory("ribenuiguruxiehui").name == "JUA"
    assert signatory("ribenuiguruxiehui").country == "JP"
    assert Alias.objects.get().name == "Moscow Helsinki Group"
    assert SignatoryRedirect.objects.get().old_slug == "hric"
    assert survivor.entries.count() == 10
    assert entry("pdf-text", "Japan Uyghur Association").signatory == split_to
    assert entry("minbyun-press-release", "Japan Uyghur Association").signatory == jua_ja
    assert signatory("amnesty-international").public_note == "Not in MINBYUN."
    assert SourceNote.objects.get().source_slug == "pdf-text"
    assert Correction.objects.count() == 8


def test_source_notes_are_written_from_the_sources_page(curator_client):
    pdf = SourceVersion.objects.get(slug="pdf-text")
    response = post_change(curator_client, pdf, note="Number 274 is missing.", reason="")
    assert response.status_code == 200  # a change of the note needs a reason
    assert not SourceNote.objects.exists()
    response = post_change(curator_client, pdf, note="Number 274 is missing.")
    assert response.status_code == 302
    note = SourceNote.objects.get()
    assert note.text == "Number 274 is missing."
    pdf.refresh_from_db()
    assert pdf.notes != note.text  # the importer's field is left alone
    page = curator_client.get(change_url(pdf))
    assert page.context["adminform"].form.initial["note"] == "Number 274 is missing."
    response = post_change(curator_client, pdf, note="Number 274, an Arabic name, is missing.")
    assert response.status_code == 302
    assert SourceNote.objects.get().text == "Number 274, an Arabic name, is missing."
    assert Correction.objects.filter(action=CorrectionAction.SOURCE_NOTE).count() == 2


def test_match_overrides_are_withdrawn_with_a_reason(curator_client):
    moved = entry("minbyun-press-release", "HRIC")
    post_change(
        curator_client,
        moved,
        operation="override",
        signatory=signatory("human-rights-in-china").pk,
    )
    override = MatchOverride.objects.get()
    run_action(curator_client, MatchOverride, "remove_overrides", [override], reason="Mistake.")
    assert not MatchOverride.objects.exists()
    assert Correction.objects.first().action == CorrectionAction.OVERRIDE_REMOVE


def test_imported_content_is_read_only_in_the_admin(curator_client):
    source = SourceVersion.objects.get(slug="pdf-text")
    page = curator_client.get(change_url(source))
    assert page.status_code == 200
    assert set(page.context["adminform"].form.fields) == {"note", "reason", "evidence_url"}
    before = (source.sha256, source.title)
    curator_client.post(
        change_url(source), {"sha256": "0" * 64, "title": "changed", "reason": REASON}
    )
    source.refresh_from_db()
    assert (source.sha256, source.title) == before

    hric = signatory("hric")
    post_change(curator_client, hric, imported_name="Forged", curated_name="HRIC (curated)")
    hric.refresh_from_db()
    assert (hric.imported_name, hric.name) == ("HRIC", "HRIC (curated)")

    item = entry("pdf-text", "HRIC")
    post_change(curator_client, item, text="Forged", operation="override", signatory=hric.pk)
    assert entry("pdf-text", "HRIC").text == "HRIC"
    assert curator_client.get(reverse("admin:signatories_signatory_add")).status_code == 403
