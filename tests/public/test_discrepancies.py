"""The discrepancies page: who is missing from which list, and how the lists overlap."""

import re

import pytest
from django.urls import reverse

from tests.factories import ListEntryFactory, SignatoryFactory, SourceVersionFactory

pytestmark = pytest.mark.django_db
URL = reverse("signatories:discrepancies")


def test_missing_signatories_are_listed_with_where_they_appear(client, seeded):
    html = client.get(URL).content.decode()
    rows = re.findall(r'<tr role="row">\s*<th scope="row" role="rowheader">(.*?)</tr>', html, re.S)
    assert len(rows) == 4
    amnesty = next(r for r in rows if ">Amnesty International<" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", amnesty, re.S)
    assert [("missing" in c) for c in cells] == [False, False, False, True]
    assert "entry 19" in cells[0]


def test_overlap_counts_signatories_per_combination_of_lists(client, seeded):
    html = client.get(URL).content.decode()
    table = re.search(r'<table class="overlap">.*?</table>', html, re.S).group(0)
    counts = [int(n) for n in re.findall(r'<td class="num"><strong>(\d+)</strong>', table)]
    assert counts == [279, 2, 1, 1]
    first_row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", table, re.S).group(1)
    assert first_row.count("dot-on") == 4


def test_overlap_bars_are_proportional(client, db):
    web, pdf = SourceVersionFactory(), SourceVersionFactory()
    for i in range(4):
        signatory = SignatoryFactory()
        ListEntryFactory(source=web, signatory=signatory)
        if i:
            ListEntryFactory(source=pdf, signatory=signatory)
    html = client.get(URL).content.decode()
    widths = re.findall(r'<rect x="0" y="0" height="10" width="([\d.]+)"', html)
    assert widths == ["100.0", "33.3"]
