"""The read-only JSON API contract that clients rely on."""

import hashlib

import pytest

from letters.models import SourceVersion
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
    assert (data["count"], data["next"], data["previous"]) == (5, None, None)
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
    assert pdf["raw_url"] == "http://testserver/sources/pdf-text/raw"
    assert pdf["api_url"] == "http://testserver/api/sources/pdf-text"
    assert pdf["url"] == "http://testserver/sources/pdf-text/"
    assert (pdf["original_url"], pdf["retrieved"], pdf["archived_url"]) == (None, None, None)


def test_one_source_has_the_shape_it_has_in_the_list(api):
    _, listed = api("/api/sources")
    response, one = api("/api/sources/minbyun-press-release")
    assert response.status_code == 200
    assert one == next(s for s in listed["results"] if s["slug"] == "minbyun-press-release")
    assert one["type"] == "source" and one["published"] == "2020-09-10"
    assert api("/api/sources/nope")[0].status_code == 404


def test_raw_url_serves_bytes_with_the_listed_sha256(api, client):
    _, listed = api("/api/sources")
    for source in listed["results"]:
        body = client.get(source["raw_url"].removeprefix("http://testserver")).content
        assert hashlib.sha256(body).hexdigest() == source["sha256"]


def test_signatories_page_has_count_links_and_entries_with_provenance(api):
    response, data = api("/api/signatories", page_size=100)
    assert response.status_code == 200
    assert data["count"] == 283
    assert data["previous"] is None
    assert data["next"].endswith("page=2&page_size=100") or "page=2" in data["next"]
    assert len(data["results"]) == 100
    first = data["results"][0]
    assert set(first) >= {"type", "api_url", "slug", "name", "kind", "url", "entries"}
    assert first["type"] == "signatory"
    assert first["url"].endswith(f"/signatories/{first['slug']}/")
    assert first["api_url"] == f"http://testserver/api/signatories/{first['slug']}"
    assert set(first["entries"][0]) >= {"source", "ordinal", "number", "text", "line_url"}

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
    assert data["type"] == "signatory"
    assert data["api_url"] == f"http://testserver/api/signatories/{signatory.slug}"
    assert [e["source"] for e in data["entries"]] == ["cihrs-web", "pdf-text", "forum-asia-web"]
    assert [e["number"] for e in data["entries"]] == [None, 19, 19]


def test_entries_link_to_their_line_on_the_source_page(api, client):
    signatory = Signatory.objects.get(name="Amnesty International")
    _, data = api(f"/api/signatories/{signatory.slug}")
    for entry in data["entries"]:
        source = SourceVersion.objects.get(slug=entry["source"])
        assert entry["line_url"] == (
            f"http://testserver/sources/{source.slug}/#L{entry['line_start']}"
        )
        html = client.get(f"/sources/{source.slug}/").content.decode()
        line = html.split(f'<li id="L{entry["line_start"]}">', 1)[1].split("</li>", 1)[0]
        assert entry["text"].split()[0] in line


def test_every_list_has_one_shape(api):
    for path in ("/api/sources", "/api/signatories", "/api/corrections", "/corrections.json"):
        response, data = api(path)
        assert response.status_code == 200, path
        assert list(data)[:4] == ["count", "next", "previous", "results"], path
        assert data["count"] >= len(data["results"]), path


def test_every_object_says_its_type_and_its_addresses(api):
    _, letter = api("/api/letter")
    _, source = api("/api/sources/pdf-text")
    _, signatory = api("/api/signatories/amnesty-international")
    for obj, kind in ((letter, "letter"), (source, "source"), (signatory, "signatory")):
        assert obj["type"] == kind
        assert obj["api_url"].startswith("http://testserver/api/")
        assert obj["url"].startswith("http://testserver/")


def test_a_trailing_slash_is_tolerated(api):
    for path in ("/api/signatories", "/api/sources", "/api/letter", "/api/sources/pdf-text"):
        plain, with_slash = api(path)[1], api(path + "/")
        assert with_slash[0].status_code == 200, path
        assert with_slash[1] == plain, path


def test_answers_are_utf8_json_readable_from_any_origin(client, seeded):
    for path in ("/api/", "/api/letter", "/api/sources", "/api/signatories", "/api/nope"):
        response = client.get(path)
        assert response["Content-Type"] == "application/json; charset=utf-8", path
        assert response["Access-Control-Allow-Origin"] == "*", path
    for page in ("/", "/signatories/", "/signatories.json"):
        assert "Access-Control-Allow-Origin" not in client.get(page), page


@pytest.mark.parametrize("debug", [True, False])
def test_errors_are_json_whatever_the_debug_setting(client, seeded, settings, debug):
    settings.DEBUG = debug
    for path, status in (
        ("/api/no-such-endpoint", 404),
        ("/api/signatories/no-such-organisation", 404),
        ("/api/signatories?page=99", 404),
        ("/api/signatories?page=x", 400),
    ):
        response = client.get(path)
        assert response.status_code == status, path
        data = response.json()
        assert data["status"] == status and data["error"], path


def test_unknown_signatory_is_a_404(api):
    response, _ = api("/api/signatories/no-such-organisation")
    assert response.status_code == 404


def test_api_is_read_only(client, seeded):
    assert client.post("/api/signatories").status_code == 405
    assert client.delete("/api/sources").status_code == 405
