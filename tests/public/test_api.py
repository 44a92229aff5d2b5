"""The read-only JSON API contract that clients rely on."""

import pytest

from signatories.models import Signatory


@pytest.fixture
def api(client, seeded):
    def get(path, **params):
        response = client.get(path, params)
        return response, (
            response.json() if response["Content-Type"].startswith("application/json") else None
        )

    return get


def test_sources_list_every_copy_with_checksum_count_and_diagnostics(api):
    response, data = api("/api/sources")
    assert response.status_code == 200
    rows = {row["slug"]: row for row in data["results"]}
    assert list(rows) == [
        "cihrs-web",
        "pdf-text",
        "forum-asia-web",
        "news-report",
        "minbyun-press-release",
    ]
    assert {slug: row["entry_count"] for slug, row in rows.items()} == {
        "cihrs-web": 281,
        "pdf-text": 280,
        "forum-asia-web": 281,
        "news-report": 0,
        "minbyun-press-release": 282,
    }
    pdf = rows["pdf-text"]
    assert set(pdf) >= {
        "slug",
        "title",
        "publisher",
        "kind",
        "sha256",
        "entry_count",
        "diagnostics",
    }
    assert pdf["kind"] == "pdf-text"
    assert pdf["sha256"] == "025f037f56d8afc6d7b51c5121c72cf417cd24479647c15bf99d8ab3220e77ad"
    assert any("274" in d["message"] for d in pdf["diagnostics"])


def test_signatories_page_has_count_links_and_entries_with_provenance(api):
    response, data = api("/api/signatories", page_size=100)
    assert response.status_code == 200
    assert data["count"] == 283
    assert data["previous"] is None
    assert data["next"].endswith("page=2&page_size=100") or "page=2" in data["next"]
    assert len(data["results"]) == 100
    first = data["results"][0]
    assert set(first) >= {"slug", "name", "kind", "url", "entries"}
    assert first["url"].endswith(f"/signatories/{first['slug']}/")
    assert set(first["entries"][0]) >= {"source", "ordinal", "number", "text"}

    _, last = api("/api/signatories", page_size=100, page=3)
    assert len(last["results"]) == 83 and last["next"] is None and last["previous"]


def test_q_filters_on_names_and_printed_readings(api):
    _, data = api("/api/signatories", q="AcciónSolidaria")
    assert [r["name"] for r in data["results"]] == ["Acción Solidaria"]
    readings = {(e["source"], e["text"]) for e in data["results"][0]["entries"]}
    assert ("cihrs-web", "AcciónSolidaria") in readings
    assert ("pdf-text", "Acción Solidaria") in readings


def test_page_size_is_capped_at_500(api):
    _, data = api("/api/signatories", page_size=100000)
    assert len(data["results"]) == 283 and data["next"] is None


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "x"}, {"page_size": "-1"}])
def test_bad_paging_is_a_400_with_a_message(api, params):
    response, data = api("/api/signatories", **params)
    assert response.status_code == 400
    assert "error" in data


def test_page_past_the_end_is_a_404(api):
    response, _ = api("/api/signatories", page=99)
    assert response.status_code == 404


def test_one_signatory_by_slug(api):
    signatory = Signatory.objects.get(name="Amnesty International")
    response, data = api(f"/api/signatories/{signatory.slug}")
    assert response.status_code == 200
    assert data["name"] == "Amnesty International"
    assert [e["source"] for e in data["entries"]] == ["cihrs-web", "pdf-text", "forum-asia-web"]
    assert [e["number"] for e in data["entries"]] == [None, 19, 19]


def test_unknown_signatory_is_a_404(api):
    response, _ = api("/api/signatories/no-such-organisation")
    assert response.status_code == 404


def test_api_is_read_only(client, seeded):
    assert client.post("/api/signatories").status_code == 405
    assert client.delete("/api/sources").status_code == 405
