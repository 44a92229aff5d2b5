"""Rebuild every signatory's search document and the typo vocabulary from the database.

The importer and curation keep documents current one change at a time; this command is for
after a deploy that changes how names are folded (search.keys), or data written by other means
(a restored dump, the shell). It writes only the documents whose text changed.
"""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from search.documents import refresh_search_documents
from search.fts import resync
from search.models import SearchDocument, SearchTerm


class Command(BaseCommand):
    help = "Rebuild the search documents of all signatories and the vocabulary of their words."

    def handle(self, *args, verbosity, **options):
        changed = refresh_search_documents()
        if connection.vendor == "sqlite":
            with transaction.atomic(), connection.cursor() as cursor:
                resync(cursor)  # the FTS table is derived too: refill it whatever happened to it
        if verbosity >= 1:
            self.stdout.write(
                f"{SearchDocument.objects.count()} documents, {SearchTerm.objects.count()} terms."
            )
        if changed:
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {changed} changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Search index rebuilt: nothing changed."))
