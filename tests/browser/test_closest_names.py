"""The "closest names" answer in a real browser: axe-clean, readable at 320 px, with JavaScript
on (live results) and off (the form submits)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import WCAG_TAGS

pytestmark = pytest.mark.browser

CLOSEST = "/signatories/?q=Saint+Petersburg+Human+Rights+Council"


@pytest.mark.parametrize("width", [320, 1280])
def test_closest_names_are_axe_clean_and_fit_the_screen(session, width):
    reader = session(viewport={"width": width, "height": 900})
    page = reader.goto(CLOSEST)
    expect(page.locator(".result-count")).to_have_text(
        "No signatory is named Saint Petersburg Human Rights Council"
    )
    expect(page.locator(".directory .missing").first).to_contain_text("council")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_snapshot()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert reader.outside == [] and reader.console_errors == []


def test_closest_names_without_javascript(session):
    reader = session(viewport={"width": 320, "height": 900}, java_script_enabled=False)
    page = reader.goto("/signatories/")
    page.get_by_label("Search names").fill("Human Rights Watch China")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".result-count")).to_have_text(
        "No signatory is named Human Rights Watch China"
    )
    expect(page.locator(".directory .name").first).to_have_text("Human Rights Watch")
    expect(page.locator(".directory .missing").first).to_contain_text("without china")


def test_typing_a_name_that_did_not_sign_never_says_it_matches(session):
    reader = session()
    page = reader.goto("/signatories/")
    page.get_by_label("Search names").fill("Huamn Rights Wacth")
    results = page.locator("#directory-results")
    expect(results.locator(".result-count")).to_have_text(
        "No signatory is named Huamn Rights Wacth"
    )
    expect(results.locator(".directory .name").first).to_have_text("Human Rights Watch")
    page.get_by_label("Search names").fill("Greenpeace")
    expect(results.locator(".result-count")).to_have_text("No signatory is named Greenpeace")
    assert reader.outside == [] and reader.console_errors == []
