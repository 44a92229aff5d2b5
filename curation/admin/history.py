"""The audit trail in the admin: django-simple-history's pages, read-only and CSP-clean, with
the rows about a record's aliases, entries and overrides beside its own, and who wrote each row:
a curator, or the importer."""

from django.contrib.admin.utils import unquote
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin


class AuditedAdmin(SimpleHistoryAdmin):
    """History shows who changed what and why. Reverting from it is not offered: a revert would
    bypass the curation services (no reason, no log entry) and could touch imported fields;
    undoing the corrections made since does it properly."""

    # simple_history's own list template carries an inline style attribute, which the CSP blocks.
    object_history_list_template = "admin/curation/object_history_list.html"

    def revert_disabled(self, request, obj=None):
        return True

    def related_history(self, obj) -> list:
        """History rows of records that belong to `obj` (its aliases, entries...), newest first."""
        return []

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        related = self.related_history(obj) if obj is not None else []
        return super().history_view(
            request, object_id, {**(extra_context or {}), "related_history": related}
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version, read-only, pointing to the corrections log where changes are undone."""
        obj = self.get_object(request, unquote(object_id))
        version = self.model.history.filter(pk=version_id).first() if obj is not None else None
        if version is None:
            return super().history_form_view(request, object_id, version_id, extra_context)
        if not self.has_view_history_or_change_history_permission(request, obj):
            return super().history_form_view(request, object_id, version_id, extra_context)
        fields = [
            (f.verbose_name, getattr(version, f.attname))
            for f in self.model._meta.concrete_fields
            if hasattr(version, f.attname)  # the history keeps no derived fields (sort keys)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": f"{obj} as of {version.history_date:%Y-%m-%d %H:%M}",
            "opts": self.model._meta,
            "object": obj,
            "version": version,
            "fields": fields,
            "refused": request.method != "GET",
            "corrections_url": reverse("admin:curation_correction_changelist"),
        }
        return TemplateResponse(
            request,
            "admin/curation/history_version.html",
            context,
            status=403 if request.method != "GET" else 200,
        )
