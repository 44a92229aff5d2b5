"""A select box drawn in Python: the HTML of Django's own select.html, without the template include
for every option and every attribute that cost the directory's filters a millisecond a page."""

from django import forms
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe


def html_attrs(attrs: dict) -> str:
    """What django/forms/widgets/attrs.html renders: ` name="value"`, ` name` for True, nothing
    for False (`stringformat:'s'` and autoescaping together are `conditional_escape`)."""
    return "".join(
        f" {esc(name)}" if value is True else f' {esc(name)}="{esc(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class InlineSelect(forms.Select):
    """`forms.Select` with text labels, rendered to the same HTML in code from Django's own
    context (its options, selection and attributes)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{esc(widget["name"])}"{html_attrs(widget["attrs"])}>']
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{esc(group_name)}">')
            for option in options:
                html.append(
                    f'\n  <option value="{esc(option["value"])}"{html_attrs(option["attrs"])}>'
                    f"{esc(option['label'])}</option>\n"
                )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        # Django's renderer strips what a widget's template renders.
        return mark_safe("".join(html).strip())
