"""The directory's select boxes, drawn in code, are byte for byte what Django's template draws."""

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from public.filters import DirectoryFilter
from public.widgets import InlineSelect
from signatories.models import Signatory

CHOICES = [
    ("", "Any source"),
    ("cihrs-web", "CIHRS: Web page"),
    ("a&b", 'Quotes "and" <tags>'),
    ("lazy", gettext_lazy("Lazy label")),
    ("safe", mark_safe("<b>already safe</b>")),
]
GROUPED = [("", "Any"), ("Scripts", [("ja", "日本語"), ("ar", "العربية")]), ("x", "Other")]


@pytest.mark.parametrize("choices", [CHOICES, GROUPED])
@pytest.mark.parametrize("value", ["", "a&b", "ja", None, "not a choice"])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_f"}, {"id": "id_f", "required": True, "disabled": False, "data-x": "<&>"}],
)
def test_inline_select_draws_what_djangos_select_template_draws(choices, value, attrs):
    expected = forms.Select(choices=choices).render("field", value, attrs=attrs)
    assert InlineSelect(choices=choices).render("field", value, attrs=attrs) == expected


def test_every_select_of_the_directory_filters_matches_django(db):
    data = {"sort": "-name", "kind": "planet", "coverage": "some"}
    bound = DirectoryFilter(data, queryset=Signatory.objects.none())
    drawn = []
    for field in bound.form:
        if isinstance(field.field.widget, InlineSelect):
            field.field.widget = forms.Select(choices=field.field.widget.choices)
            django_html = str(field)
            field.field.widget = InlineSelect(choices=field.field.widget.choices)
            assert str(field) == django_html, field.name
            drawn.append(field.name)
    assert drawn == ["listed_in", "missing_from", "coverage", "kind", "sort"]
