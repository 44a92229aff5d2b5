"""sitemap.xml: the public pages, every source and every signatory."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from letters.models import SourceVersion
from signatories.models import Signatory

PAGES = [
    "letters:letter",
    "signatories:list",
    "letters:source-list",
    "letters:collation",
    "signatories:discrepancies",
    "letters:about",
]


class PageSitemap(Sitemap):
    def items(self):
        return PAGES

    def location(self, item):
        return reverse(item)


class SourceSitemap(Sitemap):
    def items(self):
        return SourceVersion.objects.only("slug").order_by("letter", "position")


class SignatorySitemap(Sitemap):
    def items(self):
        return Signatory.objects.only("slug").order_by("slug")


SITEMAPS = {"pages": PageSitemap, "sources": SourceSitemap, "signatories": SignatorySitemap}
