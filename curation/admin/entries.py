"""Admin for list entries, match overrides and aliases: confirmations, moves, splits and
removals through the curation services, each with a reason; the review queue's address."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import path, reverse
from django.utils.html import format_html

from curation import services
from curation.admin.actions import CuratedThroughServicesMixin, confirm_with_reason, each
from curation.admin.filters import PinnedFilter
from curation.admin.forms import CurationModelForm, clean_language, language_field
from curation.admin.history import AuditedAdmin
from curation.admin.review_view import review_queue_view
from curation.admin.search import entry_search
from signatories.models import Alias, ListEntry, MatchOverride


class EntryCurationForm(CurationModelForm):
    operation = forms.ChoiceField(
        choices=[
            (
                "override",
                "This entry belongs to the signatory chosen above (moves it there, or confirms "
                "the importer's match if it is there already)",
            ),
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
        entry = ListEntry.objects.select_related("signatory", "source").get(pk=self.instance.pk)
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
            elif MatchOverride.for_entry(entry).filter(signatory=target, text=entry.text).exists():
                raise ValidationError("Nothing to change: this entry is already pinned there.")
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        return cleaned


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
        "pin",
    ]
    list_filter = ["source", "match_method", PinnedFilter, "signatory__kind"]
    list_select_related = ["source", "signatory", "override"]
    search_fields = ["text"]  # and the search app's folded names (get_search_results)
    autocomplete_fields = ["signatory"]
    readonly_fields = [
        "source", "ordinal", "number", "text", "line_start", "line_end", "match_method",
        "match_score", "pin",
    ]  # fmt: skip
    fieldsets = [
        ("As printed, and the importer's evidence", {"fields": readonly_fields}),
        ("Curated", {"fields": ["signatory", "operation", "new_name"]}),
        ("Why", {"fields": ["reason", "evidence_url"]}),
    ]
    list_per_page = 100

    def get_urls(self):
        view = self.admin_site.admin_view(lambda request: review_queue_view(self, request))
        return [path("review/", view, name="signatories_listentry_review"), *super().get_urls()]

    def get_search_results(self, request, queryset, search_term):
        return entry_search(queryset, search_term), False

    @admin.display(description="curator's pin")
    def pin(self, obj):
        if obj.override_id is None:
            return "—"
        return obj.override.get_kind_display()

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
        if self.run_services(request, [call]):
            entry.refresh_from_db()
            target = entry.signatory
            self.message_user(
                request,
                format_html(
                    'The entry is now on <a href="{}">{}</a> (<a href="{}">public page</a>).',
                    reverse("admin:signatories_signatory_change", args=[target.pk]),
                    target.name,
                    target.get_absolute_url(),
                ),
                messages.SUCCESS,
            )


@admin.register(MatchOverride)
class MatchOverrideAdmin(AuditedAdmin):
    list_display = ["text", "source_slug", "ordinal", "signatory", "kind", "created_at"]
    list_filter = ["source_slug", "kind"]
    list_select_related = ["signatory"]
    search_fields = ["text", "signatory__name", "reason"]
    readonly_fields = [
        "source_slug",
        "ordinal",
        "text",
        "signatory",
        "kind",
        "reason",
        "created_at",
        "entry",
    ]
    actions = ["remove_overrides"]

    @admin.display(description="entry")
    def entry(self, obj):
        entry = (
            obj.pinned_entries.first()
            or ListEntry.objects.filter(
                source__letter_id=obj.letter_id, source__slug=obj.source_slug, ordinal=obj.ordinal
            ).first()
        )
        if entry is None:
            return "— (its source is not loaded now: the override waits for it)"
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
            queryset.select_related("signatory"),
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
    language = language_field()
    allow_shared = forms.BooleanField(
        required=False,
        label="Another signatory has this name",
        help_text="Tick to add it all the same, after checking they are not one signatory.",
    )

    class Meta:
        model = Alias
        fields = ["signatory", "name", "language"]

    def clean_language(self):
        return clean_language(self.cleaned_data["language"])

    def clean(self):
        cleaned = super().clean()
        target, name = cleaned.get("signatory"), (cleaned.get("name") or "").strip()
        if target and name and not cleaned.get("allow_shared"):
            others = services.signatories_named(target.letter_id, name, besides=target)
            if others:
                named = ", ".join(f"“{o.name}” ({o.slug})" for o in others)
                self.add_error(
                    "allow_shared",
                    f"“{name}” is already a name of {named}. If they are one signatory, merge "
                    "them; else tick this box to add the alias all the same.",
                )
        return cleaned


@admin.register(Alias)
class AliasAdmin(AuditedAdmin):
    form = AliasAddForm
    list_display = ["name", "language", "signatory", "reason"]
    list_select_related = ["signatory"]
    search_fields = ["name", "signatory__name"]
    autocomplete_fields = ["signatory"]
    actions = ["remove_aliases"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["signatory", "name", "language", "allow_shared", "reason", "evidence_url"]
        return ["signatory", "name", "language", "reason"]

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
            language=data["language"],
            reason=data["reason"],
            evidence_url=data["evidence_url"],
            user=request.user,
            allow_shared=data["allow_shared"],
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
