"""On a phone the "who is missing" table shows every list for every signatory: its rows stack
into cards, so MINBYUN's missing Amnesty International is on screen without scrolling sideways."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [320, 390])
def test_every_list_of_every_missing_signatory_is_visible_on_a_phone(session, width):
    reader = session(viewport={"width": width, "height": 800})
    page = reader.goto("/discrepancies/")
    table = page.locator("table.matrix")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(4)
    viewport = page.viewport_size["width"]
    for i in range(rows.count()):
        for cell in rows.nth(i).locator("td").all():
            box = cell.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport + 0.5, (
                i,
                cell.inner_text(),
                box,
            )
    amnesty = rows.filter(has=page.get_by_role("link", name="Amnesty International", exact=True))
    minbyun = amnesty.locator('td[data-label="MINBYUN"]')
    minbyun.scroll_into_view_if_needed()
    expect(minbyun).to_be_in_viewport()
    expect(minbyun).to_contain_text("missing")
    label = minbyun.evaluate("el => getComputedStyle(el, '::before').content")
    assert label == '"MINBYUN"'
    # Nothing on the page scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport
    assert reader.outside == [] and reader.console_errors == []


def test_wide_screens_keep_the_table(session):
    page = session(viewport={"width": 1280, "height": 900}).goto("/discrepancies/")
    header = page.locator("table.matrix thead")
    expect(header).to_be_visible()
    assert header.locator("th").count() == 5
    assert page.locator("table.matrix tr").first.evaluate("el => getComputedStyle(el).display") == (
        "table-row"
    )
