"""The curation dashboard on the admin's index: what waits for review, the latest corrections."""

from django import template

from curation.models import Correction
from curation.review import review_count

register = template.Library()
RECENT = 5


@register.inclusion_tag("admin/curation/dashboard.html", takes_context=True)
def curation_dashboard(context):
    user = context["request"].user
    return {
        "can_review": user.has_perm("signatories.change_listentry"),
        "to_review": review_count(),
        "can_read_log": user.has_perm("curation.view_correction"),
        "recent": list(Correction.objects.all()[:RECENT]),
    }
