"""Signatories and the list entries that attest them.

`ListEntry` rows are imported facts: one line of one source's list, exactly as printed. A
`Signatory` joins the entries that name the same organisation or person. Its `imported_*` fields are
written by the importer only; its `curated_*` fields and the curation models are written by curators
only, so a re-import never overwrites a curator's decision.
"""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from letters.models import Letter, SourceVersion
from letters.paths import slug_path
from names.sorting import name_sort_key
from signatories.countries import country_name

# The fields of a signatory only curators write (the importer writes the `imported_*` ones).
CURATED_FIELDS = ("curated_name", "curated_kind", "country", "name_language", "public_note")


class SignatoryKind(models.TextChoices):
    ORGANISATION = "organisation", "Organisation"
    INDIVIDUAL = "individual", "Individual"


class MatchMethod(models.TextChoices):
    EXACT = "exact", "Same text"
    NORMALIZED = "normalized", "Same text after quotes, dashes, entities and case"
    FOLDED = "folded", "Same letters after accents and scripts are folded"
    COMPACT = "compact", "Same letters once spaces are ignored"
    SCRIPT_RUNS = "script-runs", "Same script runs in another order"
    FUZZY = "fuzzy", "Similar text"
    FUZZY_ORDER = "fuzzy+order", "Similar text at the same place in the list"
    NEW = "new", "First reading: no earlier source names it"
    CURATED_READING = "curated-reading", "Same text as a reading a curator placed in another copy"
    # Entries a curator pinned before the importer's evidence was kept beside the pin.
    UNKNOWN = "unknown", "Not recorded"


# Matches that wait for a curator's review (see ListEntryQuerySet.awaiting_review).
DOUBTFUL_METHODS = (MatchMethod.FUZZY_ORDER, MatchMethod.UNKNOWN)
CONFIDENT_SCORE = 100.0


class PinKind(models.TextChoices):
    """What a curator's pin says about an entry, beside the importer's evidence."""

    CONFIRMED = "confirmed", "Confirmed by a curator"
    PLACED = "placed", "Placed here by a curator"


class SignatoryQuerySet(models.QuerySet):
    def in_every_list(self):
        """Signatories that every list of their letter names."""
        return self.filter(listed_everywhere())

    def missing_from_some_list(self):
        return self.exclude(listed_everywhere())

    def curated(self):
        """Signatories a curator decided something about: a curated field, an alias, a pinned
        entry, or a merged signatory's old slug that redirects here. Never dropped by an import."""
        decided = reduce(or_, (~Q(**{field: ""}) for field in CURATED_FIELDS))
        return self.filter(
            decided
            | Exists(Alias.objects.filter(signatory=OuterRef("pk")))
            | Exists(MatchOverride.objects.filter(signatory=OuterRef("pk")))
            | Exists(SignatoryRedirect.objects.filter(signatory=OuterRef("pk")))
        )


def listed_everywhere() -> Exists:
    """True when no list of the signatory's letter lacks an entry for it (as a filter: negated)."""
    lacking = (
        SourceVersion.objects.with_lists()
        .filter(letter=OuterRef("letter"))
        .exclude(
            Exists(
                ListEntry.objects.filter(source=OuterRef("pk"), signatory=OuterRef(OuterRef("pk")))
            )
        )
    )
    return ~Exists(lacking)


class Signatory(models.Model):
    # Looked up through `signatory_directory_order`, which starts with it.
    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="signatories", db_index=False
    )
    slug = models.SlugField(max_length=120, unique=True)
    # What readers see: the curated name when there is one, else the imported one.
    name = models.CharField(max_length=500, db_index=True)
    kind = models.CharField(
        max_length=20, choices=SignatoryKind.choices, default=SignatoryKind.ORGANISATION
    )
    # Imported facts: derived from the entries by the display-name rule (see signatories/rules.py).
    imported_name = models.CharField(max_length=500)
    imported_kind = models.CharField(
        max_length=20, choices=SignatoryKind.choices, default=SignatoryKind.ORGANISATION
    )
    name_artefacts = models.JSONField(default=list, blank=True)
    # Curated facts: never written by the importer.
    curated_name = models.CharField(max_length=500, blank=True)
    curated_kind = models.CharField(max_length=20, choices=SignatoryKind.choices, blank=True)
    # An ISO 3166 alpha-2 code (see signatories.countries).
    country = models.CharField(max_length=100, blank=True)
    name_language = models.CharField(max_length=20, blank=True)
    public_note = models.TextField(blank=True)
    # The shown name's Unicode Collation Algorithm key (names/sorting.py): how names sort.
    sort_key = models.BinaryField(default=b"", db_index=True)

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name_plural = "signatories"
        # The directory's page: one letter's signatories in this order, read from the index's
        # start (or an A-Z letter's range) without sorting the whole list.
        indexes = [
            models.Index(fields=["letter", "sort_key", "id"], name="signatory_directory_order")
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="signatory_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=SignatoryKind.values), name="signatory_kind_is_known"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = self.curated_name or self.imported_name
        self.kind = self.curated_kind or self.imported_kind
        self.sort_key = name_sort_key(self.name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name", "kind", "sort_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return slug_path("signatories:detail", self.slug)

    @property
    def country_name(self) -> str:
        return country_name(self.country)


class ListEntryQuerySet(models.QuerySet):
    def pinned(self):
        return self.filter(override__isnull=False)

    def awaiting_review(self, threshold: float = CONFIDENT_SCORE):
        """Doubtful matches no curator has decided about: a fuzzy match scoring below
        `threshold`, a match that needed order evidence, an importer's method not recorded, or a
        signatory first named by a copy other than the first list (method "new" there)."""
        first = (
            SourceVersion.objects.with_lists()
            .filter(letter=OuterRef("source__letter"))
            .order_by("position")
            .values("position")[:1]
        )
        return self.filter(override__isnull=True).filter(
            Q(match_method=MatchMethod.FUZZY, match_score__lt=threshold)
            | Q(match_method__in=DOUBTFUL_METHODS)
            | (Q(match_method=MatchMethod.NEW) & ~Q(source__position=Subquery(first)))
        )


class ListEntry(models.Model):
    """One line of one source's signatory list, as printed (wrapped lines joined).

    `match_method` and `match_score` are the importer's evidence and stay whatever curators
    decide; a curator's decision about the entry is its `override` (a pin), kept beside them.
    """

    # Looked up through `entry_ordinal_unique`, which starts with it.
    source = models.ForeignKey(
        SourceVersion, on_delete=models.CASCADE, related_name="entries", db_index=False
    )
    ordinal = models.PositiveIntegerField(help_text="1-based position in the list as printed.")
    number = models.PositiveIntegerField(null=True, blank=True, help_text="Printed number.")
    text = models.TextField(help_text="The entry exactly as extracted.")
    place = models.CharField(
        max_length=200, blank=True, help_text="A place the copy prints after the name, as printed."
    )
    line_start = models.PositiveIntegerField(help_text="First line of the entry in the file.")
    line_end = models.PositiveIntegerField(help_text="Last line of the entry in the file.")
    # Looked up through the (signatory, source) index, which starts with it.
    signatory = models.ForeignKey(
        Signatory, on_delete=models.PROTECT, related_name="entries", db_index=False
    )
    match_method = models.CharField(max_length=20, choices=MatchMethod.choices)
    match_score = models.FloatField(default=100.0)
    # A curator's pin: set only on entries a curator moved here or confirmed here.
    override = models.ForeignKey(
        "MatchOverride",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pinned_entries",
    )

    objects = ListEntryQuerySet.as_manager()

    class Meta:
        ordering = ["source__position", "ordinal"]
        verbose_name_plural = "list entries"
        constraints = [
            models.UniqueConstraint(fields=["source", "ordinal"], name="entry_ordinal_unique"),
            models.CheckConstraint(condition=Q(ordinal__gte=1), name="entry_ordinal_positive"),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1), name="entry_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(line_start__gte=1) & Q(line_end__gte=models.F("line_start")),
                name="entry_lines_ordered",
            ),
            models.CheckConstraint(
                condition=Q(match_score__gte=0) & Q(match_score__lte=100),
                name="entry_score_in_range",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="entry_text_not_empty"),
            models.CheckConstraint(
                condition=Q(match_method__in=MatchMethod.values), name="entry_method_is_known"
            ),
        ]
        indexes = [models.Index(fields=["signatory", "source"])]

    def __str__(self) -> str:
        return f"{self.source.slug} #{self.ordinal}: {self.text}"

    @property
    def similarity(self) -> float | None:
        """The match score as published: none for a first reading, which was compared with
        nothing (its stored 0 would read as a failed match)."""
        return None if self.match_method == MatchMethod.NEW else self.match_score


class MatchOverride(models.Model):
    """A curator's decision that one source entry belongs to a given signatory.

    Keyed on the letter, the source's slug, the ordinal and the printed text, never on the source
    row: it still applies after the entries are re-imported, lies dormant while its source is
    out of letter.toml and applies again when it returns, and stops applying if the source's text
    at that place changes.
    """

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="overrides")
    source_slug = models.SlugField(max_length=100)
    ordinal = models.PositiveIntegerField()
    text = models.TextField()
    signatory = models.ForeignKey(Signatory, on_delete=models.CASCADE, related_name="overrides")
    kind = models.CharField(max_length=20, choices=PinKind.choices, default=PinKind.PLACED)
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "source_slug", "ordinal"], name="override_unique_per_entry"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PinKind.values), name="override_kind_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_slug} #{self.ordinal} → {self.signatory}"

    @classmethod
    def for_entry(cls, entry: ListEntry):
        """The overrides keyed on this entry's place (at most one)."""
        return cls.objects.filter(
            letter_id=entry.source.letter_id, source_slug=entry.source.slug, ordinal=entry.ordinal
        )


class Alias(models.Model):
    """Another name a signatory is known by (acronym, translation, transliteration)."""

    signatory = models.ForeignKey(Signatory, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=500)
    # The language of the alias as a tag (en, ja, zh-Hant), blank when not said.
    language = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["signatory", "name"], name="alias_unique_per_signatory")
        ]

    def __str__(self) -> str:
        return self.name


class SignatoryRedirect(models.Model):
    """The slug of a signatory merged into another; its old URLs redirect to the survivor."""

    old_slug = models.SlugField(max_length=120, unique=True)
    signatory = models.ForeignKey(Signatory, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["old_slug"]
        constraints = [
            models.CheckConstraint(condition=~Q(old_slug=""), name="redirect_slug_not_empty")
        ]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.signatory.slug}"
