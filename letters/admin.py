"""Admin for the letter and its sources: imported facts, shown read-only."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from letters.models import Letter, SourceVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    """Imported records: only `load_letter` writes them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Letter)
class LetterAdmin(ReadOnlyAdmin):
    list_display = ["title", "slug", "date", "data_version", "imported_at"]
    search_fields = ["title", "slug"]


@admin.register(SourceVersion)
class SourceVersionAdmin(ReadOnlyAdmin):
    list_display = ["position", "slug", "publisher", "kind", "entry_total", "short_sha256"]
    list_display_links = ["slug"]
    list_filter = ["kind", "language"]
    search_fields = ["slug", "title", "publisher", "file_name", "sha256"]
    exclude = ["text", "body"]
    readonly_fields = ["entries_link"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_entry_counts()

    @admin.display(description="entries", ordering="entry_count")
    def entry_total(self, obj):
        return obj.entry_count

    @admin.display(description="sha256")
    def short_sha256(self, obj):
        return obj.sha256[:12]

    @admin.display(description="entries")
    def entries_link(self, obj):
        url = reverse("admin:signatories_listentry_changelist") + f"?source__id__exact={obj.pk}"
        return format_html('<a href="{}">{} entries</a>', url, obj.entries.count())
