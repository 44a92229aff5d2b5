"""Admin for curation records: the corrections log (a readable diff, and undo), old slugs, source
notes (also edited from the source's page, see `sources`)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from curation import services
from curation.admin.actions import confirm_with_reason, each
from curation.admin.diff import changes_table
from curation.admin.forms import ReasonForm
from curation.admin.history import AuditedAdmin
from curation.models import Correction, SourceNote
from letters.admin import ReadOnlyAdmin
from signatories.models import SignatoryRedirect


def correction_link(correction: Correction | None) -> str:
    if correction is None:
        return "—"
    url = reverse("admin:curation_correction_change", args=[correction.pk])
    return format_html('<a href="{}">{}</a>', url, correction.summary)


@admin.register(Correction)
class CorrectionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action", "summary", "curator_name", "reason", "undone"]
    list_filter = ["action", "created_at", "source"]
    search_fields = ["summary", "reason", "signatories__name", "curator_name"]
    date_hierarchy = "created_at"
    fields = [
        "created_at", "action", "summary", "what_changed", "reason", "evidence_url",
        "signatories", "source", "curator_name", "undoes", "undone_by", "undo",
    ]  # fmt: skip
    readonly_fields = ["what_changed", "undoes", "undone_by", "undo"]
    list_select_related = ["reversed_by"]

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == "signatories__id__exact" or super().lookup_allowed(lookup, value, request)

    def get_urls(self):
        view = self.admin_site.admin_view(self.undo_view)
        return [
            path("<int:pk>/undo/", view, name="curation_correction_undo"),
            *super().get_urls(),
        ]

    @admin.display(description="what changed")
    def what_changed(self, obj):
        return changes_table(obj.changes)

    @admin.display(description="undoes")
    def undoes(self, obj):
        return correction_link(obj.reverses)

    @admin.display(description="undone by")
    def undone_by(self, obj):
        return correction_link(getattr(obj, "reversed_by", None))

    @admin.display(description="undone", boolean=True)
    def undone(self, obj):
        return hasattr(obj, "reversed_by")

    @admin.display(description="undo")
    def undo(self, obj):
        refusal = services.undo_refusal(obj)
        if refusal:
            return refusal
        url = reverse("admin:curation_correction_undo", args=[obj.pk])
        return format_html('<a class="button" href="{}">Undo this correction…</a>', url)

    def undo_view(self, request, pk: int):
        if not request.user.has_perm("curation.undo_correction"):
            raise PermissionDenied
        correction = get_object_or_404(Correction, pk=pk)
        form = ReasonForm(request.POST or None)
        refusal = services.undo_refusal(correction)
        if request.method == "POST" and not refusal and form.is_valid():
            try:
                undo = services.correction_undo(
                    correction=correction,
                    reason=form.cleaned_data["reason"],
                    evidence_url=form.cleaned_data["evidence_url"],
                    user=request.user,
                )
            except ValidationError as error:
                refusal = " ".join(error.messages)
            else:
                subjects = format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    ((s.get_absolute_url(), s.name) for s in undo.signatories.all()),
                )
                self.message_user(
                    request,
                    format_html(
                        'Undone: {}. See <a href="{}">the undo</a>; public pages: {}.',
                        correction.summary,
                        reverse("admin:curation_correction_change", args=[undo.pk]),
                        subjects or "none",
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:curation_correction_change", args=[undo.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": "Undo a correction",
            "opts": self.model._meta,
            "correction": correction,
            "diff": changes_table(correction.changes),
            "refusal": refusal,
            "form": form,
        }
        return TemplateResponse(request, "admin/curation/undo_confirmation.html", context)


@admin.register(SignatoryRedirect)
class SignatoryRedirectAdmin(ReadOnlyAdmin):
    list_display = ["old_slug", "signatory", "created_at"]
    list_select_related = ["signatory"]
    search_fields = ["old_slug", "signatory__name", "signatory__slug"]


@admin.register(SourceNote)
class SourceNoteAdmin(AuditedAdmin):
    """Notes are written from their source's page; listed here, and removed with a reason."""

    list_display = ["source_slug", "text", "on_page", "updated_at"]
    search_fields = ["text", "source_slug"]
    fields = ["source_slug", "text", "on_page", "updated_at"]
    readonly_fields = fields
    actions = ["remove_notes"]

    @admin.display(description="source")
    def on_page(self, obj):
        source = obj.source
        if source is None:
            return "Not loaded now: the note waits until the source returns to letter.toml."
        url = reverse("admin:letters_sourceversion_change", args=[source.pk])
        return format_html('<a href="{}">Edit it on the source’s page</a>', url)

    def has_add_permission(self, request):
        return False  # from the source's page

    def has_change_permission(self, request, obj=None):
        return False  # from the source's page

    def has_delete_permission(self, request, obj=None):
        return False

    def has_remove_permission(self, request):
        return request.user.has_perm("curation.delete_sourcenote")

    @admin.action(description="Remove the selected notes…", permissions=["remove"])
    def remove_notes(self, request, queryset):
        def remove(note, data):
            source = note.source
            if source is None:
                raise ValidationError(
                    f"The source {note.source_slug} is not loaded now: its note stays until it "
                    "returns."
                )
            services.source_set_note(
                source=source,
                note="",
                reason=data["reason"],
                evidence_url=data["evidence_url"],
                user=request.user,
            )

        return confirm_with_reason(
            self,
            request,
            queryset,
            title="Remove source notes",
            intro="These notes will no longer be shown with their sources.",
            apply=each(remove),
        )
