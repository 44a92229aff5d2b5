"""Who reaches the curation admin and what they see there: lists, filters, search, history."""

import pytest
from django.urls import reverse

from curation.models import Correction
from letters.models import SourceVersion
from signatories.models import Signatory
from tests.curation.admin_helpers import (
    REASON,
    change_url,
    inline_script_or_style,
    post_change,
    run_action,
)
from tests.curation.helpers import entry, make_user, signatory


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:signatories_signatory_changelist",
        "admin:signatories_listentry_changelist",
        "admin:signatories_alias_changelist",
        "admin:signatories_matchoverride_changelist",
        "admin:letters_sourceversion_changelist",
        "admin:letters_letter_changelist",
        "admin:curation_correction_changelist",
        "admin:curation_sourcenote_changelist",
        "admin:signatories_signatoryredirect_changelist",
    ],
)
def test_curators_see_every_list_without_inline_script_or_style(curator_client, url_name):
    response = curator_client.get(reverse(url_name))
    assert response.status_code == 200
    assert inline_script_or_style(response.content.decode()) == []


def test_change_forms_have_no_inline_script_or_style(curator_client):
    for obj in (signatory("hric"), entry("pdf-text", "HRIC")):
        response = curator_client.get(change_url(obj))
        assert inline_script_or_style(response.content.decode()) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("in_every_list=no", {"Amnesty International"}),
        ("source=minbyun-press-release&q=amnest", None),
        ("corrected=yes", {"Human Rights in China"}),
    ],
)
def test_signatory_list_filters(curator_client, query, expected):
    post_change(curator_client, signatory("human-rights-in-china"), country="US")
    response = curator_client.get(reverse("admin:signatories_signatory_changelist") + "?" + query)
    names = {s.name for s in response.context["cl"].result_list}
    if expected is None:
        assert "Amnesty International" not in names and len(names) == 2
    else:
        assert expected <= names
        if query == "corrected=yes":
            assert names == expected
    if query == "in_every_list=no":
        assert len(names) == 4


def test_signatory_autocomplete_finds_by_alias(curator_client):
    mhg = signatory("moskovskaya-khelsinkskaya-gruppa")
    post_change(curator_client, mhg, **{"aliases-0-name": "Moscow Helsinki Group"})
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Moscow Helsinki",
            "app_label": "signatories",
            "model_name": "listentry",
            "field_name": "signatory",
        },
    )
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(mhg.pk)]


# Who may do what ------------------------------------------------------------------------------


def test_staff_without_the_curators_group_are_refused(client, seeded):
    client.force_login(make_user("sam", curator=False))
    hric = signatory("hric")
    assert client.get(change_url(hric)).status_code == 403
    response = client.post(change_url(hric), {"curated_name": "Forged", "reason": "x"})
    assert response.status_code == 403
    page = run_action(
        client, Signatory, "merge_signatories", [hric, signatory("human-rights-in-china")]
    )
    assert page.status_code == 403
    assert signatory("hric").name == "HRIC" and not Correction.objects.exists()


def test_curators_who_are_not_staff_do_not_reach_the_admin(client, seeded):
    client.force_login(make_user("nina", staff=False))
    response = client.get(reverse("admin:signatories_signatory_changelist"))
    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitors_are_sent_to_the_login_page(client, seeded):
    response = client.get(change_url(signatory("hric")))
    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("admin:login"))


def test_curators_cannot_delete_or_add_imported_records(curator_client):
    hric = signatory("hric")
    assert curator_client.get(change_url(hric).replace("change", "delete")).status_code == 403
    item = entry("pdf-text", "HRIC")
    assert curator_client.get(change_url(item).replace("change", "delete")).status_code == 403
    assert curator_client.get(reverse("admin:signatories_listentry_add")).status_code == 403


def test_signatory_search_takes_alternatives_so_two_can_be_merged(curator_client):
    response = curator_client.get(
        reverse("admin:signatories_signatory_changelist"), {"q": 'HRIC | "Human Rights in China"'}
    )
    assert {s.slug for s in response.context["cl"].result_list} == {
        "hric",
        "human-rights-in-china",
    }


def test_history_shows_who_and_why_and_refuses_reverts(curator_client):
    hric = signatory("hric")
    post_change(curator_client, hric, curated_name="HRIC (acronym)")
    url = reverse("admin:signatories_signatory_history", args=[hric.pk])
    response = curator_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert REASON.replace("'", "&#x27;") in html and "carla" in html.lower()
    assert inline_script_or_style(html) == []
    version = hric.history.first()
    revert = reverse("admin:signatories_signatory_simple_history", args=[hric.pk, version.pk])
    assert curator_client.get(revert).status_code == 200
    response = curator_client.post(revert, {"curated_name": "", "reason": "revert"})
    assert response.status_code == 403
    assert signatory("hric").name == "HRIC (acronym)"


def test_source_note_partial_shows_the_note_only_when_there_is_one(curator_client):
    pdf = SourceVersion.objects.get(slug="pdf-text")
    assert "Curators’ note" not in curator_client.get(pdf.get_absolute_url()).content.decode()
    post_change(curator_client, pdf, note="Number 274 is missing.")
    page = curator_client.get(pdf.get_absolute_url()).content.decode()
    assert "Curators’ note" in page and "Number 274 is missing." in page
