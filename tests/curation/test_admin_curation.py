"""The curation admin's tools: search as the public finds, shared aliases, a reason per kind of
change, addresses, undo from the log, readable diffs, history, artefacts, linked messages."""

from django.contrib.messages import get_messages
from django.urls import reverse

from curation.models import Correction, CorrectionAction
from signatories.models import Alias, Signatory, SignatoryRedirect
from tests.curation.admin_helpers import (
    REASON,
    change_url,
    every_reason,
    inline_script_or_style,
    post_change,
)
from tests.curation.helpers import entry, signatory

CHANGELIST = reverse("admin:signatories_signatory_changelist")
MHG = "moskovskaya-khelsinkskaya-gruppa"


def found(client, q: str) -> set[str]:
    return {s.slug for s in client.get(CHANGELIST, {"q": q}).context["cl"].result_list}


def test_admin_search_folds_case_and_scripts_as_the_public_search_does(curator_client):
    assert MHG in found(curator_client, "московская")
    assert MHG in found(curator_client, "moskovskaya")
    assert MHG not in found(curator_client, "moscow")
    post_change(curator_client, signatory(MHG), **{"aliases-0-name": "Moscow Helsinki Group"})
    assert MHG in found(curator_client, "moscow")


def test_the_autocomplete_searches_the_same_way(curator_client):
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {"term": "московская", "app_label": "signatories", "model_name": "listentry",
         "field_name": "signatory"},
    )  # fmt: skip
    assert [r["id"] for r in response.json()["results"]] == [str(signatory(MHG).pk)]


def test_an_alias_another_signatory_already_has_needs_the_curators_confirmation(curator_client):
    china = signatory("human-rights-in-china")
    response = post_change(curator_client, china, **{"aliases-0-name": "hric"})
    assert response.status_code == 200
    assert "is already a name of “HRIC”" in response.content.decode()
    assert not Alias.objects.exists()
    response = post_change(
        curator_client, china, allow_shared_aliases="on", **{"aliases-0-name": "hric"}
    )
    assert response.status_code == 302
    assert list(Alias.objects.values_list("name", flat=True)) == ["hric"]


def test_the_alias_admin_warns_too(curator_client):
    china = signatory("human-rights-in-china")
    add = reverse("admin:signatories_alias_add")
    data = {"signatory": china.pk, "name": "HRIC", "language": "en", "reason": REASON}
    response = curator_client.post(add, data)
    assert response.status_code == 200 and "merge them" in response.content.decode()
    assert curator_client.post(add, data | {"allow_shared": "on"}).status_code == 302
    assert Alias.objects.get().language == "en"


def test_each_kind_of_change_is_logged_with_its_own_reason(curator_client):
    mhg = signatory(MHG)
    response = post_change(
        curator_client,
        mhg,
        country="RU",
        reason_details="The group is based in Moscow.",
        reason_aliases="Its English name.",
        **{"aliases-0-name": "Moscow Helsinki Group", "aliases-0-language": "en"},
    )
    assert response.status_code == 302
    assert dict(Correction.objects.values_list("action", "reason")) == {
        CorrectionAction.DETAILS: "The group is based in Moscow.",
        CorrectionAction.ALIAS_ADD: "Its English name.",
    }
    assert Alias.objects.get().language == "en"


def test_a_change_without_its_own_reason_is_refused_even_with_another_kinds(curator_client):
    response = post_change(
        curator_client, signatory(MHG), country="RU", reason_details="", reason_name="Unrelated."
    )
    assert response.status_code == 200
    assert signatory(MHG).country == "" and not Correction.objects.exists()


def test_the_address_changes_and_the_old_one_redirects(curator_client, client):
    hric = signatory("hric")
    assert post_change(curator_client, hric, slug="hric-acronym").status_code == 302
    assert signatory("hric-acronym").pk == hric.pk
    assert SignatoryRedirect.objects.get().old_slug == "hric"
    assert client.get("/signatories/hric/").headers["Location"] == "/signatories/hric-acronym/"
    response = post_change(curator_client, signatory("hric-acronym"), slug="amnesty-international")
    assert "is the address of another signatory" in " ".join(
        str(m) for m in get_messages(response.wsgi_request)
    )


def test_a_correction_is_undone_from_the_admin_with_a_reason(curator_client, client):
    hric = signatory("hric")
    post_change(curator_client, hric, curated_name="HRIC (acronym)")
    correction = Correction.objects.get()
    page = curator_client.get(change_url(correction))
    html = page.content.decode()
    assert "<del>HRIC</del>" not in html  # a word kept is not marked...
    assert "<ins>(acronym)</ins>" in html  # ...one added is
    assert '"field"' not in html  # no raw JSON
    assert inline_script_or_style(html) == []
    undo_url = reverse("admin:curation_correction_undo", args=[correction.pk])
    assert undo_url in html
    confirm = curator_client.get(undo_url)
    assert confirm.status_code == 200 and inline_script_or_style(confirm.content.decode()) == []
    response = curator_client.post(undo_url, {"reason": "Not how they write it."})
    assert response.status_code == 302
    assert signatory("hric").name == "HRIC"
    undo = Correction.objects.get(action=CorrectionAction.UNDO)
    assert undo.reverses == correction and undo.reason == "Not how they write it."
    again = curator_client.get(undo_url).content.decode()
    assert "already been undone" in again


def test_an_undo_refused_says_why_on_its_page(curator_client):
    hric = signatory("hric")
    post_change(curator_client, hric, curated_name="HRIC (acronym)")
    first = Correction.objects.get()
    post_change(curator_client, signatory("hric"), curated_name="HRIC!")
    url = reverse("admin:curation_correction_undo", args=[first.pk])
    response = curator_client.post(url, {"reason": "Try."})
    assert response.status_code == 200
    assert "changed after it" in response.content.decode()
    assert signatory("hric").name == "HRIC!"


def test_the_signatorys_history_has_its_aliases_and_says_who_imported_it(curator_client):
    mhg = signatory(MHG)
    post_change(curator_client, mhg, **{"aliases-0-name": "Moscow Helsinki Group"})
    html = curator_client.get(reverse("admin:signatories_signatory_history", args=[mhg.pk]))
    html = html.content.decode()
    assert "alias: Moscow Helsinki Group" in html
    assert "Imported by load_letter" in html
    assert "None" not in html.split('id="change-history"')[1]


def test_a_split_from_the_entry_form_links_to_the_result(curator_client):
    item = entry("pdf-text", "Japan Uyghur Association")
    response = post_change(curator_client, item, operation="split", new_name="JUA (PDF)")
    created = Signatory.objects.get(name="JUA (PDF)")
    shown = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert created.get_absolute_url() in shown
    assert reverse("admin:signatories_signatory_change", args=[created.pk]) in shown


def test_the_artefact_filter_finds_stray_marks_doubled_letters_and_a_wrong_layout(
    curator_client,
):
    def listed(kind):
        response = curator_client.get(CHANGELIST, {"artefact": kind})
        return {s.name for s in response.context["cl"].result_list}

    assert "Southern Africa Human Rights. Defenderss Network- SAHRDN" in listed("doubled-letters")
    assert "Southern Africa Human Rights. Defenderss Network- SAHRDN" in listed("stray-punctuation")
    assert listed("wrong-layout") == {"Ghjtrn для трансгендерных людей и их близких T*Revers"}
    assert len(listed("any")) == 4


def test_the_merge_screen_refuses_a_pair_it_cannot_merge(curator_client):
    url = reverse("admin:signatories_signatory_merge")
    assert curator_client.get(url, {"a": "x", "b": "1"}).status_code == 302
    hric = signatory("hric")
    assert curator_client.get(url, {"a": hric.pk, "b": hric.pk}).status_code == 302


def test_reasons_sit_beside_save_on_the_signatory_form(curator_client):
    html = curator_client.get(change_url(signatory(MHG))).content.decode()
    reasons = html.index('class="module aligned signatory-reasons"')
    assert reasons < html.index('class="submit-row"', reasons)
    assert html.index('id="aliases-group"') < reasons
    for name in every_reason(""):
        assert f'name="{name}"' in html
