"""Admin saves and actions through the curation services: a refusal is shown on the form's page,
and an action that needs a reason shows a confirmation page first, then calls a service per object."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from curation.admin.forms import ReasonForm

CONFIRMED = "confirmed"


def confirm_with_reason(
    modeladmin,
    request,
    queryset,
    *,
    title: str,
    intro: str,
    apply: Callable[[list, dict], int],
    form_class: type[Form] = ReasonForm,
    form_kwargs: dict | None = None,
    button: str = "Confirm",
):
    """Show the objects and a reason form; once confirmed, `apply(objects, cleaned_data)`, which
    returns how many operations it made (see `each`)."""
    objects = list(queryset)
    confirmed = request.POST.get(CONFIRMED) == "yes"
    form = form_class(request.POST if confirmed else None, **(form_kwargs or {}))
    if confirmed and form.is_valid():
        try:
            done = apply(objects, form.cleaned_data)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        if done:
            modeladmin.message_user(request, f"{title}: done ({done}).", messages.SUCCESS)
        return None
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "objects": objects,
        "form": form,
        "button": button,
        "opts": opts,
        "app_label": opts.app_label,
        "action_name": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "confirmed_name": CONFIRMED,
        "media": modeladmin.media + form.media,
    }
    return TemplateResponse(request, "admin/curation/reason_confirmation.html", context)


def each(operation: Callable[[object, dict], object]) -> Callable[[list, dict], int]:
    """Apply `operation(obj, cleaned_data)` to every object; each is its own transaction."""

    def apply(objects: list, data: dict) -> int:
        for obj in objects:
            operation(obj, data)
        return len(objects)

    return apply


class CuratedThroughServicesMixin:
    """Report a service's refusal on the form's page instead of a success message."""

    def run_services(self, request, calls) -> bool:
        for call in calls:
            try:
                call()
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                request.curation_failed = True
                return False
        return True

    def response_change(self, request, obj):
        if getattr(request, "curation_failed", False):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
