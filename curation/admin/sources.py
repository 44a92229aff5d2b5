"""The source's admin page with its curators' public note editable there, with a reason.

The source itself stays read-only (only `load_letter` writes it); this replaces the letters app's
registration, which cannot know about curation's notes.
"""

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html

from curation import services
from curation.admin.actions import CuratedThroughServicesMixin
from curation.admin.forms import evidence_field, reason_field
from curation.models import SourceNote
from letters.admin import SourceVersionAdmin
from letters.models import SourceVersion


class SourceNoteForm(forms.ModelForm):
    note = forms.CharField(
        required=False,
        label="Curators' public note",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="Shown with the source on its public page. Leave blank to remove it.",
    )
    reason = reason_field(required=False, help_text="Required when the note changes.")
    evidence_url = evidence_field()

    class Meta:
        model = SourceVersion
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            current = SourceNote.objects.of(self.instance).first()
            self.initial["note"] = current.text if current else ""

    def clean(self):
        cleaned = super().clean()
        if "note" in self.changed_data and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Say why: a change of the note needs a reason.")
        return cleaned


admin.site.unregister(SourceVersion)


@admin.register(SourceVersion)
class CuratedSourceVersionAdmin(CuratedThroughServicesMixin, SourceVersionAdmin):
    form = SourceNoteForm
    list_display = [*SourceVersionAdmin.list_display, "has_note"]

    def get_fieldsets(self, request, obj=None):
        imported = [
            f.name
            for f in SourceVersion._meta.concrete_fields
            if f.name not in ("id", "text", "body")
        ]
        return [
            ("As imported (read-only)", {"fields": [*imported, "entries_link"]}),
            ("Curated", {"fields": ["note", "reason", "evidence_url"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return [
            *(f.name for f in SourceVersion._meta.concrete_fields if f.name != "id"),
            "entries_link",
        ]

    @admin.display(description="curators' note", boolean=True)
    def has_note(self, obj):
        return SourceNote.objects.of(obj).exists()

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("curation.change_sourcenote") and request.user.has_perm(
            "curation.add_sourcenote"
        )

    def save_model(self, request, obj, form, change):
        if "note" not in form.changed_data:
            return
        data = form.cleaned_data
        ok = self.run_services(
            request,
            [
                lambda: services.source_set_note(
                    source=obj,
                    note=data["note"],
                    reason=data["reason"],
                    evidence_url=data["evidence_url"],
                    user=request.user,
                )
            ],
        )
        if ok:
            self.message_user(
                request,
                format_html(
                    'Note saved; see it on <a href="{}">the public page</a>.',
                    obj.get_absolute_url(),
                ),
                messages.SUCCESS,
            )
