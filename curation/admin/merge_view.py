"""The merge screen: two signatories side by side, a suggested survivor, the name chosen, a reason.

Like Wikidata's merge tool: each signatory's readings copy by copy, aliases, notes and lists, a
warning when one copy prints both (it would then name the survivor twice), and the display name
after the merge chosen explicitly, never changed by the merge itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from curation import services
from curation.admin.forms import ReasonForm
from letters.models import SourceVersion
from signatories.models import ListEntry, Signatory
from signatories.rules import display_reading

OTHER = "__other__"


@dataclass
class Side:
    signatory: Signatory
    entries: list[ListEntry]
    readings: list[tuple[SourceVersion, list[ListEntry]]]
    suggested: bool = False

    @property
    def sources(self) -> set[int]:
        return {e.source_id for e in self.entries}


def side(signatory: Signatory, sources: list[SourceVersion]) -> Side:
    entries = list(
        signatory.entries.select_related("source", "override").order_by(
            "source__position", "ordinal"
        )
    )
    return Side(
        signatory,
        entries,
        [(s, [e for e in entries if e.source_id == s.pk]) for s in sources],
    )


def suggested_survivor(a: Side, b: Side) -> Side:
    """The one listed by more copies, then with fewer extraction artefacts in its name, then with
    the longer name (a name over its acronym), then the older record."""

    def rank(s: Side):
        return (
            -len(s.sources),
            len(s.signatory.name_artefacts),
            -len(s.signatory.name),
            s.signatory.pk,
        )

    return min((a, b), key=rank)


def name_choices(a: Side, b: Side) -> list[tuple[str, str]]:
    readings = [(e.source.position, e.text) for e in a.entries + b.entries]
    printed = display_reading(readings)[0] if readings else ""
    choices: dict[str, str] = {}
    for s in (a, b):
        choices.setdefault(s.signatory.name, f"{s.signatory.name} (the name of {s.signatory.slug})")
    if printed:
        choices.setdefault(printed, f"{printed} (the printed name the rule picks for both)")
    return [*choices.items(), (OTHER, "Another name:")]


class MergeScreenForm(ReasonForm):
    survivor = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        label="Keep",
        help_text="The signatory whose address remains; the other's redirects to it.",
    )
    name = forms.ChoiceField(widget=forms.RadioSelect, label="Display name after the merge")
    other_name = forms.CharField(required=False, max_length=500, label="Another name")
    field_order = ["survivor", "name", "other_name", "reason", "evidence_url"]

    def __init__(self, *args, a: Side, b: Side, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].choices = [
            (s.signatory.pk, f"{s.signatory.name} ({s.signatory.slug})") for s in (a, b)
        ]
        self.fields["name"].choices = name_choices(a, b)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") == OTHER:
            cleaned["name"] = (cleaned.get("other_name") or "").strip()
            if not cleaned["name"]:
                self.add_error("other_name", "Type the name, or choose one above.")
        return cleaned


def merge_screen(model_admin, request):
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    params = request.POST if request.method == "POST" else request.GET
    try:
        pks = [int(params.get("a", "")), int(params.get("b", ""))]
    except ValueError:
        pks = []
    if len(set(pks)) != 2:
        model_admin.message_user(request, "Choose two signatories to merge.", messages.ERROR)
        return HttpResponseRedirect(reverse("admin:signatories_signatory_changelist"))
    first, second = (get_object_or_404(Signatory, pk=pk) for pk in pks)
    sources = list(SourceVersion.objects.with_lists().filter(letter_id=first.letter_id))
    a, b = side(first, sources), side(second, sources)
    suggestion = suggested_survivor(a, b)
    suggestion.suggested = True
    initial = {"survivor": suggestion.signatory.pk, "name": suggestion.signatory.name}
    form = MergeScreenForm(
        request.POST if request.method == "POST" else None, initial=initial, a=a, b=b
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survivor, merged = (first, second) if data["survivor"] == first.pk else (second, first)
        try:
            correction = services.signatory_merge(
                survivor=survivor,
                merged=merged,
                name=data["name"],
                reason=data["reason"],
                evidence_url=data["evidence_url"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            survivor.refresh_from_db()
            model_admin.message_user(
                request,
                format_html(
                    'Merged: <a href="{}">{}</a> (<a href="{}">public page</a>). '
                    '<a href="{}">Undo this merge</a> from its correction.',
                    reverse("admin:signatories_signatory_change", args=[survivor.pk]),
                    survivor.name,
                    survivor.get_absolute_url(),
                    reverse("admin:curation_correction_undo", args=[correction.pk]),
                ),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:signatories_signatory_change", args=[survivor.pk])
            )
    shared = [
        (source, ea, eb)
        for (source, ea), (_, eb) in zip(a.readings, b.readings, strict=True)
        if ea and eb
    ]
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Merge two signatories",
        "opts": opts,
        "sides": [a, b],
        "sources": sources,
        "rows": [
            (source, ea, eb) for (source, ea), (_, eb) in zip(a.readings, b.readings, strict=True)
        ],
        "shared": shared,
        "form": form,
        "pair": (first.pk, second.pk),
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/curation/merge_screen.html", context)
