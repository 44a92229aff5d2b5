"""Paragraph links on the letter: a visible ¶ number per paragraph, the linked one highlighted,
and a link to share that works with JavaScript off."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def background(page, selector: str) -> str:
    return page.locator(selector).evaluate("el => getComputedStyle(el).backgroundColor")


def test_opening_a_paragraph_address_highlights_it_and_shows_it(session):
    reader = session(viewport={"width": 390, "height": 800})
    page = reader.goto("/#p3")
    target = page.locator(".letter-body p:target")
    expect(target).to_have_count(1)
    expect(target).to_have_attribute("id", "p3")
    expect(target).to_be_in_viewport()
    assert background(page, "#p3") != background(page, "#p2")
    assert background(page, "#p2") == background(page, ".letter-body")
    assert reader.outside == [] and reader.console_errors == []


def test_every_paragraph_shows_its_number_as_a_link_to_it(session):
    reader = session(viewport={"width": 1280, "height": 900})
    page = reader.goto("/")
    paragraphs = page.locator(".letter-body p.para")
    count = paragraphs.count()
    assert count >= 5
    for n in range(1, count + 1):
        link = page.locator(f"#p{n} .para-link")
        expect(link).to_be_visible()
        expect(link).to_have_text(re.compile(rf"¶\s*Paragraph\s+{n}$"))
        assert link.get_attribute("href").endswith(f"/#p{n}")
        box = link.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 16  # big enough to hit


def test_share_link_works_with_javascript_off(session):
    reader = session(java_script_enabled=False, viewport={"width": 390, "height": 800})
    page = reader.goto("/")
    page.locator("#p5 .para-link").click()
    expect(page).to_have_url(re.compile(r"/#p5$"))
    expect(page.locator(".letter-body p:target")).to_have_attribute("id", "p5")
    expect(page.locator("#p5")).to_be_in_viewport()
    shared = page.locator("#p5 .para-link").get_attribute("href")
    other = reader.context.new_page()
    other.goto(shared)
    expect(other.locator(".letter-body p:target")).to_have_attribute("id", "p5")
    assert reader.outside == []


def test_copy_button_copies_the_citation_and_is_hidden_without_script(session):
    reader = session(viewport={"width": 1280, "height": 900})
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = reader.goto("/")
    button = page.get_by_role("button", name="Copy citation")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator(".copy-status")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#citation").inner_text().strip()
    assert "accessed" in copied
    assert reader.console_errors == []

    plain = session(java_script_enabled=False).goto("/")
    expect(plain.locator("button.copy-button")).to_be_hidden()
    expect(plain.locator("#citation")).to_be_visible()
