"""Admin for signatories and their entries: imported facts read-only, curation through services."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from curation import services
from curation.admin_actions import confirm_with_reason, each
from curation.admin_forms import CurationModelForm, ReasonForm
from curation.admin_history import AuditedAdmin
from curation.models import Correction
from letters.models import SourceVersion
from signatories.models import Alias, ListEntry, MatchMethod, MatchOverride, Signatory

CURATED_FIELDS = ["curated_name", "curated_kind", "country", "name_language", "public_note"]
DETAIL_FIELDS = {"curated_kind", "country", "name_language"}


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


# List filters ---------------------------------------------------------------------------------


class SourceFilter(admin.SimpleListFilter):
    title = "source"
    parameter_name = "source"

    def lookups(self, request, model_admin):
        return [(s.slug, f"{s.slug}: {s.publisher}") for s in SourceVersion.objects.with_lists()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(entries__source__slug=self.value()).distinct()
        return queryset


class InEverySourceFilter(admin.SimpleListFilter):
    title = "in every list"
    parameter_name = "in_every_list"

    def lookups(self, request, model_admin):
        return [("yes", "In every list"), ("no", "Missing from some list")]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        list_total = (
            SourceVersion.objects.with_lists()
            .filter(letter=OuterRef("letter"))
            .order_by()
            .values("letter")
            .annotate(n=Count("pk"))
            .values("n")
        )
        queryset = queryset.annotate(
            listed_in=Count("entries__source", distinct=True), list_total=Subquery(list_total)
        )
        if self.value() == "yes":
            return queryset.filter(listed_in=F("list_total"))
        return queryset.filter(listed_in__lt=F("list_total"))


def corrected_q() -> Q:
    return (
        ~Q(curated_name="")
        | ~Q(curated_kind="")
        | ~Q(country="")
        | ~Q(name_language="")
        | ~Q(public_note="")
        | Q(has_alias=True)
        | Q(has_override=True)
        | Q(has_correction=True)
    )


def with_curation_flags(queryset):
    return queryset.annotate(
        has_alias=Exists(Alias.objects.filter(signatory=OuterRef("pk"))),
        has_override=Exists(MatchOverride.objects.filter(signatory=OuterRef("pk"))),
        has_correction=Exists(
            Correction.signatories.through.objects.filter(signatory=OuterRef("pk"))
        ),
    )


class CorrectedFilter(admin.SimpleListFilter):
    title = "corrected"
    parameter_name = "corrected"

    def lookups(self, request, model_admin):
        return [("yes", "Corrected by a curator"), ("no", "As imported")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return with_curation_flags(queryset).filter(corrected_q())
        if self.value() == "no":
            return with_curation_flags(queryset).exclude(corrected_q())
        return queryset


# Signatories ----------------------------------------------------------------------------------


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
        return bool(
            obj.curated_name
            or obj.curated_kind
            or obj.country
            or obj.name_language
            or obj.public_note
            or obj.has_alias
            or obj.has_override
            or obj.has_correction
        )

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
        if DETAIL_FIELDS & set(changed):
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


# Entries --------------------------------------------------------------------------------------


class EntryCurationForm(CurationModelForm):
    operation = forms.ChoiceField(
        choices=[
            ("override", "This entry belongs to the signatory chosen above (match override)"),
            ("split", "Split this entry off into a new signatory"),
        ],
        widget=forms.RadioSelect,
        initial="override",
    )
    new_name = forms.CharField(
        required=False,
        max_length=500,
        label="Name of the new signatory",
        help_text="Only for a split. Leave blank to name it as printed.",
    )

    class Meta:
        model = ListEntry
        fields = ["signatory"]
        labels = {"signatory": "Belongs to"}

    def clean(self):
        cleaned = super().clean()
        entry = ListEntry.objects.select_related("signatory").get(pk=self.instance.pk)
        target = cleaned.get("signatory")
        if target is None:
            return cleaned
        try:
            if cleaned.get("operation") == "split":
                if target.pk != entry.signatory_id:
                    raise ValidationError("Choose either another signatory or a split, not both.")
                services.check_not_last_entry(entry)
            elif target.pk != entry.signatory_id:
                services.check_not_last_entry(entry)
            elif MatchOverride.objects.filter(
                source_id=entry.source_id, ordinal=entry.ordinal, signatory=target, text=entry.text
            ).exists():
                raise ValidationError("Nothing to change: this entry is already pinned there.")
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        return cleaned


class PinnedFilter(admin.SimpleListFilter):
    title = "pinned by a curator"
    parameter_name = "pinned"

    def lookups(self, request, model_admin):
        return [("yes", "Pinned"), ("no", "Matched by the importer")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(match_method=MatchMethod.OVERRIDE)
        if self.value() == "no":
            return queryset.exclude(match_method=MatchMethod.OVERRIDE)
        return queryset


@admin.register(ListEntry)
class ListEntryAdmin(CuratedThroughServicesMixin, AuditedAdmin):
    form = EntryCurationForm
    list_display = [
        "text",
        "source",
        "ordinal",
        "number",
        "signatory",
        "match_method",
        "match_score",
    ]
    list_filter = ["source", "match_method", PinnedFilter, "signatory__kind"]
    list_select_related = ["source", "signatory"]
    search_fields = ["text", "signatory__name"]
    autocomplete_fields = ["signatory"]
    readonly_fields = [
        "source", "ordinal", "number", "text", "line_start", "line_end", "match_method",
        "match_score",
    ]  # fmt: skip
    fieldsets = [
        ("As printed", {"fields": readonly_fields}),
        ("Curated", {"fields": ["signatory", "operation", "new_name"]}),
        ("Why", {"fields": ["reason", "evidence_url"]}),
    ]
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        entry = ListEntry.objects.select_related("source", "signatory").get(pk=obj.pk)
        why = {"reason": data["reason"], "evidence_url": data["evidence_url"], "user": request.user}
        if data["operation"] == "split":
            call = lambda: services.entry_split(entry=entry, name=data["new_name"], **why)  # noqa: E731
        else:
            call = lambda: services.match_override(entry=entry, signatory=data["signatory"], **why)  # noqa: E731
        self.run_services(request, [call])


# Curation records -----------------------------------------------------------------------------


@admin.register(MatchOverride)
class MatchOverrideAdmin(AuditedAdmin):
    list_display = ["text", "source", "ordinal", "signatory", "created_at"]
    list_filter = ["source"]
    list_select_related = ["source", "signatory"]
    search_fields = ["text", "signatory__name", "reason"]
    readonly_fields = ["source", "ordinal", "text", "signatory", "reason", "created_at", "entry"]
    actions = ["remove_overrides"]

    @admin.display(description="entry")
    def entry(self, obj):
        entry = ListEntry.objects.filter(source=obj.source, ordinal=obj.ordinal).first()
        if entry is None:
            return "—"
        url = reverse("admin:signatories_listentry_change", args=[entry.pk])
        return format_html('<a href="{}">{}</a>', url, entry)

    def has_add_permission(self, request):
        return False  # set from the entry's page

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # withdrawn with a reason, through the action

    def has_remove_permission(self, request):
        return request.user.has_perm("signatories.delete_matchoverride")

    @admin.action(description="Withdraw the selected overrides…", permissions=["remove"])
    def remove_overrides(self, request, queryset):
        return confirm_with_reason(
            self,
            request,
            queryset.select_related("source", "signatory"),
            title="Withdraw match overrides",
            intro=(
                "The entries stay with their signatory; only a later change of the source's text "
                "at that place would let the importer match them again."
            ),
            apply=each(
                lambda override, data: services.match_override_remove(
                    override=override,
                    reason=data["reason"],
                    evidence_url=data["evidence_url"],
                    user=request.user,
                )
            ),
        )


class AliasAddForm(CurationModelForm):
    class Meta:
        model = Alias
        fields = ["signatory", "name"]


@admin.register(Alias)
class AliasAdmin(AuditedAdmin):
    form = AliasAddForm
    list_display = ["name", "signatory", "reason"]
    list_select_related = ["signatory"]
    search_fields = ["name", "signatory__name"]
    autocomplete_fields = ["signatory"]
    actions = ["remove_aliases"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["signatory", "name", "reason", "evidence_url"]
        return ["signatory", "name", "reason"]

    def has_change_permission(self, request, obj=None):
        return False  # remove and add instead, each with its reason

    def has_delete_permission(self, request, obj=None):
        return False

    def has_remove_permission(self, request):
        return request.user.has_perm("signatories.delete_alias")

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        alias = services.alias_add(
            signatory=data["signatory"],
            name=data["name"],
            reason=data["reason"],
            evidence_url=data["evidence_url"],
            user=request.user,
        )
        obj.pk, obj.reason = alias.pk, alias.reason

    @admin.action(description="Remove the selected aliases…", permissions=["remove"])
    def remove_aliases(self, request, queryset):
        return confirm_with_reason(
            self,
            request,
            queryset.select_related("signatory"),
            title="Remove aliases",
            intro="Search will no longer find these signatories under these names.",
            apply=each(
                lambda alias, data: services.alias_remove(
                    alias=alias,
                    reason=data["reason"],
                    evidence_url=data["evidence_url"],
                    user=request.user,
                )
            ),
        )
