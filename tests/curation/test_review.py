"""The review queue: doubtful matches after a load, grouped by signatory, decided with a reason."""

import pytest
from django.urls import reverse

from curation.models import Correction, CorrectionAction
from curation.review import review_count, review_queue
from letters.models import Letter
from signatories.models import ListEntry, MatchMethod
from tests.curation.admin_helpers import REASON, inline_script_or_style
from tests.curation.helpers import entry, signatory
from tests.factories import ListEntryFactory, SourceVersionFactory

ENAKSHI = "Enakshi Ganguly individually as an independent expert"
SAHRDN = "Southern Africa Human Rights. Defenders Network- SAHRDN"
SECTIONS = [
    "Amnestie Internationale Canada francophone",
    "российское представительство Amnesty International",
]
REVIEW = reverse("admin:signatories_listentry_review")


def doubtful_texts(threshold: float = 100.0) -> set[str]:
    return {d.entry.text for g in review_queue(Letter.objects.get(), threshold) for d in g.doubts}


def test_the_seeds_leave_two_fuzzy_matches_and_two_late_new_signatories_to_review(seeded):
    assert doubtful_texts() == {ENAKSHI, SAHRDN, *SECTIONS}
    assert review_count() == 4
    groups = review_queue(Letter.objects.get())
    assert len(groups) == 4
    why = {d.entry.text: d.why for g in groups for d in g.doubts}
    assert why[ENAKSHI] == "similar text, 97.2 (below 100)"
    assert why[SECTIONS[0]].startswith("a new signatory, first named by a copy other than")


def test_the_threshold_leaves_out_fuzzy_matches_scoring_at_or_above_it(seeded):
    assert doubtful_texts(98) == {ENAKSHI, *SECTIONS}
    assert doubtful_texts(0) == set(SECTIONS)


def test_matches_that_needed_order_or_whose_method_is_unknown_wait_too(db):
    first, second = SourceVersionFactory(), SourceVersionFactory()
    ListEntryFactory(source=first)
    by_order = ListEntryFactory(source=second, match_method=MatchMethod.FUZZY_ORDER, match_score=80)
    unknown = ListEntryFactory(source=second, match_method=MatchMethod.UNKNOWN, match_score=0)
    ListEntryFactory(source=second, match_method=MatchMethod.EXACT)
    ListEntryFactory(source=first, match_method=MatchMethod.NEW)  # the first list founds them
    assert set(ListEntry.objects.awaiting_review()) == {by_order, unknown}


def test_each_reading_is_shown_between_its_neighbours_in_every_copy(seeded):
    group = next(
        g for g in review_queue(Letter.objects.get()) if g.signatory.name.startswith("Ms. Enakshi")
    )
    assert [r.source.slug for r in group.readings] == [
        "cihrs-web", "pdf-text", "forum-asia-web", "minbyun-press-release",
    ]  # fmt: skip
    forum = next(r for r in group.readings if r.source.slug == "forum-asia-web")
    assert (forum.previous.ordinal, forum.entry.ordinal, forum.next.ordinal) == (169, 170, 171)


def test_candidates_come_from_similar_text_place_and_near_misses(seeded):
    doubts = {d.entry.text: d for g in review_queue(Letter.objects.get()) for d in g.doubts}
    amnesty = {c.signatory.name: c.how for c in doubts[SECTIONS[0]].candidates}
    assert "Amnesty International" in amnesty
    assert any(h.startswith("near miss") for h in amnesty["Amnesty International"])
    assert "same place in another list" in amnesty["Amnesty International"]
    russian = {c.signatory.name for c in doubts[SECTIONS[1]].candidates}
    assert "Amnesty International" in russian


def test_initials_are_a_candidate(seeded):
    hric = entry("pdf-text", "HRIC")
    ListEntry.objects.filter(pk=hric.pk).update(match_method=MatchMethod.UNKNOWN, match_score=0)
    doubts = {d.entry.pk: d for g in review_queue(Letter.objects.get()) for d in g.doubts}
    how = {c.signatory.name: c.how for c in doubts[hric.pk].candidates}
    assert "its initials" in how["Human Rights in China"]


def test_the_queue_page_decides_in_bulk_under_one_reason(curator_client):
    page = curator_client.get(REVIEW)
    assert page.status_code == 200
    html = page.content.decode()
    assert "4 doubtful matches" in html and inline_script_or_style(html) == []
    enakshi, sahrdn = entry("forum-asia-web", ENAKSHI), entry("minbyun-press-release", SAHRDN)
    response = curator_client.post(
        REVIEW,
        {
            f"decision-{enakshi.pk}": "confirm",
            f"decision-{sahrdn.pk}": "split",
            "reason": "Checked both against the organisations' own pages.",
        },
    )
    assert response.status_code == 302
    assert review_count() == 2
    enakshi.refresh_from_db()
    assert enakshi.override.kind == "confirmed" and enakshi.match_method == MatchMethod.FUZZY
    assert entry("minbyun-press-release", SAHRDN).signatory != sahrdn.signatory
    actions = list(Correction.objects.values_list("action", "reason"))
    assert sorted(a for a, _ in actions) == [CorrectionAction.CONFIRM, CorrectionAction.SPLIT]
    assert {r for _, r in actions} == {"Checked both against the organisations' own pages."}


def test_a_confirmation_shows_in_the_log_as_a_decision_not_before_equals_after(curator_client):
    enakshi = entry("forum-asia-web", ENAKSHI)
    curator_client.post(REVIEW, {f"decision-{enakshi.pk}": "confirm", "reason": REASON})
    (change,) = Correction.objects.get().changes
    assert change["old"] != change["new"]
    assert change["new"] == "similar text, 97.2, confirmed by a curator"


def test_decisions_need_a_reason_and_a_refused_move_is_reported(curator_client):
    section = entry("minbyun-press-release", SECTIONS[0])
    amnesty = signatory("amnesty-international")
    response = curator_client.post(REVIEW, {f"decision-{section.pk}": f"move-{amnesty.pk}"})
    assert (
        response.status_code == 200 and "the decisions need a reason" in response.content.decode()
    )
    response = curator_client.post(
        REVIEW, {f"decision-{section.pk}": f"move-{amnesty.pk}", "reason": REASON}, follow=True
    )
    assert "merge the two signatories" in response.content.decode()
    assert entry("minbyun-press-release", SECTIONS[0]).signatory == section.signatory


def test_confirm_every_match_shown_at_a_threshold(curator_client):
    curator_client.post(REVIEW + "?threshold=98", {"confirm_all": "1", "reason": REASON})
    assert doubtful_texts() == {SAHRDN}


@pytest.mark.parametrize("threshold", ["abc", "101", "-1"])
def test_a_bad_threshold_is_refused_and_the_default_used(curator_client, threshold):
    page = curator_client.get(REVIEW, {"threshold": threshold})
    assert page.status_code == 200
    assert page.context["threshold"] == 100.0
    assert page.context["threshold_form"].errors


def test_the_admin_index_shows_what_waits_for_review_and_recent_corrections(curator_client):
    enakshi = entry("forum-asia-web", ENAKSHI)
    curator_client.post(REVIEW, {f"decision-{enakshi.pk}": "confirm", "reason": REASON})
    html = curator_client.get(reverse("admin:index")).content.decode()
    assert "To review: 3 doubtful matches" in html
    assert reverse("admin:curation_correction_change", args=[Correction.objects.get().pk]) in html
    assert inline_script_or_style(html) == []
