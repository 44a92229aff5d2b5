"""Admin for curation records: the corrections log and old slugs (read-only), source notes."""

from django.contrib import admin

from curation import services
from curation.admin.actions import CuratedThroughServicesMixin, confirm_with_reason, each
from curation.admin.forms import CurationModelForm
from curation.admin.history import AuditedAdmin
from curation.models import Correction, SourceNote
from letters.admin import ReadOnlyAdmin
from signatories.models import SignatoryRedirect


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "summary", "curator_name", "reason"]
    list_filter = ["action", "created_at", "source"]
    search_fields = ["summary", "reason", "signatories__name", "curator_name"]
    date_hierarchy = "created_at"
    fields = [
        "created_at", "action", "summary", "changes", "reason", "evidence_url", "signatories",
        "source", "curator", "curator_name", "key",
    ]  # fmt: skip


@admin.register(SignatoryRedirect)
class SignatoryRedirectAdmin(ReadOnlyAdmin):
    list_display = ["old_slug", "signatory", "created_at"]
    list_select_related = ["signatory"]
    search_fields = ["old_slug", "signatory__name", "signatory__slug"]


class SourceNoteForm(CurationModelForm):
    class Meta:
        model = SourceNote
        fields = ["source", "text"]
        labels = {"text": "Public note"}


@admin.register(SourceNote)
class SourceNoteAdmin(CuratedThroughServicesMixin, AuditedAdmin):
    form = SourceNoteForm
    list_display = ["source", "text", "updated_at"]
    list_select_related = ["source"]
    search_fields = ["text", "source__slug", "source__title"]
    autocomplete_fields = ["source"]
    actions = ["remove_notes"]

    def get_readonly_fields(self, request, obj=None):
        return ["source"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False

    def has_remove_permission(self, request):
        return request.user.has_perm("curation.delete_sourcenote")

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        source = obj.source if change else data["source"]
        ok = self.run_services(
            request,
            [
                lambda: services.source_set_note(
                    source=source,
                    note=data["text"],
                    reason=data["reason"],
                    evidence_url=data["evidence_url"],
                    user=request.user,
                )
            ],
        )
        if ok and not change:
            obj.pk = SourceNote.objects.get(source=source).pk

    @admin.action(description="Remove the selected notes…", permissions=["remove"])
    def remove_notes(self, request, queryset):
        return confirm_with_reason(
            self,
            request,
            queryset.select_related("source"),
            title="Remove source notes",
            intro="These notes will no longer be shown with their sources.",
            apply=each(
                lambda note, data: services.source_set_note(
                    source=note.source,
                    note="",
                    reason=data["reason"],
                    evidence_url=data["evidence_url"],
                    user=request.user,
                )
            ),
        )
