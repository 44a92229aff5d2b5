"""Security headers on every response, public pages without cookies, and the admin under the CSP."""

import re

import pytest
from django.contrib.auth.models import User

from tests.web.routes import public_routes


def public_urls() -> list[str]:
    from letters.models import SourceVersion
    from signatories.models import Signatory

    signatory = Signatory.objects.order_by("pk").first().slug
    source = SourceVersion.objects.order_by("pk").first().slug
    return [
        route.fill(
            **dict.fromkeys(route.parameters, source if "source" in route.name else signatory)
        )
        for route in public_routes()
    ]


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_security_headers(response) -> None:
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    scripts = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("same-origin", "strict-origin", "no-referrer")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_every_public_page_sends_the_security_headers(client, seeded):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response)


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", "/no-such-page/"),
        ("get", "/signatories/?q=%00"),
        ("post", "/signatories/"),
        ("get", "/static/css/site.css"),
        ("get", "/healthz"),
        ("get", "/admin/login/"),
    ],
)
def test_error_static_and_admin_responses_send_them_too(client, db, method, url):
    assert_security_headers(getattr(client, method)(url))


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookies(client, seeded):
    for url in public_urls():
        for response in (client.get(url), client.head(url)):
            assert not response.cookies, url
            assert "Set-Cookie" not in response, url
            vary = [v.strip().lower() for v in response.get("Vary", "").split(",")]
            assert "cookie" not in vary, url


def test_public_pages_set_no_csrf_token_even_for_a_returning_visitor(client, seeded):
    client.cookies["sessionid"] = "not-a-real-session"
    client.cookies["csrftoken"] = "x" * 32

    for url in public_urls():
        response = client.get(url)
        assert "csrftoken" not in response.cookies, url
        assert "sessionid" not in response.cookies, url


@pytest.fixture
def staff_client(client, db):
    user = User.objects.create_superuser("curator", "curator@example.org", "a-long-passphrase-42")
    client.force_login(user)
    return client


def inline_code(html: str) -> list[str]:
    """Inline scripts and event handlers: what script-src 'self' would block in a browser."""
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S | re.I)
    scripts = [s for s in scripts if s.strip()]
    handlers = re.findall(r"\son[a-z]+\s*=", html, re.I)
    return scripts + handlers


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/signatories/signatory/",
        "/admin/signatories/signatory/{signatory}/change/",
        "/admin/letters/sourceversion/",
        "/admin/auth/user/",
    ],
)
def test_admin_works_under_the_policy(staff_client, seeded, url):
    from signatories.models import Signatory

    url = url.format(signatory=Signatory.objects.order_by("pk").first().pk)

    response = staff_client.get(url, follow=True)

    assert response.status_code == 200
    assert_security_headers(response)
    json_data = re.findall(r'<script[^>]*type="application/json"', response.text)
    assert not [code for code in inline_code(response.text) if code not in json_data]


def test_admin_pages_are_private(staff_client):
    response = staff_client.get("/admin/")

    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
