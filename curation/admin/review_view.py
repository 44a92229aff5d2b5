"""The review queue in the admin: doubtful matches grouped by signatory, decided in bulk.

Each doubtful entry offers: leave it for later, confirm it where the importer put it, move it to
a candidate, or split it off; the decisions chosen are applied together under one reason, each as
its own correction (so each can be undone), through `curation.services`.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from curation import services
from curation.admin.forms import evidence_field, reason_field
from curation.review import review_queue
from letters.models import Letter
from signatories.models import CONFIDENT_SCORE, ListEntry, Signatory

CONFIRM, SPLIT, MOVE = "confirm", "split", "move-"


class ThresholdForm(forms.Form):
    threshold = forms.FloatField(
        min_value=0,
        max_value=100,
        required=False,
        label="Fuzzy matches scoring below",
        help_text="Similar-text matches at or above this score are not shown.",
    )


class DecisionsForm(forms.Form):
    reason = reason_field(required=False, help_text="One reason for every decision applied.")
    evidence_url = evidence_field()


def threshold_of(request) -> tuple[float, ThresholdForm]:
    form = ThresholdForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["threshold"] is not None:
        return form.cleaned_data["threshold"], form
    if not form.is_bound:
        form = ThresholdForm(initial={"threshold": CONFIDENT_SCORE})
    return CONFIDENT_SCORE, form


def decisions_of(request, threshold: float, *, confirm_all: bool):
    """[(entry, decision)] posted for entries still awaiting review."""
    waiting = {
        e.pk: e
        for e in ListEntry.objects.awaiting_review(threshold).select_related("source", "signatory")
    }
    chosen = []
    for pk, entry in waiting.items():
        decision = CONFIRM if confirm_all else request.POST.get(f"decision-{pk}", "")
        if decision:
            chosen.append((entry, decision))
    return chosen


def apply(entry: ListEntry, decision: str, why: dict) -> Signatory:
    if decision == CONFIRM:
        services.match_override(entry=entry, signatory=entry.signatory, **why)
        return entry.signatory
    if decision == SPLIT:
        return services.entry_split(entry=entry, **why)
    if decision.startswith(MOVE) and decision[len(MOVE) :].isdigit():
        target = Signatory.objects.get(pk=int(decision[len(MOVE) :]), letter=entry.source.letter)
        services.match_override(entry=entry, signatory=target, **why)
        return target
    raise ValidationError(f"Unknown decision for {entry}.")


def review_queue_view(model_admin, request):
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    threshold, threshold_form = threshold_of(request)
    form = DecisionsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        chosen = decisions_of(request, threshold, confirm_all="confirm_all" in request.POST)
        reason = form.cleaned_data["reason"].strip()
        if chosen and not reason:
            form.add_error("reason", "Say why: the decisions need a reason.")
        elif not chosen:
            model_admin.message_user(request, "No decision was chosen.", messages.WARNING)
        else:
            why = {
                "reason": reason,
                "evidence_url": form.cleaned_data["evidence_url"],
                "user": request.user,
            }
            done = []
            for entry, decision in chosen:
                try:
                    done.append(apply(entry, decision, why))
                except (ValidationError, Signatory.DoesNotExist) as error:
                    text = " ".join(getattr(error, "messages", [str(error)]))
                    model_admin.message_user(request, text, messages.ERROR)
            if done:
                links = format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    (
                        (reverse("admin:signatories_signatory_change", args=[s.pk]), s.name)
                        for s in dict.fromkeys(done)
                    ),
                )
                model_admin.message_user(
                    request,
                    format_html("{} decision(s) applied: {}.", len(done), links),
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(request.get_full_path())
    groups = [
        group
        for letter in Letter.objects.order_by("slug")
        for group in review_queue(letter, threshold)
    ]
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Review doubtful matches",
        "opts": opts,
        "groups": groups,
        "doubt_count": sum(len(g.doubts) for g in groups),
        "threshold": threshold,
        "threshold_form": threshold_form,
        "form": form,
        "media": model_admin.media,
    }
    return TemplateResponse(request, "admin/curation/review_queue.html", context)
