"""`{% path "letters:about" %}`: `{% url "letters:about" %}` for a page without arguments,
resolved once per process rather than on every render (letters.paths)."""

from django import template

from letters.paths import named_path

register = template.Library()


@register.simple_tag
def path(view_name: str) -> str:
    return named_path(view_name)
