"""Curators' records: the public corrections log and source notes.

Also registers the audit trail (django-simple-history) of the models curators change; their
historical tables live in this app so that the imported apps' migrations stay untouched.
"""

import uuid

import simple_history
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from letters.models import Letter, SourceVersion
from signatories.models import Alias, ListEntry, MatchOverride, Signatory

for tracked in (Signatory, ListEntry, MatchOverride, Alias):
    # A signatory's sort key is derived from its name on every save: nothing to audit.
    simple_history.register(
        tracked, app="curation", excluded_fields=["sort_key"] if tracked is Signatory else []
    )


class CorrectionAction(models.TextChoices):
    RENAME = "rename", "Renamed"
    DETAILS = "details", "Kind, country or language set"
    ALIAS_ADD = "alias-add", "Alias added"
    ALIAS_REMOVE = "alias-remove", "Alias removed"
    MERGE = "merge", "Signatories merged"
    SPLIT = "split", "Entry split off"
    OVERRIDE = "override", "Match set by a curator"
    CONFIRM = "confirm", "Match confirmed by a curator"
    OVERRIDE_REMOVE = "override-remove", "Match override withdrawn"
    SIGNATORY_NOTE = "signatory-note", "Note on a signatory"
    SOURCE_NOTE = "source-note", "Note on a source"
    SLUG = "slug", "Address changed"
    UNDO = "undo", "Correction undone"


class Correction(models.Model):
    """One curator's decision, as the public log shows it: what changed, why, when, by whom."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="corrections")
    action = models.CharField(max_length=20, choices=CorrectionAction.choices)
    summary = models.CharField(max_length=1000)
    # [{"field": ..., "old": ..., "new": ...}], values as readers saw them.
    changes = models.JSONField(default=list, blank=True)
    reason = models.TextField()
    evidence_url = models.URLField(max_length=500, blank=True)
    signatories = models.ManyToManyField(Signatory, related_name="corrections", blank=True)
    source = models.ForeignKey(
        SourceVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="corrections",
    )
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The only thing about the curator the public sees.
    curator_name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # An undo points at the correction it reverses (Wagtail's revert-as-a-new-revision).
    reverses = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reversed_by"
    )
    # Not public: the rows the correction touched, as they were before and after it, which is
    # what `curation.services.correction_undo` puts back (see curation.services.snapshots).
    undo_data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("undo_correction", "Can undo a correction")]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="correction_reason_given"),
            models.CheckConstraint(condition=~Q(summary=""), name="correction_summary_given"),
            models.CheckConstraint(
                condition=Q(action__in=CorrectionAction.values),
                name="correction_action_is_known",
            ),
        ]

    def __str__(self) -> str:
        return self.summary


class SourceNoteQuerySet(models.QuerySet):
    def of(self, source: SourceVersion):
        return self.filter(letter_id=source.letter_id, source_slug=source.slug)

    def dormant(self):
        """Notes on sources that are not in their letter.toml now (kept until they return)."""
        return self.exclude(
            Exists(
                SourceVersion.objects.filter(
                    letter_id=OuterRef("letter_id"), slug=OuterRef("source_slug")
                )
            )
        )


class SourceNote(models.Model):
    """A curator's public note on one source (kept apart from the importer's fields).

    Keyed on the letter and the source's slug, not the source's row, so that it lies dormant while
    the source is out of letter.toml and is shown again when it returns.
    """

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="source_notes")
    source_slug = models.SlugField(max_length=100)
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = SourceNoteQuerySet.as_manager()

    class Meta:
        ordering = ["letter", "source_slug"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="source_note_not_empty"),
            models.UniqueConstraint(
                fields=["letter", "source_slug"], name="source_note_unique_per_source"
            ),
        ]

    def __str__(self) -> str:
        return f"Note on {self.source_slug}"

    @property
    def source(self) -> SourceVersion | None:
        return SourceVersion.objects.filter(letter_id=self.letter_id, slug=self.source_slug).first()
