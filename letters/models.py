"""The letter and its source versions: imported facts, written only by the importer."""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from letters.paths import slug_path


class Letter(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True)
    addressees = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    # Bumped by every import or curation that changes what readers see (ETags, caches).
    data_version = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(null=True, blank=True)
    manifest = models.TextField(blank=True, help_text="letter.toml exactly as read.")

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title


# How letter.toml says a document names no publisher: "Publisher not stated (a news report)".
PUBLISHER_NOT_STATED = "Publisher not stated"


class SourceKind(models.TextChoices):
    WEB_PAGE = "web-page", "Web page"
    PDF_TEXT = "pdf-text", "Text extracted from a PDF"
    PRESS_RELEASE = "press-release", "Press release"
    NEWS_REPORT = "news-report", "News report"
    PDF = "pdf", "PDF (the original file)"
    WEB_ARCHIVE = "web-archive", "Web-archive capture (WARC or WACZ)"


class SourceVersionQuerySet(models.QuerySet):
    def with_lists(self):
        return self.exclude(kind=SourceKind.NEWS_REPORT)

    def with_entry_counts(self):
        """Each source's `entry_count`: how many entries its list has, counted per source from
        the entries' index (a join grouped by every column of the sources costs twice as much)."""
        entries = self.model._meta.get_field("entries").related_model
        counted = (
            entries.objects.filter(source=OuterRef("pk"))
            .order_by()
            .values("source")
            .annotate(count=Count("*"))
            .values("count")
        )
        return self.annotate(entry_count=Coalesce(Subquery(counted), 0))


class SourceVersion(models.Model):
    """One received file: its metadata from letter.toml, its bytes' identity, and what was parsed."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="sources")
    slug = models.SlugField(max_length=100)
    position = models.PositiveIntegerField(help_text="Order of the source in letter.toml.")
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(help_text="Size of the file in bytes.")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    language = models.CharField(max_length=20, blank=True)
    published = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    # Where the copy came from, when the documents say so (letter.toml's url, retrieved,
    # archived_url); blank when they do not.
    url = models.URLField(max_length=500, blank=True)
    retrieved = models.DateField(null=True, blank=True)
    archived_url = models.URLField(max_length=500, blank=True)
    text = models.TextField(
        help_text="The full text exactly as received (for a PDF or a capture: as read from it)."
    )
    # The file's bytes exactly as received: what /sources/<slug>/raw serves and verify_fixity
    # hashes. Not `text`: a later copy may be a PDF or a web-archive capture.
    raw = models.BinaryField(default=b"")
    # A web-archive capture's provenance: the URL that was captured, and when.
    captured_url = models.URLField(max_length=2000, blank=True)
    captured_at = models.DateTimeField(null=True, blank=True)
    # What the parser extracted and noticed.
    printed_title = models.CharField(max_length=300, blank=True)
    addressees = models.TextField(blank=True)
    body = models.TextField(blank=True)
    closing = models.CharField(max_length=200, blank=True)
    list_style = models.CharField(max_length=20, blank=True)
    claimed_total = models.PositiveIntegerField(null=True, blank=True)
    claimed_anonymous = models.PositiveIntegerField(null=True, blank=True)
    claimed_more_than = models.PositiveIntegerField(null=True, blank=True)
    diagnostics = models.JSONField(default=list, blank=True)

    objects = SourceVersionQuerySet.as_manager()

    class Meta:
        ordering = ["letter", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "slug"], name="source_slug_unique_per_letter"
            ),
            models.UniqueConstraint(
                fields=["letter", "sha256"], name="source_sha256_unique_per_letter"
            ),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="source_sha256_is_hex"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values), name="source_kind_is_known"
            ),
            models.CheckConstraint(
                condition=Q(claimed_anonymous__isnull=True)
                | Q(claimed_total__isnull=True)
                | Q(claimed_anonymous__lte=models.F("claimed_total")),
                name="source_anonymous_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})"

    def get_absolute_url(self) -> str:
        return slug_path("letters:source-detail", self.slug)

    def get_raw_url(self) -> str:
        return slug_path("letters:source-raw", self.slug)

    @property
    def claimed_named(self) -> int | None:
        if self.claimed_total is None or self.claimed_anonymous is None:
            return None
        return self.claimed_total - self.claimed_anonymous

    @property
    def has_list(self) -> bool:
        return self.kind != SourceKind.NEWS_REPORT

    @property
    def publisher_stated(self) -> bool:
        """False where letter.toml says the document names no publisher (docs/sources.md)."""
        return not self.publisher.startswith(PUBLISHER_NOT_STATED)
