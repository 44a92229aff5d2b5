"""The audit trail in the admin: django-simple-history's pages, read-only and CSP-clean."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class AuditedAdmin(SimpleHistoryAdmin):
    """History shows who changed what and why; reverting is refused, because a revert would
    bypass the curation services (no reason, no correction log) and could touch imported fields."""

    # simple_history's own list template carries an inline style attribute, which the CSP blocks.
    object_history_list_template = "admin/curation/object_history_list.html"

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied("Reverting from the history is disabled; use the change form.")
        return super().history_form_view(request, object_id, version_id, extra_context)
