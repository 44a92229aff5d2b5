"""axe-core (shipped inside axe-playwright-python) finds no WCAG A/AA violation on any page type."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    "/",
    "/signatories/",
    "/signatories/?q=amnesty&coverage=some",
    "/signatories/amnesty-international/",
    "/signatories/mrsd-lshr-llslm-wldymqrtyh-whqwq-lnsn/",
    "/sources/",
    "/sources/minbyun-press-release/",
    "/sources/pdf-text/",
    "/sources/forum-asia-web/",
    "/signatories/human-rights-watch/",
    "/corrections/",
    "/#p3",
    "/collation/",
    "/collation/?a=cihrs-web&b=minbyun-press-release",
    "/discrepancies/",
    "/about/",
]


@pytest.mark.parametrize("width", [390, 1280])
def test_no_wcag_violation_on_any_page_type(session, width):
    reader = session(viewport={"width": width, "height": 900})
    axe = Axe()
    found = {}
    for path in PAGES:
        page = reader.goto(path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            found[path] = results.generate_snapshot()
    assert found == {}, "\n".join(f"{path}:\n{snapshot}" for path, snapshot in found.items())
    # No request left the live server, and the CSP blocked nothing (a block is a console error).
    assert reader.outside == []
    assert reader.console_errors == []


def test_axe_reports_a_known_violation(session):
    """The harness itself works: a page with an unlabelled field and an image without text fails."""
    reader = session()
    page = reader.goto("/about/")
    page.set_content('<html lang="en"><title>t</title><img src="data:,"><input type="text"></html>')
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    ids = {v["id"] for v in results.response["violations"]}
    assert {"image-alt", "label"} <= ids
