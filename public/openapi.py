"""The OpenAPI 3.1 description of the read-only JSON API, served at /api/openapi.json.

Written by hand beside the views it describes; tests/test_api_openapi.py validates it with
openapi-spec-validator and checks every documented endpoint's real answers against its schemas.
"""

from search.queries import Match

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
URL = {"type": "string", "format": "uri"}
NULLABLE_URL = {"type": ["string", "null"], "format": "uri"}
INTEGER = {"type": "integer"}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
DATE = {"type": ["string", "null"], "format": "date"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, required: list[str] | None = None) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def object_base(kind: str, *, page: bool = True) -> dict:
    """The keys every object shares: its type, its API address and its page."""
    base = {"type": {"const": kind}, "api_url": URL}
    if page:
        base["url"] = URL
    return base


def list_of(item: str, **extra) -> dict:
    return obj(
        {
            "count": {"type": "integer", "minimum": 0},
            "next": NULLABLE_URL,
            "previous": NULLABLE_URL,
            "results": {"type": "array", "items": ref(item)},
            **extra,
        },
        required=["count", "next", "previous", "results", *extra],
    )


MATCHES = list(Match.CHOICES)
SIGNATORY = {
    **object_base("signatory"),
    "slug": STRING,
    "name": STRING,
    "kind": {"enum": ["organisation", "individual"]},
    "aliases": {
        "type": "array",
        "items": obj({"name": STRING, "language": NULLABLE_STRING}),
    },
    "country": NULLABLE_STRING,
    "country_name": NULLABLE_STRING,
    "language": NULLABLE_STRING,
    "note": NULLABLE_STRING,
    "entries": {"type": "array", "items": ref("Entry")},
}

SCHEMAS = {
    "Error": obj({"error": STRING, "status": INTEGER}),
    "Index": obj(
        {
            **object_base("index"),
            "letter_url": URL,
            "sources_url": URL,
            "source_url": STRING,
            "signatories_url": URL,
            "signatory_url": STRING,
            "corrections_url": URL,
            "openapi_url": URL,
            "bag_url": URL,
            "downloads": {"type": "object", "additionalProperties": URL},
        }
    ),
    "Reading": obj(
        {
            "text": STRING,
            "sources": {"type": "array", "items": STRING},
            "reference": {"type": "boolean"},
        }
    ),  # fmt: skip
    "Variant": obj(
        {
            "number": INTEGER,
            "kind": {"enum": ["wording", "typographic"]},
            "context_before": STRING,
            "context_after": STRING,
            "readings": {"type": "array", "items": ref("Reading"), "minItems": 2},
        }
    ),
    "Letter": obj(
        {
            **object_base("letter"),
            "title": STRING,
            "date": DATE,
            "addressees": {"type": "array", "items": STRING},
            "text": STRING,
            "closing": STRING,
            "witnesses": {"type": "array", "items": STRING},
            "variants": {"type": "array", "items": ref("Variant")},
            "collation_url": URL,
            "paragraph_urls": {"type": "array", "items": URL},
            "sources_url": URL,
            "signatories_url": URL,
        }
    ),
    "Source": obj(
        {
            **object_base("source"),
            "slug": STRING,
            "title": STRING,
            "publisher": STRING,
            "kind": {"enum": ["web-page", "pdf-text", "press-release", "news-report"]},
            "language": STRING,
            "published": DATE,
            "original_url": NULLABLE_URL,
            "retrieved": DATE,
            "archived_url": NULLABLE_URL,
            "file": STRING,
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "size": INTEGER,
            "raw_url": URL,
            "entry_count": INTEGER,
            "list_style": STRING,
            "claimed_total": NULLABLE_INTEGER,
            "claimed_anonymous": NULLABLE_INTEGER,
            "diagnostics": {
                "type": "array",
                "items": obj({"code": STRING, "message": STRING}),
            },
            "note": NULLABLE_STRING,
        }
    ),
    "Entry": obj(
        {
            "type": {"const": "entry"},
            "source": STRING,
            "source_api_url": URL,
            "line_url": URL,
            "ordinal": INTEGER,
            "number": NULLABLE_INTEGER,
            "text": STRING,
            "line_start": INTEGER,
            "line_end": INTEGER,
            "match_method": STRING,
            "match_score": {"type": ["number", "null"]},
            "curator_pin": {
                "oneOf": [
                    {"type": "null"},
                    obj({"decision": STRING, "label": STRING, "pinned_at": STRING}),
                ]
            },
        }
    ),
    "Signatory": obj(SIGNATORY),
    "SignatoryResult": obj(
        {
            **SIGNATORY,
            "match": {
                "description": "How the result matched q (null without q): `exact`, q is its "
                "name; `alias`, q is another of its names (a copy's reading, a curated alias, a "
                "part in brackets, its initials); `all words`, every word of q, as typed or in "
                "an equivalent spelling (St/Saint, Intl/International, Centre/Center); `typo`, "
                "every word, some in a close spelling; `some words`, only some of the words: "
                "no signatory is named q, and this is one of the closest names.",
                "enum": [*MATCHES, None],
            },
            "words_missing": {
                "description": "The words of q this result does not have (see `match`).",
                "type": "array",
                "items": STRING,
            },
        }
    ),
    "Correction": obj(
        {
            "type": {"const": "correction"},
            "id": STRING,
            "date": {"type": "string", "format": "date-time"},
            "action": STRING,
            "action_label": STRING,
            "summary": STRING,
            "changes": {"type": "array"},
            "reason": STRING,
            "evidence_url": NULLABLE_URL,
            "curator": NULLABLE_STRING,
            "signatories": {
                "type": "array",
                "items": obj({"slug": STRING, "name": STRING, "url": URL}),
            },  # fmt: skip
            "source": NULLABLE_STRING,
        }
    ),
    "SourceList": list_of("Source"),
    "SignatoryList": list_of(
        "SignatoryResult",
        count_exact={"type": "boolean"},
        words_left_out={
            "description": "No signatory has every word of q: the words the results were "
            "found without (each result's `words_missing` says which it lacks).",
            "type": "array",
            "items": STRING,
        },
    ),
    "CorrectionList": list_of("Correction"),
}

ERRORS = {
    "400": "Bad parameters",
    "404": "Nothing at this address",
    "405": "Not GET or HEAD: the API is read-only",
}
SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
SEARCH_PARAMETERS = [
    {"name": "q", "in": "query", "description": "Search names and printed readings.",
     "schema": {"type": "string", "maxLength": 200}},
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
    {"name": "page_size", "in": "query", "description": "At most 500.",
     "schema": {"type": "integer", "minimum": 1}},
]  # fmt: skip


def operation(operation_id: str, summary: str, schema: str, parameters=(), errors=("405",)):
    responses = {
        "200": {
            "description": summary,
            "content": {"application/json": {"schema": ref(schema)}},
        }
    }
    for code in errors:
        responses[code] = {
            "description": ERRORS[code],
            "content": {"application/json": {"schema": ref("Error")}},
        }
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": list(parameters),
            "responses": responses,
        }
    }


PATHS = {
    "/api/": operation("index", "Every endpoint of the API, and the archive's BagIt bag", "Index"),
    "/api/letter": operation(
        "letter", "The reference text and every variant reading", "Letter", errors=("404", "405")
    ),
    "/api/sources": operation("sources", "Every copy of the letter", "SourceList"),
    "/api/sources/{slug}": operation(
        "source", "One copy, with its checksum and raw_url", "Source", [SLUG], ("404", "405")
    ),
    "/api/signatories": operation(
        "signatories",
        "Signatories with their entries, searched and paginated",
        "SignatoryList",
        SEARCH_PARAMETERS,
        ("400", "404", "405"),
    ),
    "/api/signatories/{slug}": operation(
        "signatory",
        "One signatory with every entry that names it",
        "Signatory",
        [SLUG],
        ("404", "405"),
    ),  # fmt: skip
    "/api/corrections": operation("corrections", "The public corrections log", "CorrectionList"),
}


def openapi_description(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Open letter archive API",
            "version": "1",
            "description": (
                "Read-only JSON. Lists have count, next, previous and results; objects have "
                "type, api_url and (when they have a page) url; errors have error and status. "
                "Any origin may read it (Access-Control-Allow-Origin: *). /api/openapi.json "
                "is this description."
            ),
        },
        "servers": [{"url": server_url or "/"}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
