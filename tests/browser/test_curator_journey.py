"""A curator's journey in a real browser, as a member of the Curators group (not a superuser):
merge, undo, split, undo, rename, add an alias, confirm a fuzzy match. After each undo the
database is compared with the way it was before the decision: equal, entry methods and scores
included. The new admin pages are checked with axe-core and the CSP on the way."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import WCAG_TAGS
from tests.curation.helpers import PASSWORD, entry, last_correction, make_user, snapshot

pytestmark = pytest.mark.browser
MERGE_REASON = "HRIC is the acronym of Human Rights in China."
UNDO_REASON = "Merged too early: the copies list them apart."


@pytest.fixture
def curator(session):
    make_user("carla")  # staff, in the Curators group, not a superuser
    browser = session(viewport={"width": 1280, "height": 900})
    page = browser.goto("/admin/login/")
    page.fill("#id_username", "carla")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    browser.violations = {}

    def check(name: str) -> None:
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            browser.violations[name] = results.generate_snapshot()

    browser.check = check
    return browser


def undo_latest(page, reason: str = UNDO_REASON) -> None:
    page.goto(page.url.split("/admin/")[0] + "/admin/curation/correction/")
    page.locator("#result_list tbody tr").first.locator("a").first.click()
    page.get_by_role("link", name="Undo this correction…").click()
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".messagelist")).to_contain_text("Undone")


def test_curator_merges_undoes_splits_undoes_renames_adds_an_alias_confirms_a_match(curator):
    page, base = curator.page, curator.base_url
    expect(page.locator("#curation-dashboard")).to_contain_text("To review: 4 doubtful matches")
    curator.check("admin index")

    # Merge HRIC into Human Rights in China on the merge screen.
    last = last_correction()
    before = snapshot(last)
    page.goto(base + "/admin/signatories/signatory/?q=HRIC+%7C+%22Human+Rights+in+China%22")
    page.locator("input.action-select").first.check()
    page.locator("input.action-select").nth(1).check()
    page.select_option("select[name=action]", "merge_signatories")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("h1")).to_have_text("Merge two signatories")
    expect(page.locator(".curation-warning")).to_contain_text("Both are printed by the same 4")
    curator.check("merge screen")
    expect(page.get_by_label("Human Rights in China (human-rights-in-china)")).to_be_checked()
    page.get_by_label("Reason").fill(MERGE_REASON)
    page.get_by_role("button", name="Merge").click()
    expect(page.locator(".messagelist")).to_contain_text("Merged")

    # Undo it from the link in the message: the data is as before the merge.
    page.get_by_role("link", name="Undo this merge").click()
    curator.check("undo confirmation")
    page.get_by_label("Reason").fill(UNDO_REASON)
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".messagelist")).to_contain_text("Undone")
    curator.check("correction with its diff")
    assert snapshot(last) == before

    # Split MINBYUN's "HRIC" off, then undo the split from the corrections log.
    last = last_correction()
    before = snapshot(last)
    split = entry("minbyun-press-release", "HRIC")
    page.goto(base + f"/admin/signatories/listentry/{split.pk}/change/")
    page.get_by_label("Split this entry off into a new signatory").check()
    page.get_by_label("Reason").fill("MINBYUN's list may mean its own HRIC chapter.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("The entry is now on")
    undo_latest(page)
    assert snapshot(last) == before

    # Rename and add an English alias, each kind of change with its own reason.
    page.goto(base + "/admin/signatories/signatory/?q=московская")
    page.locator("#result_list tbody tr").first.locator("a").first.click()
    curator.check("signatory change form")
    page.get_by_role("textbox", name="Display name:", exact=True).fill(
        "Moscow Helsinki Group (MHG)"
    )
    page.get_by_label("Why this display name").fill("The group's own English name.")
    page.locator("input[name='aliases-0-name']").fill("Moscow Helsinki Group")
    page.locator("input[name='aliases-0-language']").fill("en")
    page.get_by_label("Why these aliases").fill("Its name in English.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto(base + "/signatories/?q=moscow")
    expect(page.locator("#directory-results")).to_contain_text("Moscow Helsinki Group (MHG)")

    # Confirm the fuzzy match of FORUM-ASIA's "Enakshi Ganguly" in the review queue.
    page.goto(base + "/admin/signatories/listentry/review/")
    curator.check("review queue")
    page.get_by_role("group", name=re.compile("Enakshi Ganguly individually")).get_by_role(
        "radio", name=re.compile("^Confirm")
    ).check()
    page.get_by_label("Reason").fill("The same person: FORUM-ASIA leaves out the title.")
    page.get_by_role("button", name="Apply the decisions chosen").click()
    expect(page.locator(".messagelist")).to_contain_text("1 decision(s) applied")
    expect(page.locator("body")).to_contain_text("3 doubtful matches")
    page.goto(base + "/signatories/ms-enakshi-ganguly-individually-as-an-independent-expert/")
    expect(page.locator(".readings")).to_contain_text("similarity 97.2%; confirmed by a curator")

    assert curator.violations == {}, "\n".join(f"{k}:\n{v}" for k, v in curator.violations.items())
    assert curator.outside == [] and curator.console_errors == []


ADMIN_PAGES = [
    "/admin/",
    "/admin/signatories/signatory/",
    "/admin/signatories/listentry/",
    "/admin/signatories/listentry/review/",
    "/admin/curation/correction/",
    "/admin/signatories/signatory/{mhg}/change/",
    "/admin/signatories/signatory/merge/?a={hric}&b={china}",
    "/admin/letters/sourceversion/{pdf}/change/",
]


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_curation_admin_pages_have_no_wcag_violation_nor_overflow(curator, width):
    from letters.models import SourceVersion
    from tests.curation.helpers import signatory

    ids = {
        "mhg": signatory("moskovskaya-khelsinkskaya-gruppa").pk,
        "hric": signatory("hric").pk,
        "china": signatory("human-rights-in-china").pk,
        "pdf": SourceVersion.objects.get(slug="pdf-text").pk,
    }
    curator.page.set_viewport_size({"width": width, "height": 900})
    for path in ADMIN_PAGES:
        curator.goto(path.format(**ids))
        curator.check(path)
        overflow = curator.page.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, (path, overflow)
    assert curator.violations == {}, "\n".join(f"{k}:\n{v}" for k, v in curator.violations.items())
    assert curator.console_errors == []
