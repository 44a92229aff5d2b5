"""nginx's own error pages (deploy/errors/) are styled, axe-clean and readable from 320 px.

Served by a real nginx with deploy/nginx.conf whose app is down, so each page arrives as a reader
would get it: with nginx's status and the security headers (a CSP block would be a console error).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import WCAG_TAGS
from tests.web.nginx_front import NginxFront

pytestmark = pytest.mark.browser

PAGES = ["unavailable", "too-many", "too-long", "bad-request", "not-found"]


@pytest.fixture(scope="module")
def front(tmp_path_factory):
    with NginxFront(tmp_path_factory.mktemp("nginx"), upstream_alive=False) as running:
        yield f"http://127.0.0.1:{running.port}"


@pytest.mark.parametrize("width", [320, 1280])
def test_nginx_error_pages_are_styled_accessible_and_fit_the_screen(browser, front, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    found = {}
    try:
        response = page.goto(front + "/signatories/")  # the app is down: nginx's 502 page
        assert response.status == 502
        assert page.title() == "Temporarily unavailable · Open letter archive"
        for name in PAGES:
            page.goto(f"{front}/_errors/{name}.html")
            styled = page.evaluate(
                "getComputedStyle(document.querySelector('header')).borderBottomStyle"
            )
            assert styled == "solid", name  # errors.css was loaded and applied
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            if results.violations_count:
                found[name] = results.generate_snapshot()
    finally:
        context.close()

    assert found == {}
    # The 502 itself, and the favicon the app would serve, are reported as failed loads; no
    # Content-Security-Policy block or other error.
    assert [e for e in errors if "status of 502" not in e] == []
