"""Admin forms for curators' operations: each asks why (shown publicly) and may cite evidence."""

from django import forms

from curation import services
from signatories.countries import country_choices

REASON_HELP = "Why this correction is right. Shown publicly in the corrections log."
EVIDENCE_HELP = "Optional: a public page that supports the correction."


def reason_field(*, required: bool = True, label: str = "Reason", help_text: str = REASON_HELP):
    return forms.CharField(
        required=required,
        label=label,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=help_text,
    )


def evidence_field() -> forms.URLField:
    return forms.URLField(
        required=False, max_length=500, assume_scheme="https", help_text=EVIDENCE_HELP,
        label="Evidence link",
    )  # fmt: skip


def language_field(label: str = "Language", **kwargs) -> forms.CharField:
    return forms.CharField(
        required=False,
        max_length=20,
        label=label,
        help_text="A language tag: en, ja, zh-Hant…",
        **kwargs,
    )


def clean_language(value: str) -> str:
    value = (value or "").strip()
    if value and not services.NAME_LANGUAGE_RE.match(value):
        raise forms.ValidationError("Use a language tag such as en, ja or zh-Hant.")
    return value


class CountryField(forms.ChoiceField):
    """A country from ISO 3166 (pycountry), stored as its alpha-2 code; blank for none."""

    def __init__(self, **kwargs):
        super().__init__(choices=[("", "(not set)"), *country_choices()], required=False, **kwargs)


class CurationModelForm(forms.ModelForm):
    """A model form whose save goes through the curation services, with a reason."""

    reason = reason_field()
    evidence_url = evidence_field()

    def curated_changes(self) -> list[str]:
        return [f for f in self.changed_data if f not in ("reason", "evidence_url")]


class ReasonForm(forms.Form):
    """The confirmation page of a bulk operation (removals, undo)."""

    reason = reason_field()
    evidence_url = evidence_field()
