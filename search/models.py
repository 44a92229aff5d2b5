"""Denormalised search data: one folded document per signatory, and the words they contain.

Both tables are derived from signatories, entries and aliases by `search.documents`, never edited
by hand; `rebuild_search_index` rewrites them. The backend-specific indexes (trigram GIN on
PostgreSQL, an FTS5 trigram table on SQLite) are created by this app's migrations.
"""

from django.db import models

from search.keys import INITIALISM_MAX, blocking_keys
from signatories.models import Signatory


class SearchDocument(models.Model):
    """Every name of one signatory, folded (see `search.keys.build_document`)."""

    signatory = models.OneToOneField(
        Signatory, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    doc = models.TextField(help_text="Folded names: '/ display name / reading / alias /'.")
    compact = models.TextField(help_text="The same names without spaces: '/displayname/...'.")
    native = models.TextField(
        default="", help_text="The names in their own scripts, case-folded, one a line."
    )
    # A copy of Signatory.name: ranking sorts and pages documents before it joins signatories.
    name = models.CharField(max_length=500, default="")
    initials = models.TextField(
        default="", help_text="The initials of its names (search.keys.initialisms): ' hrw icj '."
    )

    def __str__(self) -> str:
        return self.doc


class SearchName(models.Model):
    """One folded name of a document (see `search.keys.document_keys`), on its own row.

    A query equal to a name is looked up here by plain indexes, whatever the size of the archive:
    a broad query whose matches are only sampled (see `search.queries.ranked_search`) still finds
    the signatories it names exactly.
    """

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="names")
    key = models.TextField(help_text="The folded name, words separated by single spaces.")
    compact = models.TextField(help_text="The same without spaces.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "key"], name="search_name_once_per_document"
            )
        ]
        indexes = [
            models.Index(fields=["key"], name="search_name_key"),
            models.Index(fields=["compact"], name="search_name_compact"),
        ]

    def __str__(self) -> str:
        return self.key


class SearchInitialism(models.Model):
    """One of the initialisms of a document (see `search.keys.initialisms`), on its own row, so
    that "hrw" finds "Human Rights Watch" by an index lookup whatever the size of the archive."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="initialisms"
    )
    letters = models.CharField(max_length=INITIALISM_MAX)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "letters"], name="search_initialism_once_per_document"
            )
        ]
        indexes = [models.Index(fields=["letters"], name="search_initialism_letters")]

    def __str__(self) -> str:
        return self.letters


KEYS = ("head_key", "tail_key", "skeleton_key")


class SearchTerm(models.Model):
    """One distinct folded word of the documents: the vocabulary typos are corrected against.

    Filed under three keys (`search.keys.blocking_keys`) so that the terms one edit away from a
    typed word are found by index lookups, not by comparing the word with the whole vocabulary.
    """

    term = models.CharField(max_length=200, unique=True)
    head_key = models.CharField(max_length=8, default="")
    tail_key = models.CharField(max_length=8, default="")
    skeleton_key = models.CharField(max_length=8, default="")
    documents = models.IntegerField(
        default=0, help_text="How many search documents have the term: rarer terms narrow more."
    )

    class Meta:
        # A lookup reads the rows filed under its keys from these alone (an index-only scan on
        # PostgreSQL, which includes the other columns; plain indexes elsewhere).
        indexes = [
            models.Index(
                fields=[key],
                include=[c for c in ("term", *KEYS, "documents") if c != key],
                name=f"search_term_{key}",
            )
            for key in KEYS
        ]

    def __str__(self) -> str:
        return self.term

    @classmethod
    def filed(cls, term: str, documents: int = 0) -> "SearchTerm":
        head, tail, skeleton_head = blocking_keys(term)
        return cls(
            term=term,
            head_key=head,
            tail_key=tail,
            skeleton_key=skeleton_head,
            documents=documents,
        )
