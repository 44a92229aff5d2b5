"""Admin forms for curators' operations: each asks why (shown publicly) and may cite evidence."""

from django import forms

REASON_HELP = "Why this correction is right. Shown publicly in the corrections log."
EVIDENCE_HELP = "Optional: a public page that supports the correction."


def reason_field() -> forms.CharField:
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}), help_text=REASON_HELP
    )


def evidence_field() -> forms.URLField:
    return forms.URLField(
        required=False, max_length=500, assume_scheme="https", help_text=EVIDENCE_HELP,
        label="Evidence link",
    )  # fmt: skip


class CurationModelForm(forms.ModelForm):
    """A model form whose save goes through the curation services, with a reason."""

    reason = reason_field()
    evidence_url = evidence_field()

    def curated_changes(self) -> list[str]:
        return [f for f in self.changed_data if f not in ("reason", "evidence_url")]


class ReasonForm(forms.Form):
    """The confirmation page of a bulk operation (merge, removals)."""

    reason = reason_field()
    evidence_url = evidence_field()
