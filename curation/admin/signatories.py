"""Admin for signatories: imported facts read-only; curated fields, address and aliases through
the curation services, each kind of change with its own reason; merges on the merge screen."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html

from curation import services
from curation.admin.actions import CuratedThroughServicesMixin
from curation.admin.filters import (
    ArtefactFilter,
    CorrectedFilter,
    InEverySourceFilter,
    SourceFilter,
    with_curation_flags,
)
from curation.admin.forms import CountryField, clean_language, evidence_field, language_field
from curation.admin.forms import reason_field as reason
from curation.admin.history import AuditedAdmin
from curation.admin.merge_view import merge_screen
from curation.admin.search import signatory_search
from signatories.models import Alias, ListEntry, MatchOverride, Signatory

RELATED_HISTORY_ROWS = 200

# Each kind of change has its own reason: (form fields it covers, the reason's label).
REASONS = {
    "name": (["curated_name"], "Why this display name"),
    "details": (["curated_kind", "country", "name_language"], "Why this kind, country or language"),
    "note": (["public_note"], "Why this public note"),
    "slug": (["slug"], "Why this address"),
    "aliases": ([], "Why these aliases"),
}


def required_reason(label: str) -> forms.CharField:
    return reason(required=False, label=label, help_text="Required when this kind changes.")


class SignatoryCurationForm(forms.ModelForm):
    country = CountryField(label="Country")
    reason_name = required_reason(REASONS["name"][1])
    reason_details = required_reason(REASONS["details"][1])
    reason_note = required_reason(REASONS["note"][1])
    reason_slug = required_reason(REASONS["slug"][1])
    reason_aliases = required_reason(REASONS["aliases"][1])
    allow_shared_aliases = forms.BooleanField(
        required=False,
        label="Add aliases another signatory has",
        help_text="Only after checking that the two are not one signatory (else merge them).",
    )
    evidence_url = evidence_field()

    class Meta:
        model = Signatory
        fields = ["curated_name", "curated_kind", "country", "name_language", "public_note", "slug"]
        labels = {
            "curated_name": "Display name",
            "curated_kind": "Kind",
            "name_language": "Language of the name",
            "slug": "Address",
        }
        help_texts = {
            "curated_name": "Shown instead of the printed name; the readings stay as printed. "
            "Leave blank to show the printed name.",
            "curated_kind": "Leave blank to keep the kind guessed from the printed name.",
            "name_language": "A language tag: en, ja, zh-Hant…",
            "public_note": "Shown on the signatory's public page.",
            "slug": "The page's address, /signatories/<address>/. The old address will redirect "
            "to the new one.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typed = self.instance.country if self.instance.pk else ""
        field = self.fields["country"]
        if typed and typed not in dict(field.choices):
            field.choices = [*field.choices, (typed, f"{typed} (as typed before)")]

    def clean_name_language(self):
        return clean_language(self.cleaned_data["name_language"])

    def validate_unique(self):
        pass  # the address is checked by the service, which also knows old addresses

    def kinds_changed(self) -> list[str]:
        return [k for k, (names, _) in REASONS.items() if set(names) & set(self.changed_data)]

    def clean(self):
        cleaned = super().clean()
        for kind in self.kinds_changed():
            if not (cleaned.get(f"reason_{kind}") or "").strip():
                self.add_error(f"reason_{kind}", "Say why: this change needs a reason.")
        return cleaned


class AliasFormSet(forms.BaseInlineFormSet):
    """Aliases added or removed need the aliases' reason; a name another signatory already has
    needs the curator's confirmation first."""

    def clean(self):
        super().clean()
        adding = [
            f.cleaned_data["name"]
            for f in self.extra_forms
            if f.has_changed() and f not in self.deleted_forms and f.cleaned_data.get("name")
        ]
        removing = [f for f in self.deleted_forms if f.instance.pk]
        if (adding or removing) and not self.data.get("reason_aliases", "").strip():
            raise forms.ValidationError("Say why the aliases change (the reason for aliases).")
        if self.data.get("allow_shared_aliases"):
            return
        for name in adding:
            others = services.signatories_named(
                self.instance.letter_id, name, besides=self.instance
            )
            if others:
                named = ", ".join(f"“{o.name}”" for o in others)
                raise forms.ValidationError(
                    f"“{name}” is already a name of {named}: if they are one signatory, merge "
                    "them; to add it all the same, tick “Add aliases another signatory has”."
                )


class AliasForm(forms.ModelForm):
    # The inline's table heads its columns but labels no input: name each for assistive tech.
    language = language_field(widget=forms.TextInput(attrs={"aria-label": "Language of the alias"}))

    class Meta:
        model = Alias
        fields = ["name", "language", "reason"]
        widgets = {"name": forms.TextInput(attrs={"aria-label": "Alias", "class": "vTextField"})}

    def clean_language(self):
        return clean_language(self.cleaned_data["language"])


class AliasInline(admin.TabularInline):
    """Aliases are added and removed with the aliases' reason (through the services)."""

    model = Alias
    form = AliasForm
    formset = AliasFormSet
    fields = ["name", "language", "reason"]
    readonly_fields = ["reason"]
    extra = 1

    def has_change_permission(self, request, obj=None):
        return False


class EntryInline(admin.TabularInline):
    model = ListEntry
    fields = ["source", "ordinal", "text", "match_method", "match_score", "override"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name_plural = "list entries (the importer's evidence, and a curator's pin if any)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "override")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Signatory)
class SignatoryAdmin(CuratedThroughServicesMixin, AuditedAdmin):
    form = SignatoryCurationForm
    change_form_template = "admin/curation/signatory_change_form.html"
    list_display = ["name", "kind", "country_name", "listed_in_sources", "is_corrected", "slug"]
    list_filter = [SourceFilter, "kind", InEverySourceFilter, CorrectedFilter, ArtefactFilter]
    search_fields = ["slug"]  # and the search app's folded names (get_search_results)
    search_help_text = (
        "Any name, printed reading or alias, folded as the public search folds it (case, accents, "
        'scripts), or an address. Separate alternatives with |, e.g. HRIC | "Human Rights in '
        'China", to list two signatories and merge them.'
    )
    readonly_fields = ["public_page", "imported_name", "imported_kind", "name_artefacts"]
    fieldsets = [
        ("As imported", {"fields": readonly_fields}),
        (
            "Curated",
            {
                "fields": [
                    "curated_name",
                    "curated_kind",
                    "country",
                    "name_language",
                    "public_note",
                    "slug",
                ]
            },
        ),  # fmt: skip
    ]
    inlines = [AliasInline, EntryInline]
    actions = ["merge_signatories"]
    ordering = ["sort_key", "pk"]
    list_per_page = 100

    def get_urls(self):
        view = self.admin_site.admin_view(lambda request: merge_screen(self, request))
        return [path("merge/", view, name="signatories_signatory_merge"), *super().get_urls()]

    def get_queryset(self, request):
        return with_curation_flags(
            super()
            .get_queryset(request)
            .annotate(source_total=Count("entries__source", distinct=True))
        )

    def get_search_results(self, request, queryset, search_term):
        return signatory_search(queryset, search_term), False

    def related_history(self, obj) -> list:
        rows = []
        for model, label in ((Alias, "alias"), (ListEntry, "entry"), (MatchOverride, "override")):
            for record in model.history.filter(signatory_id=obj.pk).select_related("history_user")[
                :RELATED_HISTORY_ROWS
            ]:
                record.kind_label = label
                rows.append(record)
        return sorted(rows, key=lambda r: r.history_date, reverse=True)[:RELATED_HISTORY_ROWS]

    @admin.display(description="sources", ordering="source_total")
    def listed_in_sources(self, obj):
        return obj.source_total

    @admin.display(description="country", ordering="country")
    def country_name(self, obj):
        return obj.country_name

    @admin.display(description="corrected", boolean=True)
    def is_corrected(self, obj):
        return obj.is_corrected

    @admin.display(description="public page")
    def public_page(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def has_add_permission(self, request):
        return False  # signatories come from the import, or from a split

    def has_delete_permission(self, request, obj=None):
        return False  # merged, never deleted

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data

        def why(kind: str) -> dict:
            return {
                "reason": data[f"reason_{kind}"],
                "evidence_url": data["evidence_url"],
                "user": request.user,
            }

        kinds, calls = form.kinds_changed(), []
        if "name" in kinds:
            calls.append(
                lambda: services.signatory_rename(
                    signatory=obj, name=data["curated_name"], **why("name")
                )
            )
        if "details" in kinds:
            calls.append(
                lambda: services.signatory_set_details(
                    signatory=obj,
                    kind=data["curated_kind"],
                    country=data["country"],
                    name_language=data["name_language"],
                    **why("details"),
                )
            )
        if "note" in kinds:
            calls.append(
                lambda: services.signatory_set_note(
                    signatory=obj, note=data["public_note"], **why("note")
                )
            )
        if "slug" in kinds:
            calls.append(
                lambda: services.signatory_change_slug(
                    signatory=obj, slug=data["slug"], **why("slug")
                )
            )
        self.run_services(request, calls)
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model is not Alias or getattr(request, "curation_failed", False):
            return  # entries are read-only here
        data = form.cleaned_data
        why = {
            "reason": data["reason_aliases"],
            "evidence_url": data["evidence_url"],
            "user": request.user,
        }
        calls = []
        for alias_form in formset.deleted_forms:
            if alias_form.instance.pk:
                formset.deleted_objects.append(alias_form.instance)
                calls.append(lambda a=alias_form.instance: services.alias_remove(alias=a, **why))
        for alias_form in formset.extra_forms:
            if alias_form.has_changed() and alias_form not in formset.deleted_forms:
                formset.new_objects.append(alias_form.instance)
                calls.append(
                    lambda d=alias_form.cleaned_data: services.alias_add(
                        signatory=form.instance,
                        name=d["name"],
                        language=d.get("language", ""),
                        allow_shared=True,  # the formset asked the curator (AliasFormSet)
                        **why,
                    )
                )
        self.run_services(request, calls)

    @admin.action(description="Merge the two selected signatories…", permissions=["change"])
    def merge_signatories(self, request, queryset):
        pair = list(queryset.order_by("pk").values_list("pk", flat=True)[:3])
        if len(pair) != 2:
            self.message_user(request, "Select exactly two signatories to merge.", messages.ERROR)
            return None
        url = reverse("admin:signatories_signatory_merge")
        return HttpResponseRedirect(f"{url}?a={pair[0]}&b={pair[1]}")
