"""The corrections log as an Atom feed, linked from /corrections/."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from curation import services
from curation.models import Correction
from tests.curation.helpers import make_user, signatory

ATOM = "{http://www.w3.org/2005/Atom}"
pytestmark = pytest.mark.django_db


def test_feed_has_one_entry_per_correction_newest_first(client, seeded):
    curator = make_user("carla")
    services.signatory_rename(
        signatory=signatory("ribenuiguruxiehui"),
        name="Japan Uyghur Association (日本ウイグル協会)",
        reason="The organisation's own bilingual name.",
        evidence_url="https://uyghur-j.org/",
        user=curator,
    )
    services.signatory_merge(
        survivor=signatory("human-rights-in-china"),
        merged=signatory("hric"),
        user=curator,
        reason="HRIC is the acronym of Human Rights in China.",
        evidence_url="",
    )
    response = client.get(reverse("curation:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    newest, oldest = Correction.objects.order_by("-created_at", "-pk")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [newest.summary, oldest.summary]
    assert entries[0].findtext(f"{ATOM}id") == f"urn:uuid:{newest.key}"
    link = entries[1].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/corrections/#correction-{oldest.key}"
    assert "The organisation's own bilingual name." in entries[1].findtext(f"{ATOM}summary")
    assert "https://uyghur-j.org/" in entries[1].findtext(f"{ATOM}summary")


def test_empty_log_is_an_empty_feed(client, seeded):
    feed = ET.fromstring(client.get(reverse("curation:feed")).content)
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}title") == "Corrections · Open letter archive"


def test_corrections_page_links_its_feed(client, seeded):
    html = client.get(reverse("curation:list")).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert f'href="{reverse("curation:feed")}"' in html
