"""What every public page carries: title, description, canonical, Open Graph, footer; CSP-safe HTML."""

import re

import pytest
from django.urls import reverse

from letters.models import SourceVersion
from signatories.models import Signatory

pytestmark = pytest.mark.django_db


def page_urls():
    signatory = Signatory.objects.order_by("pk").first()
    return [
        reverse("letters:letter"),
        reverse("signatories:list"),
        signatory.get_absolute_url(),
        reverse("letters:source-list"),
        SourceVersion.objects.get(slug="pdf-text").get_absolute_url(),
        reverse("letters:collation") + "?a=cihrs-web&b=pdf-text",
        reverse("signatories:discrepancies"),
        reverse("letters:about"),
    ]


def test_every_page_has_its_own_title_description_canonical_and_open_graph(client, seeded):
    titles = set()
    for url in page_urls():
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title.endswith("Open letter archive") and len(title) > len("Open letter archive")
        titles.add(title)
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert description and len(description.group(1)) > 40, url
        path = url.split("?")[0]
        assert f'<link rel="canonical" href="http://testserver{path}">' in html
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:site_name"):
            assert f'property="{prop}"' in html, (url, prop)
    assert len(titles) == len(page_urls())


def test_pages_have_no_inline_style_or_script_that_the_csp_would_block(client, seeded):
    for url in page_urls():
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<style" not in html, url
        for script in re.findall(r"<script[^>]*>", html):
            assert "src=" in script, url
        assert not re.search(r"<script[^>]*>[^<]+</script>", html), url
        assert re.search(r"\son[a-z]+=", html) is None, url


def test_pages_make_no_third_party_requests(client, seeded):
    for url in page_urls():
        html = client.get(url).content.decode()
        for attr in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            assert attr.startswith("http://testserver/"), (url, attr)


def test_footer_credits_the_sources_and_links_the_api(client, seeded):
    html = client.get(reverse("letters:about")).content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    footer_text = re.sub(r"<[^>]+>", "", footer)
    for source in SourceVersion.objects.all():
        assert source.publisher in footer_text
    assert '<span lang="ko">민주사회를 위한 변호사모임</span>' in footer
    for name in ("api:letter", "api:sources", "api:signatories"):
        assert f'href="{reverse(name)}"' in footer


def test_sitemap_lists_pages_sources_and_signatories(client, seeded):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/sources/pdf-text/</loc>" in xml
    assert xml.count("/signatories/") == Signatory.objects.count() + 1


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_navigation_marks_the_current_page(client, seeded):
    html = client.get(reverse("letters:collation")).content.decode()
    assert '<a href="/collation/" aria-current="page">Collation</a>' in html


def test_about_page_explains_reconciliation_with_live_figures(client, seeded):
    text = re.sub(
        r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get(reverse("letters:about")).content.decode())
    )
    assert "Same letters once spaces are ignored" in text
    assert "the reading with the fewest signs of damage" in text
    assert (
        "Taken together the lists name 283 distinct signatories, 279 of them in every list" in text
    )
    assert "321 signatories in total, 39 of whom chose to remain anonymous, so 282 named" in text
