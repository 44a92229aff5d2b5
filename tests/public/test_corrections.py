"""What the public sees of curation: the corrections log, its JSON, a signatory's corrections,
and permanent redirects from merged signatories' old URLs."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from curation import services
from tests.curation.helpers import make_user, signatory

WHY = {"reason": "HRIC is the acronym of Human Rights in China.", "evidence_url": ""}


@pytest.fixture
def curated(seeded):
    curator = make_user("carla")
    curator.email = "carla@example.org"
    curator.save()
    services.signatory_rename(
        signatory=signatory("ribenuiguruxiehui"),
        name="Japan Uyghur Association (日本ウイグル協会)",
        reason="The organisation's own bilingual name.",
        evidence_url="https://uyghur-j.org/",
        user=curator,
    )
    services.signatory_merge(
        survivor=signatory("human-rights-in-china"), merged=signatory("hric"), user=curator, **WHY
    )
    return curator


def test_corrections_page_lists_every_correction_newest_first(client, curated):
    response = client.get("/corrections/")
    assert response.status_code == 200
    html = response.content.decode()
    merge, rename = html.index("merged into"), html.index("Renamed")
    assert merge < rename
    assert "HRIC is the acronym of Human Rights in China." in html
    assert "The organisation&#x27;s own bilingual name." in html
    assert 'href="https://uyghur-j.org/"' in html
    assert "by Carla" in html
    assert "carla@example.org" not in html and ">carla<" not in html


def test_corrections_json_has_what_changed_and_no_staff_data(client, curated):
    response = client.get("/corrections.json")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    merge, rename = data["results"]
    assert merge["action"] == "merge" and rename["action"] == "rename"
    assert rename["changes"] == [
        {
            "field": "name",
            "old": "日本ウイグル協会",
            "new": "Japan Uyghur Association (日本ウイグル協会)",
        }
    ]
    assert rename["evidence_url"] == "https://uyghur-j.org/"
    assert merge["signatories"][0]["slug"] == "human-rights-in-china"
    assert set(merge) == {
        "type", "id", "date", "action", "action_label", "summary", "changes", "reason", "evidence_url",
        "curator", "signatories", "source",
    }  # fmt: skip
    assert merge["curator"] == "Carla"
    assert "carla@example.org" not in response.content.decode()


def test_corrections_list_does_not_query_per_row(client, curated):
    with CaptureQueriesContext(connection) as few:
        client.get("/corrections/")
    curator = curated
    for n in range(5):
        services.signatory_set_note(
            signatory=signatory("human-rights-in-china"), note=f"Note {n}", user=curator, **WHY
        )
    with CaptureQueriesContext(connection) as more:
        response = client.get("/corrections/")
    assert response.content.decode().count('class="card correction"') == 7
    assert len(more) == len(few)


def test_a_signatorys_page_shows_its_corrections(client, curated):
    response = client.get("/signatories/human-rights-in-china/")
    html = response.content.decode()
    assert "Curators’ corrections" in html
    assert "“HRIC” merged into “Human Rights in China”" in html


def test_the_corrections_partial_shows_the_corrections_it_is_given_without_a_query(curated):
    corrections = list(signatory("human-rights-in-china").corrections.all())
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(
            "curation/_signatory_corrections.html", {"corrections": corrections}
        )
    assert len(queries) == 0
    assert "merged into" in html
    assert (
        render_to_string("curation/_signatory_corrections.html", {"corrections": []}).strip() == ""
    )


@pytest.mark.django_db
def test_a_signatory_page_reads_its_corrections_only_when_it_has_some(client, curated):
    def page(slug):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/signatories/{slug}/")
        assert response.status_code == 200
        return response.content.decode(), len(queries)

    corrected, corrected_queries = page("human-rights-in-china")
    uncorrected, uncorrected_queries = page("amnesty-international")
    assert "Curators’ corrections" in corrected and "merged into" in corrected
    assert "Curators’ corrections" not in uncorrected
    assert uncorrected_queries < corrected_queries


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/signatories/hric/", "/signatories/human-rights-in-china/"),
        ("/api/signatories/hric", "/api/signatories/human-rights-in-china"),
        ("/api/signatories/hric?fields=name", "/api/signatories/human-rights-in-china?fields=name"),
    ],
)
def test_merged_signatorys_old_urls_redirect_permanently(client, curated, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response.headers["Location"] == new
    assert client.get(new).status_code == 200


def test_a_chain_of_merges_redirects_straight_to_the_last_survivor(client, curated):
    services.signatory_merge(
        survivor=signatory("ribenuiguruxiehui"),
        merged=signatory("human-rights-in-china"),
        user=curated,
        **WHY,
    )
    for old in ("hric", "human-rights-in-china"):
        response = client.get(f"/signatories/{old}/")
        assert response.status_code == 301
        assert response.headers["Location"] == "/signatories/ribenuiguruxiehui/"


def test_unknown_slugs_still_answer_404(client, curated):
    assert client.get("/signatories/no-such-signatory/").status_code == 404
    assert client.get("/api/signatories/no-such-signatory").status_code == 404


def test_search_finds_a_signatory_by_a_curated_alias(client, curated):
    mhg = signatory("moskovskaya-khelsinkskaya-gruppa")
    before = client.get("/api/signatories", {"q": "Moscow Helsinki Group"}).json()
    assert mhg.slug not in [r["slug"] for r in before["results"]]
    services.alias_add(signatory=mhg, name="Moscow Helsinki Group", user=curated, **WHY)
    after = client.get("/api/signatories", {"q": "Moscow Helsinki Group"}).json()
    assert [r["slug"] for r in after["results"]][:1] == [mhg.slug]
