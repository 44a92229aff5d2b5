"""Typing in the directory's search box shows ranked results without reloading the page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_typing_shows_ranked_results_without_a_page_load(session):
    reader = session()
    page = reader.goto("/signatories/")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Search names").press_sequentially("truah", delay=30)
    names = page.locator("#directory-results .directory .name")
    expect(names.first).to_have_text("T’ruah: The Rabbinic Call for Human Rights")
    expect(names.first.locator("mark")).to_have_text("T’ruah")
    expect(page).to_have_url(re.compile(r"/signatories/\?q=truah$"))
    assert page.evaluate("window.notReloaded") is True
    assert reader.outside == [] and reader.console_errors == []


def test_a_new_query_replaces_the_results_and_the_address(session):
    reader = session()
    page = reader.goto("/signatories/?q=tibet")
    page.evaluate("window.notReloaded = true")
    box = page.get_by_label("Search names")
    box.fill("")
    box.press_sequentially("lien doan", delay=30)
    names = page.locator("#directory-results .directory .name")
    expect(names.first).to_have_text("Liên Đoàn Công Giáo Việt Nam tại Đức")
    expect(page).to_have_url(re.compile(r"/signatories/\?q=lien\+doan$"))
    assert page.evaluate("window.notReloaded") is True
    assert reader.console_errors == []
