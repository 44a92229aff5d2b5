"""Browser fixtures: Debian's Chromium through Playwright, against pytest-django's live server.

Nothing is downloaded: the browser is /usr/bin/chromium, axe-core comes inside its Python package,
and every request that does not go to the live server is refused and recorded, so a test can
assert that a page asks nothing of a third party.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from intake.importer import load_letters
from tests.conftest import SEED_FOLDER

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by tests
# alongside it are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium is missing: `make chromium` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def archive(transactional_db, live_server):
    """The live server with the seed letter loaded; returns its base URL."""
    load_letters([SEED_FOLDER])
    return live_server.url


class Session:
    """A browser context that records refused third-party requests and console errors."""

    def __init__(self, browser, base_url: str, **options):
        self.base_url = base_url
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.context = browser.new_context(accept_downloads=True, **options)
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()
        self.page.on(
            "console",
            lambda m: self.console_errors.append(m.text) if m.type == "error" else None,
        )

    def route(self, route):
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.ok, (path, response and response.status)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def session(browser, archive):
    sessions = []

    def open_session(**options) -> Session:
        opened = Session(browser, archive, **options)
        sessions.append(opened)
        return opened

    yield open_session
    for opened in sessions:
        opened.close()
