"""The public URL routes, enumerated from the resolver, so that checks cover pages added later."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from web.public import is_public_path

ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
REGEX_SYNTAX = re.compile(r"[()\[\]*+?{}|]")


@dataclass(frozen=True)
class Route:
    """A public URL with `{name}` holes for its parameters, e.g. "/signatories/{slug}/"."""

    template: str
    name: str

    @property
    def parameters(self) -> list[str]:
        return re.findall(r"\{(\w+)\}", self.template)

    def fill(self, **values: str) -> str:
        return self.template.format(**values)


def as_template(pattern) -> str | None:
    """The pattern as a `{name}` template, or None for a regex too complex to fill in."""
    text = str(pattern)
    if not text.startswith("^"):
        return ROUTE_PARAMETER.sub(r"{\1}", text)
    text = REGEX_GROUP.sub(r"{\1}", text.removeprefix("^").removesuffix("$").removesuffix(r"\Z"))
    if REGEX_SYNTAX.search(text):
        return None
    return re.sub(r"\\(.)", r"\1", text)


def walk(patterns, prefix: str = "", name_prefix: str = ""):
    for entry in patterns:
        template = as_template(entry.pattern)
        if template is None:
            continue
        if isinstance(entry, URLResolver):
            namespace = f"{name_prefix}{entry.namespace}:" if entry.namespace else name_prefix
            yield from walk(entry.url_patterns, prefix + template, namespace)
        elif isinstance(entry, URLPattern):
            yield Route(template="/" + prefix + template, name=f"{name_prefix}{entry.name or ''}")


def public_routes() -> list[Route]:
    """Every route of the URLconf outside the non-public prefixes (the admin)."""
    routes = {r.template: r for r in walk(get_resolver().url_patterns)}
    return sorted(
        (r for r in routes.values() if is_public_path(r.template.split("{")[0])),
        key=lambda r: r.template,
    )
