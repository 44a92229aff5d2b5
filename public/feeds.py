"""The public corrections log as an Atom feed, for readers who follow changes to the archive."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from public.correction_views import public_corrections

FEED_SIZE = 50


class CorrectionsFeed(Feed):
    feed_type = Atom1Feed
    title = "Corrections · Open letter archive"
    subtitle = "Every correction curators made to the archive, with its reason, newest first."

    def link(self):
        return reverse("curation:list")

    def items(self):
        return public_corrections()[:FEED_SIZE]

    def item_title(self, item):
        return item.summary

    def item_description(self, item):
        evidence = f" Evidence: {item.evidence_url}" if item.evidence_url else ""
        return f"{item.get_action_display()}. Reason: {item.reason}{evidence}"

    def item_link(self, item):
        return f"{reverse('curation:list')}#correction-{item.key}"

    def item_guid(self, item):
        return f"urn:uuid:{item.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.curator_name or None

    def item_categories(self, item):
        return [item.get_action_display()]
