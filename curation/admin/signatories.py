"""Admin for signatories: imported facts read-only, curated fields, aliases and merges through
the curation services, each with a reason."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html

from curation import services
from curation.admin.actions import CuratedThroughServicesMixin, confirm_with_reason
from curation.admin.filters import (
    CorrectedFilter,
    InEverySourceFilter,
    SourceFilter,
    with_curation_flags,
)
from curation.admin.forms import CurationModelForm, ReasonForm
from curation.admin.history import AuditedAdmin
from signatories.models import CURATED_FIELDS, Alias, ListEntry, Signatory


class SignatoryCurationForm(CurationModelForm):
    class Meta:
        model = Signatory
        fields = CURATED_FIELDS
        labels = {
            "curated_name": "Display name",
            "curated_kind": "Kind",
            "name_language": "Language of the name",
        }
        help_texts = {
            "curated_name": "Shown instead of the printed name; the readings stay as printed. "
            "Leave blank to show the printed name.",
            "curated_kind": "Leave blank to keep the kind guessed from the printed name.",
            "name_language": "A language tag: en, ja, zh-Hant…",
            "public_note": "Shown on the signatory's public page.",
        }

    def clean_name_language(self):
        value = self.cleaned_data["name_language"].strip()
        if value and not services.NAME_LANGUAGE_RE.match(value):
            raise forms.ValidationError("Use a language tag such as en, ja or zh-Hant.")
        return value


class EntryInline(admin.TabularInline):
    model = ListEntry
    fields = ["source", "ordinal", "text", "match_method", "match_score"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AliasInline(admin.TabularInline):
    """Aliases are added and removed with the signatory form's reason (through the services)."""

    model = Alias
    fields = ["name", "reason"]
    readonly_fields = ["reason"]
    extra = 1

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Signatory)
class SignatoryAdmin(CuratedThroughServicesMixin, AuditedAdmin):
    form = SignatoryCurationForm
    list_display = ["name", "kind", "country", "listed_in_sources", "is_corrected", "slug"]
    list_filter = [SourceFilter, "kind", InEverySourceFilter, CorrectedFilter]
    search_fields = ["name", "imported_name", "curated_name", "slug", "aliases__name"]
    search_help_text = (
        "Name, printed name, slug or alias. Separate alternatives with |, e.g. "
        'HRIC | "Human Rights in China", to list two signatories and merge them.'
    )
    readonly_fields = ["slug", "public_page", "imported_name", "imported_kind", "name_artefacts"]
    fieldsets = [
        ("As imported", {"fields": readonly_fields}),
        ("Curated", {"fields": CURATED_FIELDS}),
        (
            "Why",
            {
                "fields": ["reason", "evidence_url"],
                "description": "For every change saved from this page, aliases included.",
            },
        ),
    ]
    inlines = [AliasInline, EntryInline]
    actions = ["merge_signatories"]
    ordering = ["sort_key", "pk"]
    list_per_page = 100

    def get_queryset(self, request):
        return with_curation_flags(
            super()
            .get_queryset(request)
            .annotate(source_total=Count("entries__source", distinct=True))
        )

    def get_search_results(self, request, queryset, search_term):
        alternatives = [t.strip() for t in search_term.split("|") if t.strip()]
        if len(alternatives) < 2:
            return super().get_search_results(request, queryset, search_term)
        found = set()
        for term in alternatives:
            results, _ = super().get_search_results(request, queryset, term)
            found.update(results.values_list("pk", flat=True))
        return queryset.filter(pk__in=found), False

    @admin.display(description="sources", ordering="source_total")
    def listed_in_sources(self, obj):
        return obj.source_total

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
        data, changed = form.cleaned_data, form.curated_changes()
        why = {"reason": data["reason"], "evidence_url": data["evidence_url"], "user": request.user}
        calls = []
        if "curated_name" in changed:
            calls.append(
                lambda: services.signatory_rename(signatory=obj, name=data["curated_name"], **why)
            )
        if services.DETAIL_FIELDS.keys() & set(changed):
            calls.append(
                lambda: services.signatory_set_details(
                    signatory=obj,
                    kind=data["curated_kind"],
                    country=data["country"],
                    name_language=data["name_language"],
                    **why,
                )
            )
        if "public_note" in changed:
            calls.append(
                lambda: services.signatory_set_note(signatory=obj, note=data["public_note"], **why)
            )
        self.run_services(request, calls)

    def save_formset(self, request, form, formset, change):
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model is not Alias:
            return  # entries are read-only here
        data = form.cleaned_data
        why = {"reason": data["reason"], "evidence_url": data["evidence_url"], "user": request.user}
        calls = []
        for alias_form in formset.deleted_forms:
            if alias_form.instance.pk:
                formset.deleted_objects.append(alias_form.instance)
                calls.append(lambda a=alias_form.instance: services.alias_remove(alias=a, **why))
        for alias_form in formset.extra_forms:
            if alias_form.has_changed() and alias_form not in formset.deleted_forms:
                name = alias_form.cleaned_data["name"]
                formset.new_objects.append(alias_form.instance)
                calls.append(
                    lambda n=name: services.alias_add(signatory=form.instance, name=n, **why)
                )
        if not getattr(request, "curation_failed", False):
            self.run_services(request, calls)

    @admin.action(description="Merge the two selected signatories…", permissions=["change"])
    def merge_signatories(self, request, queryset):
        pair = list(queryset.order_by("name", "pk")[:3])
        if len(pair) != 2:
            self.message_user(request, "Select exactly two signatories to merge.", messages.ERROR)
            return None

        def merge(objects, data):
            survivor = data["survivor"]
            services.signatory_merge(
                survivor=survivor,
                merged=next(s for s in objects if s.pk != survivor.pk),
                reason=data["reason"],
                evidence_url=data["evidence_url"],
                user=request.user,
            )
            return 1

        return confirm_with_reason(
            self,
            request,
            pair,
            title="Merge two signatories",
            intro=(
                "Their entries, aliases and notes move to the signatory you keep; the other one's "
                "page and JSON URLs will redirect to it permanently. The entries are pinned so "
                "that re-importing the sources keeps them together."
            ),
            apply=merge,
            form_class=MergeForm,
            form_kwargs={"pair": pair},
            button="Merge",
        )


class MergeForm(ReasonForm):
    survivor = forms.ModelChoiceField(
        queryset=Signatory.objects.none(),
        widget=forms.RadioSelect,
        label="Keep",
        help_text="The signatory whose name and URL remain.",
        empty_label=None,
    )
    field_order = ["survivor", "reason", "evidence_url"]

    def __init__(self, *args, pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = Signatory.objects.filter(pk__in=[s.pk for s in pair])
        self.fields["survivor"].label_from_instance = lambda s: (
            f"{s.name} ({s.slug}, {s.entries.count()} entries)"
        )
