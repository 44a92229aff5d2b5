"""Keep the vocabulary's document counts right when a document goes with its signatory."""

from collections import Counter

from django.db.models.signals import post_delete
from django.dispatch import receiver

from search.documents import adjust_vocabulary, terms_of
from search.models import SearchDocument


@receiver(post_delete, sender=SearchDocument, dispatch_uid="search_document_deleted")
def forget_terms(sender, instance: SearchDocument, **kwargs) -> None:
    """A merge deletes a signatory and, by cascade, its document: its words lose one document."""
    adjust_vocabulary(Counter({term: -1 for term in terms_of(instance.doc)}))
