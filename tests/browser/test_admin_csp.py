"""The admin in a real browser under the Content-Security-Policy: it logs in, its scripts run,
and the browser reports no violation."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, archive):
    User.objects.create_superuser("curator", "curator@example.org", "a-long-passphrase-42")
    context = browser.new_context()
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.base = archive
    yield page
    context.close()


def test_admin_logs_in_and_its_scripts_run_under_the_policy(page):
    page.goto(page.base + "/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", "a-long-passphrase-42")
    page.click("input[type=submit]")
    page.wait_for_url(page.base + "/admin/")

    page.goto(page.base + "/admin/signatories/signatory/")
    rows = page.locator("input.action-select")
    assert rows.count() > 0
    page.check("#action-toggle")  # admin/js/actions.js selects every row

    assert rows.count() == page.locator("input.action-select:checked").count()
    assert not [e for e in page.console_errors if "Content Security Policy" in e]
