"""The API describes itself: an index linking every endpoint, and an OpenAPI 3.1 description
that openapi-spec-validator accepts and that every endpoint's real answers conform to."""

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from letters.models import SourceVersion
from signatories.models import Signatory
from tests.web.routes import public_routes

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client, seeded) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_description_is_valid_openapi_3_1(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)  # raises OpenAPIValidationError when the description is not valid


def api_route_templates() -> set[str]:
    return {r.template for r in public_routes() if r.template.startswith("/api/")}


def test_every_api_route_is_documented(spec):
    documented = set(spec["paths"]) | {"/api/openapi.json"}
    assert api_route_templates() == documented


def filled(path: str) -> str:
    if "{slug}" not in path:
        return path
    if path.startswith("/api/sources/"):
        return path.format(slug=SourceVersion.objects.get(slug="pdf-text").slug)
    return path.format(slug=Signatory.objects.get(name="Amnesty International").slug)


def test_every_documented_endpoint_answers_as_described(client, spec):
    for path, item in spec["paths"].items():
        response = client.get(filled(path))
        assert response.status_code == 200, path
        schema = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        validator = Draft202012Validator({**schema, "components": spec["components"]})
        errors = sorted(validator.iter_errors(response.json()), key=str)
        assert not errors, (path, [e.message for e in errors[:5]])
        described = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        assert set(described["required"]) <= set(response.json()), path


def test_documented_errors_answer_with_the_error_schema(client, spec):
    error = {"$ref": "#/components/schemas/Error", "components": spec["components"]}
    for path in ("/api/signatories/no-such-organisation", "/api/sources/nope"):
        response = client.get(path)
        assert response.status_code == 404
        Draft202012Validator(error).validate(response.json())
    response = client.get("/api/signatories", {"page_size": "0"})
    assert response.status_code == 400
    Draft202012Validator(error).validate(response.json())


def test_the_schemas_catch_an_answer_that_breaks_them(spec):
    """The check above can fail: a signatory without its api_url does not pass."""
    schema = {"$ref": "#/components/schemas/Signatory", "components": spec["components"]}
    broken = {"type": "signatory", "url": "http://x/", "slug": "x", "name": "x",
              "kind": "organisation", "entries": []}  # fmt: skip
    assert list(Draft202012Validator(schema).iter_errors(broken))


def test_index_links_every_endpoint_and_the_bag(client, seeded):
    data = client.get("/api/").json()
    links = {value for key, value in data.items() if key.endswith("_url")}
    for template in api_route_templates():
        assert f"http://testserver{template}" in links | {data["api_url"]}, template
    assert data["bag_url"] == "http://testserver/downloads/archive-bag.zip"
    for url in data["downloads"].values():
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url
    assert client.get(data["bag_url"].removeprefix("http://testserver")).status_code == 200
