"""Readers' journeys through the archive in a real browser, with JavaScript on and off."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_reads_the_letter_and_its_signature_count(session):
    reader = session()
    page = reader.goto("/")
    expect(page.locator("h1")).to_have_text(
        "Global call for international human rights monitoring mechanisms on China"
    )
    expect(page.locator(".letter-body")).to_contain_text(
        "an unprecedented 50 United Nations experts"
    )
    expect(page.locator(".count")).to_contain_text("282 named")
    page.get_by_role("link", name="Compare the copies word by word").click()
    expect(page).to_have_url(re.compile(r"/collation/$"))
    assert reader.outside == [] and reader.console_errors == []


def test_reader_searches_an_organisation_opens_it_and_follows_it_to_a_source(session):
    reader = session()
    page = reader.goto("/signatories/")
    page.get_by_label("Search names").fill("Amnesty International")
    page.get_by_label("Search names").press("Enter")
    results = page.locator("#directory-results")
    expect(results.locator(".result-count")).to_contain_text("3 signatories match")
    results.get_by_role("link", name="Amnesty International", exact=True).click()
    expect(page.locator("h1")).to_have_text("Amnesty International")
    expect(page.locator(".readings > li")).to_have_count(3)

    page.get_by_role("link", name=re.compile(r"^line \d+ of 001_")).click()
    expect(page).to_have_url(re.compile(r"/sources/pdf-text/#L\d+$"))
    line = page.locator("li:target")
    expect(line).to_contain_text("Amnesty International")
    expect(line).to_be_in_viewport()
    expect(page.locator("h1")).to_contain_text("Global call")
    assert reader.outside == [] and reader.console_errors == []


def test_reader_compares_two_copies_side_by_side(session):
    reader = session()
    page = reader.goto("/collation/")
    page.get_by_label("Left").select_option("cihrs-web")
    page.get_by_label("Right").select_option("forum-asia-web")
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"a=cihrs-web&b=forum-asia-web"))
    expect(page.locator("#compare")).to_contain_text("CIHRS and FORUM-ASIA differ at 3 places")
    expect(page.locator(".side-by-side mark")).to_have_count(6)
    assert reader.outside == []


def test_reader_downloads_the_directory_as_csv(session):
    reader = session()
    page = reader.goto("/signatories/")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV, one row per list entry").click()
    download = info.value
    assert download.suggested_filename == "global-call-china-2020-signatories.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 281 + 280 + 281 + 282
    assert {"signatory_name", "source_sha256", "line_start", "text"} <= rows[0].keys()

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV, one row per signatory").click()
    download = info.value
    assert download.suggested_filename == "global-call-china-2020-signatories-one-row-each.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 283
    assert {"name", "listed_in", "cihrs-web", "minbyun-press-release"} <= rows[0].keys()


def test_search_form_works_with_javascript_disabled(session):
    reader = session(java_script_enabled=False)
    page = reader.goto("/signatories/")
    page.get_by_label("Search names").fill("uyghur")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/signatories/\?q=uyghur"))
    expect(page.locator("#directory-results .result-count")).to_contain_text("match")
    names = page.locator("#directory-results .directory .name")
    assert names.count() > 0
    for text in names.all_inner_texts():
        assert "uyghur" in text.lower() or "ウイグル" in text


def test_filters_and_pagination_work_with_javascript_disabled(session):
    reader = session(java_script_enabled=False)
    page = reader.goto("/signatories/?coverage=all")
    expect(page.locator(".result-count")).to_contain_text("279 signatories match")
    page.get_by_role("link", name="Next").first.click()
    expect(page).to_have_url(re.compile(r"coverage=all.*page=2|page=2.*coverage=all"))
    expect(page.locator(".pagination")).to_contain_text("Page 2 of 6")
    page.locator(".az").get_by_role("link", name="Digits and other scripts").click()
    expect(page).to_have_url(re.compile(r"initial=other"))
    expect(page.locator(".directory [lang=ja]").first).to_be_visible()


def test_layout_fits_a_320_pixel_screen(session):
    reader = session(viewport={"width": 320, "height": 640})
    paths = [
        "/",
        "/signatories/?initial=other",
        "/signatories/amnesty-international/",
        "/sources/",
        "/sources/minbyun-press-release/",
        "/collation/?a=cihrs-web&b=pdf-text",
        "/discrepancies/",
        "/about/",
    ]
    for path in paths:
        page = reader.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)


def test_printed_letter_leaves_out_the_site_around_it(session):
    reader = session()
    page = reader.goto("/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".onward")).to_be_hidden()
    expect(page.locator(".letter-body")).to_be_visible()
