"""A reader on a phone finds the Moscow Helsinki Group by its English name, sees the alias marked
as curated and follows the mark to the correction that gives its reason and evidence."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from curation.shipped import apply_shipped_curation
from letters.models import Letter
from tests.browser.test_accessibility import WCAG_TAGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [320, 1280])
def test_reader_finds_a_cyrillic_name_by_its_english_one_and_sees_why(session, seed_folder, width):
    apply_shipped_curation(Letter.objects.get(), seed_folder)
    reader = session(viewport={"width": width, "height": 800})
    page = reader.goto("/signatories/")
    page.get_by_label("Search names").fill("Moscow Helsinki Group")
    page.get_by_label("Search names").press("Enter")
    page.locator("#directory-results").get_by_role(
        "link", name="Московская Хельсинкская группа"
    ).click()
    # The signatory page, stylesheet included: measured before its CSS applies, a long reading
    # with no spaces would overflow.
    page.wait_for_url(re.compile(r"/signatories/[^/?]+/$"))
    page.wait_for_load_state("load")

    aliases = page.locator(".facts dd").filter(has_text="Moscow Helsinki Group")
    expect(aliases.locator('[lang="en"]').first).to_be_visible()
    mark = aliases.get_by_role("link", name=re.compile(r"^curated alias")).last
    expect(mark).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_snapshot()

    mark.click()
    target = page.locator(".correction:target")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("Alias added")
    expect(target.get_by_role("link", name="evidence")).to_have_attribute(
        "href", re.compile(r"^https://")
    )
    assert reader.outside == [] and reader.console_errors == []
